import { and, eq, sql } from "drizzle-orm";
import { database, type Db, type Tx } from "@/db/client";
import { classifierExamples, conversations, memberships, messages, users, type PRIORITIES } from "@/db/schema";
import { indexWrittenMessages } from "@/db/search";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { refreshConversation } from "@/lib/ingest/conversation-state";
import { redecideCycle } from "@/lib/ingest/decision";
import { recordChange } from "@/lib/realtime/record-change";
import { notify } from "@/lib/notifications/notify";
import type { Translate } from "@/lib/i18n/messages";
import { requireConversation, requireConversations } from "@/lib/inbox/conversation";
import { resolveConversations } from "./resolve";
import { catalogueError } from "@/lib/i18n/errors";

type Priority = (typeof PRIORITIES)[number];

type Ctx = { db?: Db; brandId: number; actor: Actor };

const c = conversations;
const thisConversation = (id: number, brandId: number) => and(eq(c.id, id), eq(c.brandId, brandId));

function change(tx: Tx, brandId: number, conversationId: number, userId: number | null) {
  return recordChange(tx, { brandId, kind: "conversation", objectId: conversationId, conversationId, userId });
}

// Returns how many conversations changed hands; the new assignee is told when someone else assigned them.
export async function assignConversations({ db = database(), brandId, actor, conversationIds, assigneeId }: Ctx & { conversationIds: number[]; assigneeId: number | null }): Promise<number> {
  return db.transaction(async (tx) => {
    const ids = await requireConversations({ db: tx, brandId, ids: conversationIds });
    if (assigneeId != null) {
      const [member] = await tx
        .select({ id: users.id })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.brandId, brandId), eq(memberships.userId, assigneeId), eq(users.disabled, false)))
        .limit(1);
      if (!member) throw new AppError("bad_request:assignee", "The assignee is not an active member of this brand.");
    }
    const changed: number[] = [];
    for (const id of ids) {
      const [before] = await tx.select({ assigneeId: c.assigneeId }).from(c).where(thisConversation(id, brandId));
      if (before.assigneeId === assigneeId) continue;
      await tx.update(c).set({ assigneeId, updatedAt: new Date() }).where(thisConversation(id, brandId));
      await recordAudit(tx, { actor, brandId, action: "conversation.assign", objectType: "conversation", objectId: id, before: { assigneeId: before.assigneeId }, after: { assigneeId } });
      await change(tx, brandId, id, actor.userId);
      changed.push(id);
    }
    if (assigneeId != null && assigneeId !== actor.userId && changed.length > 0) {
      const text = (t: Translate) => t("notify.assigned", { actor: actor.label, count: changed.length });
      await notify(tx, { brandId, userIds: [assigneeId], kind: "assignment", text, conversationId: changed.length === 1 ? changed[0] : null });
    }
    return changed.length;
  });
}

// Returns how many changed; resolved conversations are skipped for open/pending/snooze (a new message reopens them).
export async function setConversationStatus({
  db = database(),
  brandId,
  actor,
  conversationIds,
  status,
  snoozedUntil,
}: Ctx & { conversationIds: number[]; status: "open" | "pending" | "snoozed" | "resolved"; snoozedUntil?: number | null }): Promise<{ changed: number; skipped: number }> {
  const result = await db.transaction(async (tx) => {
    const ids = await requireConversations({ db: tx, brandId, ids: conversationIds });
    if (status === "resolved") {
      const changed = await resolveConversations({ db: tx, brandId, conversationIds: ids, at: Date.now(), actor });
      return { changed, skipped: ids.length - changed, total: ids.length };
    }
    if (status === "snoozed" && (!snoozedUntil || snoozedUntil <= Date.now())) throw new AppError("bad_request:snooze", "Snooze until a time in the future.");
    const until = status === "snoozed" ? new Date(snoozedUntil!) : null;
    let changed = 0;
    let skipped = 0;
    for (const id of ids) {
      const [row] = await tx.select({ status: c.status, snoozedUntil: c.snoozedUntil }).from(c).where(thisConversation(id, brandId));
      if (row.status === "resolved") skipped++;
      if (row.status === "resolved" || (row.status === status && row.snoozedUntil?.getTime() === until?.getTime())) continue;
      await tx.update(c).set({ status, snoozedUntil: until, updatedAt: new Date() }).where(thisConversation(id, brandId));
      await recordAudit(tx, { actor, brandId, action: `conversation.${status}`, objectType: "conversation", objectId: id, before: { status: row.status }, after: { status, snoozedUntil: until?.getTime() ?? null } });
      await change(tx, brandId, id, actor.userId);
      changed++;
    }
    return { changed, skipped, total: ids.length };
  });
  if (status !== "resolved" && result.changed === 0 && result.skipped === result.total)
    throw new AppError("conflict:status", "A resolved conversation reopens when the customer writes again.");
  return { changed: result.changed, skipped: result.skipped };
}

