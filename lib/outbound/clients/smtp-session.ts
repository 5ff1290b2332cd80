import net from "node:net";
import tls from "node:tls";
import { resolveOutbound } from "@/lib/security/outbound";

export type SmtpReply = { code: number; lines: string[] };
export type SmtpSession = { command: (line: string | null) => Promise<SmtpReply>; raw: (data: string) => Promise<SmtpReply>; close: () => void };

/** Opens a connection and reads the greeting; every reply, multi-line ones included, is one SmtpReply. */
export async function openSmtpSession({ host, port, secure, timeoutMs }: { host: string; port: number; secure: boolean; timeoutMs: number }): Promise<{ session: SmtpSession; greeting: SmtpReply }> {
  // Checked and pinned like every outgoing connection; TLS still verifies the host name.
  const { address } = await resolveOutbound(host);
  return new Promise((resolve, reject) => {
    const socket = secure ? tls.connect({ host: address, port, servername: net.isIP(host) ? undefined : host }) : net.connect({ host: address, port });
    const waiting: { resolve: (r: SmtpReply) => void; reject: (e: Error) => void }[] = [];
    const ready: SmtpReply[] = [];
    let buffer = "";
    let lines: string[] = [];
    let failure: Error | undefined;

    const fail = (error: Error) => {
      failure ??= error;
      for (const w of waiting.splice(0)) w.reject(failure);
      socket.destroy();
    };
    const deliver = (reply: SmtpReply) => {
      const next = waiting.shift();
      if (next) next.resolve(reply);
      else ready.push(reply);
    };
    const next = () =>
      new Promise<SmtpReply>((res, rej) => {
        if (ready.length) return res(ready.shift()!);
        if (failure) return rej(failure);
        waiting.push({ resolve: res, reject: rej });
      });

    socket.setEncoding("utf8");
    socket.setTimeout(timeoutMs, () => fail(Object.assign(new Error("SMTP server timed out"), { name: "TimeoutError" })));
    socket.on("error", (error) => fail(error));
    socket.on("close", () => fail(new Error("SMTP connection closed")));
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        lines.push(line.slice(4));
        // "250-..." continues a reply, "250 ..." ends it.
        if (line[3] !== "-") {
          deliver({ code: Number(line.slice(0, 3)) || 0, lines });
          lines = [];
        }
      }
    });

    const session: SmtpSession = {
      command: (line) => {
        if (line !== null) socket.write(`${line}\r\n`);
        return next();
      },
      raw: (data) => {
        socket.write(data);
        return next();
      },
      close: () => socket.end(),
    };
    next().then((greeting) => resolve({ session, greeting }), reject);
  });
}
