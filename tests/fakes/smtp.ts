import net from "node:net";
import type { AddressInfo } from "node:net";

export type SmtpMessage = { from: string; to: string[]; data: string; headers: Record<string, string>; body: string; messageId?: string; duplicate: boolean; auth?: string };
export type SmtpFault = { kind: "hang" | "transient" | "reject_recipient" | "bad_auth"; times?: number };

/** An SMTP server (RFC 5321 subset: EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) on 127.0.0.1. */
export async function startFakeSmtp({ user, password }: { user?: string; password?: string } = {}) {
  const messages: SmtpMessage[] = [];
  const transcripts: string[][] = [];
  const faults: SmtpFault[] = [];
  const seenIds = new Set<string>();
  const sockets = new Set<net.Socket>();

  const takeFault = () => {
    const fault = faults[0];
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) faults.shift();
    }
    return fault?.kind;
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    const transcript: string[] = [];
    transcripts.push(transcript);
    const fault = takeFault();
    if (fault === "hang") return;
    const say = (line: string) => socket.write(`${line}\r\n`);
    let buffer = "";
    let inData = false;
    let envelope: { from?: string; to: string[]; auth?: string } = { to: [] };
    say("220 fake.smtp ESMTP ready");
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          const raw = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          transcript.push("<data>");
          if (fault === "transient") {
            say("451 4.3.0 Temporary failure, try again later");
            continue;
          }
          const data = raw.replace(/(^|\r\n)\.\./g, "$1.");
          const message = toMessage({ data, envelope, seenIds });
          messages.push(message);
          envelope = { to: [], auth: envelope.auth };
          say(`250 2.0.0 Ok: queued as Q${messages.length}`);
          continue;
        }
        const end = buffer.indexOf("\r\n");
        if (end < 0) return;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        transcript.push(line);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") {
          say("250-fake.smtp greets you");
          say("250-8BITMIME");
          say("250-AUTH PLAIN");
          say("250 SMTPUTF8");
        } else if (line.toUpperCase().startsWith("AUTH PLAIN ")) {
          const [, u, p] = Buffer.from(line.slice(11), "base64").toString("utf8").split("\0");
          const ok = fault !== "bad_auth" && (user === undefined || (u === user && p === password));
          if (ok) envelope.auth = u;
          say(ok ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
        } else if (verb === "MAIL") {
          if (user !== undefined && !envelope.auth) say("530 5.7.0 Authentication required");
          else {
            envelope.from = /<([^>]*)>/.exec(line)?.[1] ?? "";
            say("250 2.1.0 Ok");
          }
        } else if (verb === "RCPT") {
          if (fault === "reject_recipient") say("550 5.1.1 Recipient address rejected: User unknown");
          else {
            envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? "");
            say("250 2.1.5 Ok");
          }
        } else if (verb === "DATA") {
          if (!envelope.from || envelope.to.length === 0) say("503 5.5.1 Bad sequence of commands");
          else {
            inData = true;
            say("354 End data with <CR><LF>.<CR><LF>");
          }
        } else if (verb === "RSET") {
          envelope = { to: [], auth: envelope.auth };
          say("250 2.0.0 Ok");
        } else if (verb === "NOOP") say("250 2.0.0 Ok");
        else if (verb === "QUIT") {
          say("221 2.0.0 Bye");
          socket.end();
          return;
        } else say("502 5.5.2 Command not recognized");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    transcripts,
    fail: (fault: SmtpFault) => faults.push({ ...fault, times: fault.times ?? 1 }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function toMessage({ data, envelope, seenIds }: { data: string; envelope: { from?: string; to: string[]; auth?: string }; seenIds: Set<string> }): SmtpMessage {
  const split = data.indexOf("\r\n\r\n");
  const head = split >= 0 ? data.slice(0, split) : data;
  const body = split >= 0 ? data.slice(split + 4) : "";
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const messageId = headers["message-id"];
  const duplicate = messageId !== undefined && seenIds.has(messageId);
  if (messageId) seenIds.add(messageId);
  return { from: envelope.from ?? "", to: [...envelope.to], data, headers, body, messageId, duplicate, auth: envelope.auth };
}