export async function setConversationPriority({ db = database(), brandId, actor, conversationIds, priority }: Ctx & { conversationIds: number[]; priority: Priority }): Promise<number> {
  return db.transaction(async (tx) => {
    const ids = await requireConversations({ db: tx, brandId, ids: conversationIds });
    let changed = 0;
    for (const id of ids) {
      const [before] = await tx.select({ priority: c.priority }).from(c).where(thisConversation(id, brandId));
      if (before.priority === priority) continue;
      await tx.update(c).set({ priority, updatedAt: new Date() }).where(thisConversation(id, brandId));
      await recordAudit(tx, { actor, brandId, action: "conversation.priority", objectType: "conversation", objectId: id, before: { priority: before.priority }, after: { priority } });
      await change(tx, brandId, id, actor.userId);
      changed++;
    }
    return changed;
  });
}

export const MAX_LABELS = 20;

// Labels are kept trimmed and lower-case so "VIP" and "vip " are one label in filters and suggestions.
export function normalizeLabel(label: string): string {
  return label.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase().slice(0, 40);
}

export async function changeLabels({ db = database(), brandId, actor, conversationId, add = [], remove = [] }: Ctx & { conversationId: number; add?: string[]; remove?: string[] }): Promise<string[]> {
  return db.transaction(async (tx) => {
    const { labels: before } = await requireConversation({ db: tx, brandId, id: conversationId });
    const removed = new Set(remove.map(normalizeLabel));
    const after = [...new Set([...before, ...add.map(normalizeLabel).filter(Boolean)])].filter((l) => !removed.has(l));
    if (after.length > MAX_LABELS) throw catalogueError("bad_request:labels", "max", { max: MAX_LABELS });
    if (after.length === before.length && after.every((l, i) => l === before[i])) return before;
    await tx.update(c).set({ labels: after, updatedAt: new Date() }).where(thisConversation(conversationId, brandId));
    await recordAudit(tx, { actor, brandId, action: "conversation.labels", objectType: "conversation", objectId: conversationId, before: { labels: before }, after: { labels: after } });
    await change(tx, brandId, conversationId, actor.userId);
    return after;
  });
}

