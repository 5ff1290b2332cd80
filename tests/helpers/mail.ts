import { ImapFlow } from "imapflow";
import type { Dovecot } from "./dovecot";

export function rawMail({ from, to, subject, text, messageId, inReplyTo, references, date = new Date(), headers = {} }: {
  from: string; to: string; subject: string; text: string; messageId: string; inReplyTo?: string; references?: string; date?: Date; headers?: Record<string, string>;
}): string {
  const lines = [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: ${date.toUTCString()}`,
    `Message-ID: ${messageId}`,
    ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`] : []),
    ...(references ? [`References: ${references}`] : []),
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
  ];
  return `${lines.join("\r\n")}\r\n\r\n${text.replace(/\r?\n/g, "\r\n")}\r\n`;
}

export async function imapSession<T>(dovecot: Dovecot, user: string, pass: string, body: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user, pass }, logger: false });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export const deliver = (dovecot: Dovecot, user: string, pass: string, raw: string | Buffer) =>
  imapSession(dovecot, user, pass, async (client) => {
    await client.append("INBOX", raw);
  });

/** Every message in a user's INBOX, raw, oldest first. */
export const mailbox = (dovecot: Dovecot, user: string, pass: string) =>
  imapSession(dovecot, user, pass, async (client) => {
    await client.mailboxOpen("INBOX");
    const status = client.mailbox;
    if (!status || status.exists === 0) return [] as Buffer[];
    const all = await client.fetchAll("1:*", { source: true, uid: true });
    return all.sort((a, b) => a.uid - b.uid).map((m) => m.source!);
  });
