import type { Db } from "@/db/client";
import { indexNewMessages } from "@/lib/search/fts-index";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { refreshConversation } from "@/lib/ingest/pipeline";
import { statements } from "@/lib/ingest/store";
import { recordChange } from "@/lib/realtime/record-change";
import { resolveConversations } from "./resolve";
import { notify } from "@/lib/notifications/notify";
import type { PRIORITIES } from "@/db/schema";

type Priority = (typeof PRIORITIES)[number];

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

// Returns how many conversations changed hands; the new assignee is told when someone else assigned them.
export function assignConversations({ db, brandId, actor, conversationIds, assigneeId }: Ctx & { conversationIds: number[]; assigneeId: number | null }): number {
  requireIds({ db, brandId, ids: conversationIds });
  if (assigneeId != null) {
    const member = db.$client.prepare("SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.brand_id = ? AND m.user_id = ? AND u.disabled = 0").get(brandId, assigneeId);
    if (!member) throw new AppError("bad_request:assignee", "The assignee is not an active member of this brand.");
  }
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const current = sqlite.prepare("SELECT assignee_id, preview FROM conversations WHERE id = ? AND brand_id = ?");
    const update = sqlite.prepare("UPDATE conversations SET assignee_id = ?, updated_at = ? WHERE id = ? AND brand_id = ?");
    const changed: number[] = [];
    for (const id of new Set(conversationIds)) {
      const before = current.get(id, brandId) as { assignee_id: number | null; preview: string };
      if (before.assignee_id === assigneeId) continue;
      update.run(assigneeId, Date.now(), id, brandId);
      recordAudit(db, { actor, brandId, action: "conversation.assign", objectType: "conversation", objectId: id, before: { assigneeId: before.assignee_id }, after: { assigneeId } });
      change(db, brandId, id, actor.userId);
      changed.push(id);
    }
    if (assigneeId != null && assigneeId !== actor.userId && changed.length > 0) {
      const text = changed.length === 1 ? `${actor.label} assigned you a conversation.` : `${actor.label} assigned you ${changed.length} conversations.`;
      notify(sqlite, { brandId, userIds: [assigneeId], kind: "assignment", text, conversationId: changed.length === 1 ? changed[0] : null });
    }
    return changed.length;
  })();
}

// Returns how many changed; resolved conversations are skipped for open/pending/snooze (a new message reopens them).
export function setConversationStatus({
  db,
  brandId,
  actor,
  conversationIds,
  status,
  snoozedUntil,
}: Ctx & { conversationIds: number[]; status: "open" | "pending" | "snoozed" | "resolved"; snoozedUntil?: number | null }): { changed: number; skipped: number } {
  requireIds({ db, brandId, ids: conversationIds });
  const ids = [...new Set(conversationIds)];
  if (status === "resolved") {
    const changed = resolveConversations({ db, brandId, conversationIds: ids, at: Date.now(), actor });
    return { changed, skipped: ids.length - changed };
  }
  if (status === "snoozed" && (!snoozedUntil || snoozedUntil <= Date.now())) throw new AppError("bad_request:snooze", "Snooze until a time in the future.");
  const sqlite = db.$client;
  const result = sqlite.transaction(() => {
    const current = sqlite.prepare("SELECT status, snoozed_until FROM conversations WHERE id = ? AND brand_id = ?");
    const update = sqlite.prepare("UPDATE conversations SET status = ?, snoozed_until = ?, updated_at = ? WHERE id = ? AND brand_id = ?");
    let changed = 0;
    let skipped = 0;
    for (const id of ids) {
      const row = current.get(id, brandId) as { status: string; snoozed_until: number | null };
      const until = status === "snoozed" ? snoozedUntil! : null;
      if (row.status === "resolved") skipped++;
      if (row.status === "resolved" || (row.status === status && row.snoozed_until === until)) continue;
      update.run(status, until, Date.now(), id, brandId);
      recordAudit(db, { actor, brandId, action: `conversation.${status}`, objectType: "conversation", objectId: id, before: { status: row.status }, after: { status, snoozedUntil: until } });
      change(db, brandId, id, actor.userId);
      changed++;
    }
    return { changed, skipped };
  })();
  if (result.changed === 0 && result.skipped === ids.length)
    throw new AppError("conflict:status", "A resolved conversation reopens when the customer writes again.");
  return result;
}

