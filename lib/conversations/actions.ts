import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { refreshConversation } from "@/lib/ingest/pipeline";
import { statements } from "@/lib/ingest/store";
import { recordChange } from "@/lib/realtime/record-change";
import { resolveConversations } from "./resolve";

type Ctx = { db: Db; brandId: number; actor: Actor };

function change(db: Db, brandId: number, conversationId: number, userId: number | null) {
  recordChange(db.$client, { brandId, kind: "conversation", objectId: conversationId, conversationId, userId });
}

function requireIds({ db, brandId, ids }: { db: Db; brandId: number; ids: number[] }): void {
  if (ids.length === 0) throw new AppError("bad_request:selection", "Select at least one conversation.");
  const found = db.$client
    .prepare(`SELECT count(*) AS n FROM conversations WHERE brand_id = ? AND id IN (${ids.map(() => "?").join(",")})`)
    .get(brandId, ...ids) as { n: number };
  if (found.n !== new Set(ids).size) throw new AppError("not_found:conversation");
}

export function assignConversations({ db, brandId, actor, conversationIds, assigneeId }: Ctx & { conversationIds: number[]; assigneeId: number | null }): void {
  requireIds({ db, brandId, ids: conversationIds });
  if (assigneeId != null) {
    const member = db.$client.prepare("SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.brand_id = ? AND m.user_id = ? AND u.disabled = 0").get(brandId, assigneeId);
    if (!member) throw new AppError("bad_request:assignee", "The assignee is not an active member of this brand.");
  }
  db.$client.transaction(() => {
    for (const id of conversationIds) {
      db.$client.prepare("UPDATE conversations SET assignee_id = ?, updated_at = ? WHERE id = ? AND brand_id = ?").run(assigneeId, Date.now(), id, brandId);
      recordAudit(db, { actor, brandId, action: "conversation.assign", objectType: "conversation", objectId: id, after: { assigneeId } });
      change(db, brandId, id, actor.userId);
    }
  })();
}

export function setConversationStatus({
  db,
  brandId,
  actor,
  conversationIds,
  status,
  snoozedUntil,
}: Ctx & { conversationIds: number[]; status: "open" | "pending" | "snoozed" | "resolved"; snoozedUntil?: number | null }): void {
  requireIds({ db, brandId, ids: conversationIds });
  if (status === "resolved") {
    resolveConversations({ db, brandId, conversationIds, at: Date.now(), actor });
    return;
  }
  if (status === "snoozed" && (!snoozedUntil || snoozedUntil <= Date.now())) throw new AppError("bad_request:snooze", "Snooze until a time in the future.");
  db.$client.transaction(() => {
    for (const id of conversationIds) {
      const row = db.$client.prepare("SELECT status FROM conversations WHERE id = ?").get(id) as { status: string };
      if (row.status === "resolved") throw new AppError("conflict:status", "A resolved conversation reopens when the customer writes again.");
      db.$client
        .prepare("UPDATE conversations SET status = ?, snoozed_until = ?, updated_at = ? WHERE id = ?")
        .run(status, status === "snoozed" ? snoozedUntil : null, Date.now(), id);
      recordAudit(db, { actor, brandId, action: `conversation.${status}`, objectType: "conversation", objectId: id });
      change(db, brandId, id, actor.userId);
    }
  })();
}

// A correction is made on a message, stored as a labelled example; the cycle's category follows
// from its messages (any request, or a person's reply, makes it a request).
export function correctMessage({
  db,
  brandId,
  actor,
  messageId,
  request,
  complaint,
  sentiment,
}: Ctx & { messageId: number; request?: boolean; complaint?: boolean; sentiment?: "negative" | "neutral" | "positive" }): void {
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const message = sqlite
      .prepare("SELECT id, conversation_id, cycle_id, text, language, category, complaint, sentiment FROM messages WHERE id = ? AND brand_id = ? AND direction = 'inbound'")
      .get(messageId, brandId) as { id: number; conversation_id: number; cycle_id: number | null; text: string; language: string | null; category: string; complaint: number; sentiment: string } | undefined;
    if (!message) throw new AppError("not_found:message");
    const category = request === undefined ? message.category : request ? "request" : "noise";
    const isComplaint = complaint ?? (request === false ? false : !!message.complaint);
    const finalCategory = isComplaint ? "request" : category;
    const finalSentiment = sentiment ?? message.sentiment;
    sqlite
      .prepare("UPDATE messages SET category = ?, complaint = ?, sentiment = ?, corrected = 1 WHERE id = ?")
      .run(finalCategory, isComplaint ? 1 : 0, finalSentiment, messageId);
    sqlite
      .prepare(
        `INSERT INTO classifier_examples (brand_id, message_id, user_id, text, language, request, complaint, sentiment, source, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'correction', ?)
         ON CONFLICT (message_id, source) DO UPDATE SET request = excluded.request, complaint = excluded.complaint,
           sentiment = excluded.sentiment, user_id = excluded.user_id, created_at = excluded.created_at`,
      )
      .run(brandId, messageId, actor.userId, message.text, message.language, finalCategory === "request" ? 1 : 0, isComplaint ? 1 : 0, finalSentiment, Date.now());
    if (message.cycle_id) {
      const derived = sqlite
        .prepare(
          `SELECT (SELECT count(*) FROM messages WHERE conversation_id = @conv AND cycle_id = @c AND direction = 'inbound' AND category = 'request') +
                  (SELECT count(*) FROM response_cycles WHERE id = @c AND first_response_at IS NOT NULL) AS n`,
        )
        .get({ c: message.cycle_id, conv: message.conversation_id }) as { n: number };
      sqlite.prepare("UPDATE response_cycles SET category = ? WHERE id = ?").run(derived.n > 0 ? "request" : "noise", message.cycle_id);
    }
    refreshConversation({ s: statements(sqlite), now: Date.now() }, message.conversation_id, false);
    recordAudit(db, {
      actor,
      brandId,
      action: "message.correct",
      objectType: "message",
      objectId: messageId,
      before: { category: message.category, complaint: !!message.complaint, sentiment: message.sentiment },
      after: { category: finalCategory, complaint: isComplaint, sentiment: finalSentiment },
    });
    change(db, brandId, message.conversation_id, actor.userId);
  })();
}

export function addNote({ db, brandId, actor, conversationId, text }: Ctx & { conversationId: number; text: string }): number {
  requireIds({ db, brandId, ids: [conversationId] });
  if (!text.trim()) throw new AppError("bad_request:note", "A note needs some text.");
  const now = Date.now();
  const info = db.$client
    .prepare(
      `INSERT INTO messages (conversation_id, brand_id, channel_id, direction, visibility, user_id, text, created_at, received_at)
       SELECT id, brand_id, channel_id, 'note', 'private', ?, ?, ?, ? FROM conversations WHERE id = ?`,
    )
    .run(actor.userId, text, now, now, conversationId);
  change(db, brandId, conversationId, actor.userId);
  return Number(info.lastInsertRowid);
}

export function markConversationsNoise({ db, brandId, actor, conversationIds }: Ctx & { conversationIds: number[] }): void {
  requireIds({ db, brandId, ids: conversationIds });
  for (const id of conversationIds) {
    const messages = db.$client
      .prepare(
        `SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id
          WHERE m.conversation_id = ? AND m.direction = 'inbound' AND m.cycle_id = c.current_cycle_id AND m.category = 'request'`,
      )
      .all(id) as { id: number }[];
    for (const m of messages) correctMessage({ db, brandId, actor, messageId: m.id, request: false });
  }
}
