import crypto from "node:crypto";
import { indexNewMessages } from "@/lib/search/fts-index";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { decryptCredentials } from "@/lib/security/credentials";
import { recordSentReply } from "@/lib/ingest/pipeline";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { ReplyRequest, SendResult } from "./clients/types";
import { recordChange } from "@/lib/realtime/record-change";
import { clientFor } from "./registry";

const MAX_ATTEMPTS = 8;

// Queued in the same transaction as the agent's action; the worker sends it.
export function queueReply({
  db,
  brandId,
  conversationId,
  text,
  visibility,
  actor,
}: {
  db: Db;
  brandId: number;
  conversationId: number;
  text: string;
  visibility: "public" | "private";
  actor: Actor & { userId: number };
}): number {
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const conversation = sqlite
      .prepare("SELECT id, channel_id, current_cycle_id FROM conversations WHERE id = ? AND brand_id = ?")
      .get(conversationId, brandId) as { id: number; channel_id: number; current_cycle_id: number | null } | undefined;
    if (!conversation) throw new AppError("not_found:conversation");
    const now = Date.now();
    const info = sqlite
      .prepare(
        `INSERT INTO messages (conversation_id, brand_id, channel_id, cycle_id, direction, visibility, user_id, text, created_at,
           received_at, delivery_state, idempotency_key, next_attempt_at)
         VALUES (?, ?, ?, ?, 'outbound', ?, ?, ?, ?, ?, 'queued', ?, ?)`,
      )
      .run(conversation.id, brandId, conversation.channel_id, conversation.current_cycle_id, visibility, actor.userId, text, now, now, crypto.randomUUID(), now);
    const messageId = Number(info.lastInsertRowid);
    recordChange(sqlite, { brandId, kind: "message", objectId: messageId, conversationId: conversation.id, userId: actor.userId, at: now });
    recordAudit(db, { actor, brandId, action: "message.reply", objectType: "conversation", objectId: conversation.id, after: { messageId, visibility } });
    indexNewMessages(sqlite, now);
    return messageId;
  })();
}

type Due = {
  id: number;
  brand_id: number;
  text: string;
  visibility: "public" | "private";
  idempotency_key: string;
  attempts: number;
  conversation_id: number;
  conv_kind: "public_comment" | "private_message";
  external_thread_id: string | null;
  contact_external_id: string;
  channel_kind: string;
  account_id: string | null;
  credentials: string | null;
  in_reply_to: string | null;
};

function backoffMs(attempts: number, retryAfterSeconds?: number): number {
  if (retryAfterSeconds != null) return retryAfterSeconds * 1000;
  return Math.min(30 * 60_000, 2 ** attempts * 5_000);
}

const SENDING_LEASE_MS = 2 * 60_000;
export const INTERRUPTED_REASON = "Sending was interrupted (the server stopped); the platform may have posted it. Check there before retrying.";

/**
 * A reply left "sending" past its lease was cut off mid-call: the platform may or may not have
 * posted it, and not every platform takes an idempotency key. It is marked failed with that
 * reason, for a person to check and retry, rather than resent blindly.
 */
export function failInterrupted({ db, now = Date.now() }: { db: Db; now?: number }): number {
  const sqlite = db.$client;
  const stuck = sqlite
    .prepare("SELECT id, brand_id, conversation_id FROM messages WHERE delivery_state = 'sending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)")
    .all(now) as { id: number; brand_id: number; conversation_id: number }[];
  for (const m of stuck)
    sqlite.transaction(() => {
      sqlite.prepare("UPDATE messages SET delivery_state = 'failed', last_error = ?, next_attempt_at = NULL WHERE id = ? AND delivery_state = 'sending'").run(INTERRUPTED_REASON, m.id);
      recordChange(sqlite, { brandId: m.brand_id, kind: "message", objectId: m.id, conversationId: m.conversation_id, at: now });
    })();
  return stuck.length;
}

// Sends due replies; a retry re-uses the idempotency key, so the platform never posts twice.
export async function sendDueReplies({ db, now = Date.now(), limit = 20 }: { db: Db; now?: number; limit?: number }): Promise<number> {
  const sqlite = db.$client;
  failInterrupted({ db, now });
  const due = sqlite
    .prepare(
      `SELECT m.id, m.brand_id, m.text, m.visibility, m.idempotency_key, m.attempts, m.conversation_id, c.kind AS conv_kind,
              c.external_thread_id, ct.external_id AS contact_external_id, ch.kind AS channel_kind, ch.account_id, ch.credentials,
              (SELECT external_id FROM messages p WHERE p.conversation_id = m.conversation_id AND p.direction = 'inbound'
                 ORDER BY p.created_at DESC LIMIT 1) AS in_reply_to
         FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN channels ch ON ch.id = m.channel_id
         JOIN contacts ct ON ct.id = c.contact_id
        WHERE m.delivery_state = 'queued' AND m.next_attempt_at <= ? ORDER BY m.next_attempt_at LIMIT ?`,
    )
    .all(now, limit) as Due[];
  let sent = 0;
  for (const message of due) {
    // The lease outlives any send (15 s timeout); one still "sending" after it was cut off by a crash.
    sqlite.prepare("UPDATE messages SET delivery_state = 'sending', attempts = attempts + 1, next_attempt_at = ? WHERE id = ?").run(Date.now() + SENDING_LEASE_MS, message.id);
    const result = await send(message);
    if (result.ok) {
      recordSentReply({ db, messageId: message.id, externalId: result.externalId, sentAt: result.sentAt.getTime() });
      sent++;
    } else {
      const attempts = message.attempts + 1;
      const retry = result.retryable && attempts < MAX_ATTEMPTS;
      sqlite
        .prepare("UPDATE messages SET delivery_state = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
        .run(retry ? "queued" : "failed", result.reason, retry ? Date.now() + backoffMs(attempts, result.retryAfterSeconds) : null, message.id);
      recordChange(sqlite, { brandId: message.brand_id, kind: "message", objectId: message.id, conversationId: message.conversation_id });
    }
  }
  return sent;
}

async function send(message: Due): Promise<SendResult> {
  const credentials = decryptCredentials(message.credentials);
  const client = clientFor({ kind: message.channel_kind, credentials });
  if (!client) return { ok: true, externalId: `replyhour-${message.id}`, sentAt: new Date() };
  const request: ReplyRequest = {
    channel: { kind: message.channel_kind as ReplyRequest["channel"]["kind"], accountId: message.account_id ?? "", credentials },
    conversation: { kind: message.visibility === "private" ? "private_message" : message.conv_kind, externalThreadId: message.external_thread_id, contactExternalId: message.contact_external_id },
    inReplyToExternalId: message.in_reply_to,
    text: message.text,
    idempotencyKey: message.idempotency_key,
    timeoutMs: 15_000,
  };
  try {
    return await client.sendReply({ baseUrl: client.baseUrl(), request });
  } catch (error) {
    return { ok: false, retryable: true, reason: `Could not reach the platform: ${(error as Error).message}` };
  }
}

export function retryReply({ db, brandId, messageId }: { db: Db; brandId: number; messageId: number }): void {
  const info = db.$client
    .prepare("UPDATE messages SET delivery_state = 'queued', next_attempt_at = ?, attempts = 0 WHERE id = ? AND brand_id = ? AND delivery_state = 'failed'")
    .run(Date.now(), messageId, brandId);
  if (info.changes === 0) throw new AppError("not_found:message", "No failed reply to retry.");
}
