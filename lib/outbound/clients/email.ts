import { openSmtpSession, type SmtpReply } from "./smtp-session";
import { DEFAULT_TIMEOUT_MS, missing } from "./http";
import { OutboundError } from "@/lib/security/outbound";
import type { ReplyRequest, SendResult } from "./types";

type Failure = Extract<SendResult, { ok: false }>;

/**
 * Minimal SMTP submission over node:net (or implicit TLS with smtps://). No STARTTLS: point it at
 * a local relay or an smtps endpoint. The Message-ID comes from the idempotency key, so a
 * retried reply carries the same id and the recipient's client can collapse duplicates.
 * baseUrl is `smtp://host:port` or `smtps://host:port`; credentials: from, user?, password?.
 */
export async function sendReply({ baseUrl, request }: { baseUrl: string; request: ReplyRequest }): Promise<SendResult> {
  const { credentials } = request.channel;
  const from = credentials.from ?? request.channel.accountId;
  const to = request.conversation.contactExternalId;
  if (!isAddress(from) || !isAddress(to)) return missing("Sender or recipient is not an e-mail address");
  let server: URL;
  try {
    server = new URL(baseUrl || `smtp://${credentials.host}:${credentials.port ?? 25}`);
  } catch {
    return missing("The SMTP server address is invalid");
  }
  const domain = from.split("@")[1];
  const messageId = toMessageId({ key: request.idempotencyKey, domain });
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const secure = server.protocol === "smtps:";
  try {
    const { session, greeting } = await openSmtpSession({ host: server.hostname, port: Number(server.port) || (secure ? 465 : 25), secure, timeoutMs });
    try {
      expect(greeting, [220], "greeting");
      const ehlo = await session.command(`EHLO ${domain}`);
      expect(ehlo, [250], "EHLO");
      const eightBit = ehlo.lines.some((line) => /^8BITMIME\b/i.test(line));
      if (credentials.user) {
        const token = Buffer.from(`\0${credentials.user}\0${credentials.password ?? ""}`).toString("base64");
        expect(await session.command(`AUTH PLAIN ${token}`), [235], "AUTH");
      }
      const message = buildMessage({ request, from, to, messageId, eightBit });
      expect(await session.command(`MAIL FROM:<${from}>${message.eightBit ? " BODY=8BITMIME" : ""}`), [250], "MAIL FROM");
      expect(await session.command(`RCPT TO:<${to}>`), [250, 251], "RCPT TO");
      expect(await session.command("DATA"), [354], "DATA");
      expect(await session.raw(`${dotStuff(message.data)}\r\n.\r\n`), [250], "message");
      const sentAt = new Date();
      await session.command("QUIT").catch(() => undefined);
      return { ok: true, externalId: messageId, sentAt };
    } finally {
      session.close();
    }
  } catch (error) {
    return smtpFailure(error);
  }
}

class SmtpError extends Error {
  constructor(readonly reply: SmtpReply, step: string) {
    super(`${step}: ${reply.code} ${reply.lines.join(" ")}`.trim());
  }
}

function expect(reply: SmtpReply, codes: number[], step: string) {
  if (!codes.includes(reply.code)) throw new SmtpError(reply, step);
}

function smtpFailure(error: unknown): Failure {
  if (error instanceof SmtpError) {
    const { code } = error.reply;
    if (code === 535 || code === 530) return { ok: false, retryable: false, reason: error.message, code: "unauthorized" };
    if (code >= 400 && code < 500) return { ok: false, retryable: true, reason: error.message, code: code === 421 || code === 450 ? "rate_limited" : "server_error" };
    return { ok: false, retryable: false, reason: error.message, code: "platform_error" };
  }
  if (error instanceof OutboundError) return { ok: false, retryable: error.code !== "refused", reason: `SMTP connection failed: ${error.message}`, code: error.code === "refused" ? "invalid_request" : "network" };
  const e = error instanceof Error ? error : new Error(String(error));
  if (e.name === "TimeoutError") return { ok: false, retryable: true, reason: e.message, code: "timeout" };
  return { ok: false, retryable: true, reason: `SMTP connection failed: ${e.message}`, code: "network" };
}

function isAddress(value: string | undefined): value is string {
  return typeof value === "string" && value.length <= 254 && /^[^\s<>@,;:"]+@[^\s<>@,;:"]+\.[^\s<>@,;:"]+$/.test(value);
}

export function toMessageId({ key, domain }: { key: string; domain: string }) {
  if (/^<[^<>\s]+@[^<>\s]+>$/.test(key)) return key;
  return `<${key.replace(/[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/g, "-").slice(0, 200)}@${domain}>`;
}

const angle = (id: string) => (id.startsWith("<") ? id : `<${id}>`);
const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ");

function encodeHeader(value: string) {
  const clean = oneLine(value);
  return /^[\x20-\x7e]*$/.test(clean) ? clean : `=?UTF-8?B?${Buffer.from(clean).toString("base64")}?=`;
}

function buildMessage({ request, from, to, messageId, eightBit }: { request: ReplyRequest; from: string; to: string; messageId: string; eightBit: boolean }) {
  const body = request.text.replace(/\r\n|\r|\n/g, "\r\n");
  const ascii = /^[\x00-\x7f]*$/.test(body);
  const longLine = body.split("\r\n").some((line) => Buffer.byteLength(line) > 998);
  const useBase64 = longLine || (!ascii && !eightBit);
  const parent = request.inReplyToExternalId ? angle(oneLine(request.inReplyToExternalId)) : undefined;
  const root = request.conversation.externalThreadId ? angle(oneLine(request.conversation.externalThreadId)) : undefined;
  const references = [...new Set([root, parent].filter(Boolean))].join(" ");
  const headers = [
    `From: <${from}>`,
    `To: <${to}>`,
    `Subject: ${encodeHeader(request.subject ?? "Re: your message")}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${messageId}`,
    parent ? `In-Reply-To: ${parent}` : "",
    references ? `References: ${references}` : "",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    `Content-Transfer-Encoding: ${useBase64 ? "base64" : ascii ? "7bit" : "8bit"}`,
  ].filter(Boolean);
  const content = useBase64 ? (Buffer.from(request.text).toString("base64").match(/.{1,76}/g) ?? []).join("\r\n") : body;
  return { data: `${headers.join("\r\n")}\r\n\r\n${content}`, eightBit: !useBase64 && !ascii };
}

/** A line starting with "." gets another, so it cannot end the DATA section. */
export function dotStuff(data: string) {
  return data.replace(/(^|\r\n)\./g, "$1..");
}