// A correction is made on a message, stored as a labelled example; the cycle's category follows
// from the conversation decision over its messages (the correction decides, a person's reply
// proves a request), and its clock moves with it.
export async function correctMessage({
  db = database(),
  brandId,
  actor,
  messageId,
  request,
  complaint,
  sentiment,
}: Ctx & { messageId: number; request?: boolean; complaint?: boolean; sentiment?: "negative" | "neutral" | "positive" }): Promise<void> {
  const m = messages;
  await db.transaction(async (tx) => {
    const thisMessage = and(eq(m.id, messageId), eq(m.brandId, brandId));
    const [message] = await tx
      .select({ conversationId: m.conversationId, cycleId: m.cycleId, text: m.text, language: m.language, category: m.category, complaint: m.complaint, sentiment: m.sentiment, corrected: m.corrected, correctedFrom: m.correctedFrom })
      .from(m)
      .where(and(thisMessage, eq(m.direction, "inbound")))
      .limit(1);
    if (!message) throw new AppError("not_found:message");
    const category = request === undefined ? message.category : request ? "request" : "noise";
    const isComplaint = complaint ?? (request === false ? false : !!message.complaint);
    const finalCategory = isComplaint ? "request" : category;
    const finalSentiment = sentiment ?? message.sentiment;
    const correctedFrom = message.corrected ? message.correctedFrom : message.category;
    await tx.update(m).set({ category: finalCategory, complaint: isComplaint, sentiment: finalSentiment, corrected: true, correctedFrom }).where(thisMessage);
    await tx
      .insert(classifierExamples)
      .values({
        brandId,
        messageId,
        userId: actor.userId,
        text: message.text,
        language: message.language,
        request: finalCategory === "request",
        complaint: isComplaint,
        sentiment: finalSentiment,
        source: "correction",
        createdAt: new Date(),
      })
      .onConflictDoUpdate({
        target: [classifierExamples.messageId, classifierExamples.source],
        set: { request: sql`excluded.request`, complaint: sql`excluded.complaint`, sentiment: sql`excluded.sentiment`, userId: sql`excluded.user_id`, createdAt: sql`excluded.created_at` },
      });
    // The cycle is decided again with the correction: its category, and where its clock starts.
    if (message.cycleId) await redecideCycle({ tx, brandId, cycleId: message.cycleId, now: Date.now() });
    await refreshConversation({ tx, brandId, conversationId: message.conversationId, now: Date.now() });
    await recordAudit(tx, {
      actor,
      brandId,
      action: "message.correct",
      objectType: "message",
      objectId: messageId,
      before: { category: message.category, complaint: !!message.complaint, sentiment: message.sentiment },
      after: { category: finalCategory, complaint: isComplaint, sentiment: finalSentiment },
    });
    await change(tx, brandId, message.conversationId, actor.userId);
  });
}

export async function addNote({ db = database(), brandId, actor, conversationId, text }: Ctx & { conversationId: number; text: string }): Promise<number> {
  if (!text.trim()) throw new AppError("bad_request:note", "A note needs some text.");
  const now = Date.now();
  return db.transaction(async (tx) => {
    const conversation = await requireConversation({ db: tx, brandId, id: conversationId });
    const [note] = await tx
      .insert(messages)
      .values({ conversationId, brandId, channelId: conversation.channelId, direction: "note", visibility: "private", userId: actor.userId, text, createdAt: new Date(now), receivedAt: new Date(now) })
      .returning({ id: messages.id });
    await recordAudit(tx, { actor, brandId, action: "conversation.note", objectType: "conversation", objectId: conversationId, after: { messageId: note.id } });
    await change(tx, brandId, conversationId, actor.userId);
    await indexWrittenMessages(tx, now);
    return note.id;
  });
}

// Marks the current cycle's inbound messages as noise (each a correction the classifier learns
// from). All of them, not only those read as requests: the cycle may be a request because several
// weak messages together looked like one. Returns how many conversations changed.
export async function markConversationsNoise({ db = database(), brandId, actor, conversationIds }: Ctx & { conversationIds: number[] }): Promise<number> {
  return db.transaction(async (tx) => {
    const ids = await requireConversations({ db: tx, brandId, ids: conversationIds });
    let changed = 0;
    for (const id of ids) {
      const inbound = await tx
        .select({ id: messages.id, category: messages.category, corrected: messages.corrected })
        .from(messages)
        .innerJoin(c, eq(c.id, messages.conversationId))
        .where(and(eq(messages.conversationId, id), eq(c.brandId, brandId), eq(messages.direction, "inbound"), eq(messages.cycleId, c.currentCycleId)));
      const toCorrect = inbound.filter((m) => m.category === "request" || !m.corrected);
      for (const m of toCorrect) await correctMessage({ db: tx, brandId, actor, messageId: m.id, request: false });
      if (toCorrect.length > 0) changed++;
    }
    return changed;
  });
}
