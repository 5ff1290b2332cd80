// Auto-replies, bounces and bulk mail (RFC 3834, RFC 2369/2919, common vendor headers): kept in
// the conversation, never the start of a response clock.

export type HeaderLookup = (name: string) => string | undefined;

const DAEMON = /^(mailer-daemon|postmaster|mail-daemon|no-?reply|do-?not-?reply)@/i;

export function automatedReason({ header, from, contentType }: { header: HeaderLookup; from: string | undefined; contentType?: string }): string | null {
  const autoSubmitted = header("auto-submitted")?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return `Auto-Submitted: ${autoSubmitted}`;
  const precedence = header("precedence")?.trim().toLowerCase();
  if (precedence && ["bulk", "junk", "list", "auto_reply"].includes(precedence)) return `Precedence: ${precedence}`;
  for (const name of ["x-autoreply", "x-autorespond", "x-auto-reply"]) if (header(name) != null) return name;
  if (header("x-auto-response-suppress")?.match(/\b(All|OOF|AutoReply)\b/i) && header("x-ms-exchange-generated-message-source")) return "x-ms-exchange auto-reply";
  for (const name of ["list-id", "list-unsubscribe", "list-post"]) if (header(name) != null) return name;
  if (from && DAEMON.test(from)) return `from ${from.split("@")[0].toLowerCase()}`;
  if (contentType?.toLowerCase().startsWith("multipart/report")) return "delivery report";
  const returnPath = header("return-path")?.trim();
  if (returnPath === "<>") return "empty Return-Path";
  return null;
}