export function setConversationPriority({ db, brandId, actor, conversationIds, priority }: Ctx & { conversationIds: number[]; priority: Priority }): number {
  requireIds({ db, brandId, ids: conversationIds });
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const current = sqlite.prepare("SELECT priority FROM conversations WHERE id = ? AND brand_id = ?");
    const update = sqlite.prepare("UPDATE conversations SET priority = ?, updated_at = ? WHERE id = ? AND brand_id = ?");
    let changed = 0;
    for (const id of new Set(conversationIds)) {
      const before = (current.get(id, brandId) as { priority: string }).priority;
      if (before === priority) continue;
      update.run(priority, Date.now(), id, brandId);
      recordAudit(db, { actor, brandId, action: "conversation.priority", objectType: "conversation", objectId: id, before: { priority: before }, after: { priority } });
      change(db, brandId, id, actor.userId);
      changed++;
    }
    return changed;
  })();
}

export const MAX_LABELS = 20;

// Labels are kept trimmed and lower-case so "VIP" and "vip " are one label in filters and suggestions.
export function normalizeLabel(label: string): string {
  return label.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase().slice(0, 40);
}

export function changeLabels({ db, brandId, actor, conversationId, add = [], remove = [] }: Ctx & { conversationId: number; add?: string[]; remove?: string[] }): string[] {
  requireIds({ db, brandId, ids: [conversationId] });
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const row = sqlite.prepare("SELECT labels FROM conversations WHERE id = ? AND brand_id = ?").get(conversationId, brandId) as { labels: string };
    const before = JSON.parse(row.labels) as string[];
    const removed = new Set(remove.map(normalizeLabel));
    const after = [...new Set([...before, ...add.map(normalizeLabel).filter(Boolean)])].filter((l) => !removed.has(l));
    if (after.length > MAX_LABELS) throw new AppError("bad_request:labels", `At most ${MAX_LABELS} labels on a conversation.`);
    if (after.length === before.length && after.every((l, i) => l === before[i])) return before;
    sqlite.prepare("UPDATE conversations SET labels = ?, updated_at = ? WHERE id = ?").run(JSON.stringify(after), Date.now(), conversationId);
    recordAudit(db, { actor, brandId, action: "conversation.labels", objectType: "conversation", objectId: conversationId, before: { labels: before }, after: { labels: after } });
    change(db, brandId, conversationId, actor.userId);
    return after;
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
  return db.$client.transaction(() => {
    const info = db.$client
      .prepare(
        `INSERT INTO messages (conversation_id, brand_id, channel_id, direction, visibility, user_id, text, created_at, received_at)
         SELECT id, brand_id, channel_id, 'note', 'private', ?, ?, ?, ? FROM conversations WHERE id = ?`,
      )
      .run(actor.userId, text, now, now, conversationId);
    const messageId = Number(info.lastInsertRowid);
    recordAudit(db, { actor, brandId, action: "conversation.note", objectType: "conversation", objectId: conversationId, after: { messageId } });
    change(db, brandId, conversationId, actor.userId);
    indexNewMessages(db.$client, now);
    return messageId;
  })();
}

// Marks the current cycle's request messages as noise (each a correction the classifier learns from); returns how many conversations changed.
export function markConversationsNoise({ db, brandId, actor, conversationIds }: Ctx & { conversationIds: number[] }): number {
  requireIds({ db, brandId, ids: conversationIds });
  const requests = db.$client.prepare(
    `SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE m.conversation_id = ? AND m.direction = 'inbound' AND m.cycle_id = c.current_cycle_id AND m.category = 'request'`,
  );
  return db.$client.transaction(() => {
    let changed = 0;
    for (const id of new Set(conversationIds)) {
      const messages = requests.all(id) as { id: number }[];
      for (const m of messages) correctMessage({ db, brandId, actor, messageId: m.id, request: false });
      if (messages.length > 0) changed++;
    }
    return changed;
  })();
}
