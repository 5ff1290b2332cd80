import net from "node:net";
import { ImapFlow } from "imapflow";
import { OutboundError, resolveOutbound } from "@/lib/security/outbound";
import { mailToEvent } from "@/lib/ingest/adapters/email/parse";
import type { InboundEventInput } from "@/lib/ingest/event";
import type { PollChannel, PollResult } from "./types";

// UIDVALIDITY + the last UID taken: a restart resumes after it, so no mail is fetched twice.
// A new UIDVALIDITY means the server renumbered the mailbox: it is read again from the start,
// and the pipeline's dedupe on Message-ID keeps what was already stored.
export type ImapCursor = { uidValidity: string; lastUid: number } | null;

export type ImapServer = { host: string; port: number; secure: boolean; mailbox: string; url: string };

export function imapServer(imapUrl: string | undefined): ImapServer {
  let url: URL;
  try {
    url = new URL(imapUrl ?? "");
  } catch {
    throw new Error("The IMAP URL is missing or invalid (imaps://host:993/INBOX or imap://host:143/INBOX).");
  }
  if (url.protocol !== "imap:" && url.protocol !== "imaps:") throw new Error("The IMAP URL must start with imap:// or imaps://.");
  const secure = url.protocol === "imaps:";
  const mailbox = decodeURIComponent(url.pathname.replace(/^\/+/, "")) || "INBOX";
  const port = Number(url.port) || (secure ? 993 : 143);
  return { host: url.hostname, port, secure, mailbox, url: `${url.protocol}//${url.hostname}:${port}/${encodeURIComponent(mailbox)}` };
}

/**
 * A client for the mailbox, through the outbound guard like every connection to a configured
 * address: the host is resolved and checked once and the connection pinned to that address,
 * while TLS still verifies the certificate against the host name. Throws OutboundError.
 */
export async function imapClient({ server, credentials, timeoutMs = 20_000, idle = false }: { server: ImapServer; credentials: Record<string, string>; timeoutMs?: number; idle?: boolean }): Promise<ImapFlow> {
  const { address } = await resolveOutbound(server.host);
  const hostname = server.host.replace(/^\[(.*)\]$/, "$1");
  return new ImapFlow({
    host: address,
    ...(net.isIP(hostname) ? {} : { servername: hostname }),
    port: server.port,
    secure: server.secure,
    auth: { user: credentials.user ?? "", pass: credentials.password ?? "" },
    logger: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: 5 * 60_000,
    // A watching connection enters IDLE a second after it is quiet and renews it every 10 minutes
    // (servers drop an IDLE after 30); a polling one never idles.
    ...(idle ? { autoIdleDelay: 1000, maxIdleTime: 10 * 60_000 } : { disableAutoIdle: true }),
  });
}

/** Fetches the mails after the cursor, oldest first, at most maxMessages a poll. Never throws. */
export async function pollImap({ channel, cursor, maxMessages = 100, timeoutMs }: { channel: PollChannel; cursor: ImapCursor; maxMessages?: number; timeoutMs?: number }): Promise<PollResult<ImapCursor>> {
  let server: ImapServer;
  try {
    server = imapServer(channel.credentials.imapUrl);
  } catch (error) {
    return { events: [], cursor, error: { reason: (error as Error).message, code: "invalid_request", retryable: false } };
  }
  let client: ImapFlow;
  try {
    client = await imapClient({ server, credentials: channel.credentials, timeoutMs });
  } catch (error) {
    return { events: [], cursor, ...imapFailure(error) };
  }
  client.on("error", () => undefined);
  const events: InboundEventInput[] = [];
  try {
    await client.connect();
    const mailbox = await client.mailboxOpen(server.mailbox, { readOnly: true });
    const uidValidity = String(mailbox.uidValidity);
    const after = cursor && cursor.uidValidity === uidValidity ? cursor.lastUid : 0;
    const found = (await client.search({ uid: `${after + 1}:*` }, { uid: true })) || [];
    // "n:*" always matches the newest message, even when its UID is below n.
    const uids = found.filter((uid) => uid > after).sort((a, b) => a - b).slice(0, maxMessages);
    let lastUid = after;
    if (uids.length) {
      const fetched = await client.fetchAll(uids.join(","), { uid: true, source: true }, { uid: true });
      fetched.sort((a, b) => a.uid - b.uid);
      for (const message of fetched) {
        if (message.source) events.push(await mailToEvent({ mail: { source: message.source, uid: message.uid, uidValidity, mailboxUrl: server.url }, mailboxAddress: channel.accountId }));
        lastUid = Math.max(lastUid, message.uid);
      }
    }
    await client.logout();
    return { events, cursor: { uidValidity, lastUid } };
  } catch (error) {
    client.close();
    return { events: [], cursor, ...imapFailure(error) };
  }
}

function imapFailure(error: unknown): Pick<PollResult<ImapCursor>, "error" | "retryAfterSeconds"> {
  if (error instanceof OutboundError) return { error: { reason: `IMAP: ${error.message}`, code: error.code === "refused" ? "invalid_request" : error.code === "timeout" ? "timeout" : "network", retryable: error.code !== "refused" } };
  const e = error as Error & { authenticationFailed?: boolean; responseText?: string; code?: string };
  if (e.authenticationFailed) return { error: { reason: "The IMAP server refused the user name or password.", code: "unauthorized", retryable: false } };
  const detail = e.responseText || e.message || String(error);
  return { error: { reason: `IMAP: ${detail}`.slice(0, 500), code: e.code === "ETIMEDOUT" ? "timeout" : "network", retryable: true } };
}
