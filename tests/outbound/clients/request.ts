import type { ChannelKind, ReplyRequest } from "@/lib/outbound/clients/types";

/** A reply request with sensible defaults; tests override what they exercise. */
export function replyRequest({ kind, accountId, credentials, conversation, inReplyTo = null, text = "Thanks, we're on it!", key = "reply-1", timeoutMs }: {
  kind: ChannelKind;
  accountId: string;
  credentials: Record<string, string>;
  conversation: Partial<ReplyRequest["conversation"]>;
  inReplyTo?: string | null;
  text?: string;
  key?: string;
  timeoutMs?: number;
}): ReplyRequest {
  return {
    channel: { kind, accountId, credentials },
    conversation: { kind: "public_comment", externalThreadId: null, contactExternalId: "contact-1", ...conversation },
    inReplyToExternalId: inReplyTo,
    text,
    idempotencyKey: key,
    timeoutMs,
  };
}
