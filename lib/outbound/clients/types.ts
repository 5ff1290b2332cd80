export type ChannelKind = "facebook" | "instagram" | "twitter" | "vk" | "telegram" | "youtube" | "email" | "web" | "api";

export type SendFailureCode =
  | "quota_exceeded"
  | "access_tier"
  | "outside_24h_window"
  | "rate_limited"
  | "flood"
  | "timeout"
  | "network"
  | "server_error"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "invalid_request"
  | "duplicate"
  | "platform_error";

export type SendResult =
  | { ok: true; externalId: string; sentAt: Date }
  | { ok: false; retryable: boolean; retryAfterSeconds?: number; reason: string; code?: SendFailureCode | (string & {}) };

export type ReplyRequest = {
  channel: { kind: ChannelKind; accountId: string; credentials: Record<string, string> };
  conversation: { kind: "public_comment" | "private_message"; externalThreadId: string | null; contactExternalId: string };
  inReplyToExternalId: string | null;
  text: string;
  /** Stable across retries of one reply: passed to the platform where it dedupes on it. */
  idempotencyKey: string;
  timeoutMs?: number;
  /** E-mail only: the subject line of the reply. */
  subject?: string;
  /** E-mail only: the conversation's signed token, carried in the Message-ID so answers find it. */
  threadToken?: string;
};

export type SendReply = (args: { baseUrl: string; request: ReplyRequest }) => Promise<SendResult>;
