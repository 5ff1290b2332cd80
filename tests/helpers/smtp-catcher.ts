import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

// A local SMTP catcher (the smtp-server package) on loopback: it keeps every mail it is given and
// can hand each one on (for instance into a Dovecot mailbox), or refuse as a real server would.
export type CaughtMail = { from: string; to: string[]; raw: Buffer; parsed: ParsedMail; user?: string };
export type CatcherFault = "transient" | "reject_recipient" | "bad_auth" | "hang";

export async function startSmtpCatcher({ user, password, deliver }: { user?: string; password?: string; deliver?: (mail: CaughtMail) => Promise<void> } = {}) {
  const mails: CaughtMail[] = [];
  const faults: CatcherFault[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: !user,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      if (faults[0] === "hang") {
        faults.shift();
        return; // never greets
      }
      callback();
    },
    onAuth(auth, _session, callback) {
      if (faults[0] === "bad_auth") {
        faults.shift();
        return callback(new Error("Invalid username or password"));
      }
      if (auth.username === user && auth.password === password) return callback(null, { user: auth.username });
      callback(new Error("Invalid username or password"));
    },
    onRcptTo(_address, _session, callback) {
      const fault = faults[0];
      if (fault === "transient" || fault === "reject_recipient") {
        faults.shift();
        const error = Object.assign(new Error(fault === "transient" ? "Try again later" : "No such user"), { responseCode: fault === "transient" ? 451 : 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks);
        const mail: CaughtMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          parsed: await simpleParser(raw),
          user: session.user as string | undefined,
        };
        mails.push(mail);
        try {
          await deliver?.(mail);
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    fail: (fault: CatcherFault) => faults.push(fault),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
