import net from "node:net";
import nodemailer from "nodemailer";
import { OutboundError, resolveOutbound } from "@/lib/security/outbound";
import { missing } from "./http";
import type { ReplyRequest, SendResult } from "./types";

type Failure = Extract<SendResult, { ok: false }>;

/**
 * Sends a reply with nodemailer over the channel's SMTP server (`smtpUrl`, else the installation's
 * SMTP_URL): from the brand's address, threaded with In-Reply-To and References. The Message-ID
 * comes from the idempotency key, so a retried reply carries the same id and the recipient's
 * client collapses duplicates. Credentials: from ("Name <address>" or an address), user, password.
 */
export async function sendReply({ baseUrl, request }: { baseUrl: string; request: ReplyRequest }): Promise<SendResult> {
  const { credentials } = request.channel;
  const from = parseSender(credentials.from ?? request.channel.accountId);
  const to = request.conversation.contactExternalId;
  if (!from || !isAddress(to)) return missing("Sender or recipient is not an e-mail address");
  let server: URL;
  try {
    server = new URL(credentials.smtpUrl || baseUrl);
    if (server.protocol !== "smtp:" && server.protocol !== "smtps:") throw new Error("protocol");
  } catch {
    return missing("The SMTP server address is invalid (smtps://host:465 or smtp://host:587)");
  }
  const domain = from.address.split("@")[1];
  const messageId = toMessageId({ key: request.idempotencyKey, domain, token: request.threadToken });
  const timeoutMs = request.timeoutMs ?? 15_000;
  let transport: nodemailer.Transporter;
  try {
    transport = await guardedTransport({ server, user: credentials.user, password: credentials.password, domain, timeoutMs });
  } catch (error) {
    return smtpFailure(error);
  }
  const parent = request.inReplyToExternalId ? angle(oneLine(request.inReplyToExternalId)) : undefined;
  const root = request.conversation.externalThreadId ? angle(oneLine(request.conversation.externalThreadId)) : undefined;
  const references = [...new Set([root, parent].filter((id): id is string => Boolean(id) && isMessageId(id!)))];
  try {
    await transport.sendMail({
      from: { name: from.name, address: from.address },
      to,
      subject: oneLine(request.subject ?? "Re: your message"),
      text: request.text,
      messageId,
      inReplyTo: parent && isMessageId(parent) ? parent : undefined,
      references: references.length ? references : undefined,
    });
    return { ok: true, externalId: messageId, sentAt: new Date() };
  } catch (error) {
    return smtpFailure(error);
  } finally {
    transport.close();
  }
}

/**
 * A nodemailer transport to the SMTP server at `server`, its address checked and pinned by the
 * outbound guard like every outgoing connection (TLS still verifies the host name).
 */
async function guardedTransport({ server, user, password, domain, timeoutMs }: { server: URL; user?: string; password?: string; domain: string; timeoutMs: number }) {
  const secure = server.protocol === "smtps:";
  const login = user || decodeURIComponent(server.username) || undefined;
  const pass = password || decodeURIComponent(server.password) || "";
  const { address } = await resolveOutbound(server.hostname);
  const hostname = server.hostname.replace(/^\[(.*)\]$/, "$1");
  return nodemailer.createTransport({
    host: address,
    tls: net.isIP(hostname) ? undefined : { servername: hostname },
    port: Number(server.port) || (secure ? 465 : 25),
    secure,
    auth: login ? { user: login, pass } : undefined,
    name: domain,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
}

export type SystemMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Inline images, referred to from the HTML as cid:<cid>, and files. */
  attachments: { filename: string; content: Buffer; contentType: string; cid?: string }[];
  headers?: Record<string, string>;
  /** Becomes the Message-ID, so a retried send carries the same id. */
  key: string;
};

/**
 * Mail the installation sends on its own behalf (reports), from `from` over `smtpUrl`
 * (SMTP_URL / SMTP_FROM), through the same guarded transport as replies.
 */
export async function sendSystemMail({ smtpUrl, from: sender, user, password, mail, timeoutMs = 30_000 }: { smtpUrl: string; from: string; user?: string; password?: string; mail: SystemMail; timeoutMs?: number }): Promise<SendResult> {
  const from = parseSender(sender);
  if (!from || !isAddress(mail.to)) return missing("Sender or recipient is not an e-mail address");
  let server: URL;
  try {
    server = new URL(smtpUrl);
    if (server.protocol !== "smtp:" && server.protocol !== "smtps:") throw new Error("protocol");
  } catch {
    return missing("The SMTP server address is invalid (smtps://host:465 or smtp://host:587)");
  }
  const domain = from.address.split("@")[1];
  const messageId = toMessageId({ key: mail.key, domain });
  let transport: nodemailer.Transporter;
  try {
    transport = await guardedTransport({ server, user, password, domain, timeoutMs });
  } catch (error) {
    return smtpFailure(error);
  }
  try {
    await transport.sendMail({
      from: { name: from.name, address: from.address },
      to: mail.to,
      subject: oneLine(mail.subject),
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType, cid: a.cid })),
      headers: mail.headers,
      messageId,
    });
    return { ok: true, externalId: messageId, sentAt: new Date() };
  } catch (error) {
    return smtpFailure(error);
  } finally {
    transport.close();
  }
}

function smtpFailure(error: unknown): Failure {
  if (error instanceof OutboundError) return { ok: false, retryable: error.code !== "refused", reason: `SMTP connection failed: ${error.message}`, code: error.code === "refused" ? "invalid_request" : "network" };
  const e = error as Error & { code?: string; responseCode?: number; response?: string };
  const reason = (e.response || e.message || String(error)).slice(0, 500);
  const code = e.responseCode;
  if (e.code === "EAUTH" || code === 535 || code === 530) return { ok: false, retryable: false, reason, code: "unauthorized" };
  if (code && code >= 400 && code < 500) return { ok: false, retryable: true, reason, code: code === 421 || code === 450 ? "rate_limited" : "server_error" };
  if (code && code >= 500) return { ok: false, retryable: false, reason, code: "platform_error" };
  if (e.code === "ETIMEDOUT") return { ok: false, retryable: true, reason, code: "timeout" };
  return { ok: false, retryable: true, reason: `SMTP connection failed: ${reason}`, code: "network" };
}

function isAddress(value: string | undefined): value is string {
  return typeof value === "string" && value.length <= 254 && /^[^\s<>@,;:"]+@[^\s<>@,;:"]+\.[^\s<>@,;:"]+$/.test(value);
}

/** "Brand Support <support@brand.example>" or a bare address. */
export function parseSender(value: string | undefined): { name: string; address: string } | null {
  const match = /^\s*(?:"?([^"<>\r\n]*?)"?\s*)?<([^<>\s]+)>\s*$/.exec(value ?? "") ?? (isAddress(value?.trim()) ? [value, "", value!.trim()] : null);
  if (!match || !isAddress(match[2])) return null;
  return { name: oneLine(match[1] ?? "").trim(), address: match[2] };
}

const isMessageId = (id: string) => /^<[^<>\s]+>$/.test(id);

export function toMessageId({ key, domain, token }: { key: string; domain: string; token?: string }) {
  if (/^<[^<>\s]+@[^<>\s]+>$/.test(key)) return key;
  const local = `${token ? `${token}.` : ""}${key}`.replace(/[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/g, "-").slice(0, 200);
  return `<${local}@${domain}>`;
}

const angle = (id: string) => (id.startsWith("<") ? id : `<${id}>`);
const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ");
