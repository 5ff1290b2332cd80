import { sendReply } from "@/lib/outbound/clients/email";
import type { AttemptResult } from "./webhooks";

// E-mail notifications use the same SMTP client as e-mail channels, configured by
// SMTP_URL (smtp[s]://user:pass@host:port) and SMTP_FROM.
export function smtpConfig(): { baseUrl: string; from: string; user?: string; password?: string } | null {
  const raw = process.env.SMTP_URL?.trim();
  const from = process.env.SMTP_FROM?.trim();
  if (!raw || !from) return null;
  try {
    const url = new URL(raw);
    return {
      baseUrl: `${url.protocol}//${url.host}`,
      from,
      user: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
    };
  } catch {
    return null;
  }
}

export async function sendEmailNotice({ to, payload, key }: { to: string; payload: string; key: string }): Promise<AttemptResult> {
  const smtp = smtpConfig();
  if (!smtp) return { ok: false, retryable: false, reason: "E-mail is not configured: set SMTP_URL and SMTP_FROM." };
  const { subject, text } = JSON.parse(payload) as { subject: string; text: string };
  const credentials: Record<string, string> = { from: smtp.from };
  if (smtp.user) credentials.user = smtp.user;
  if (smtp.password) credentials.password = smtp.password;
  const result = await sendReply({
    baseUrl: smtp.baseUrl,
    request: {
      channel: { kind: "email", accountId: smtp.from, credentials },
      conversation: { kind: "private_message", externalThreadId: null, contactExternalId: to },
      inReplyToExternalId: null,
      text,
      subject,
      idempotencyKey: key,
      timeoutMs: 15_000,
    },
  });
  if (result.ok) return { ok: true };
  return { ok: false, retryable: result.retryable, reason: result.reason, retryAfterMs: result.retryAfterSeconds != null ? result.retryAfterSeconds * 1000 : undefined };
}
