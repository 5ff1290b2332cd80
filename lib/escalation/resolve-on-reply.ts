import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { updateValues } from "@/db/bulk";
import { keptWrites } from "@/db/kept-writes";
import { prepared } from "@/db/prepared";
import { escalations, notifications, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { recordChange } from "@/lib/realtime/record-change";

export const REPLY_NOTE = "Resolved by a reply in the conversation.";

// Asked for every outbound message ingested: prepared once per connection.
const p = sql.placeholder;

const prepareOpen = (tx: Tx) =>
  tx
    .select({ id: escalations.id, status: escalations.status })
    .from(escalations)
    .where(and(eq(escalations.conversationId, p("conversationId")), eq(escalations.brandId, p("brandId")), ne(escalations.status, "resolved")))
    .prepare();

const prepareUserEmail = (db: Db) => db.select({ email: users.email }).from(users).where(eq(users.id, p("id"))).prepare();

/**
 * A person's reply answers the escalation: its open escalations are resolved in the reply's
 * transaction. A reply before anyone acknowledged also counts as the acknowledgement, so time
 * to acknowledge is never left open on answered escalations. Their notifications are marked read.
 */
export async function resolveOnReply({
  tx,
  brandId,
  conversationId,
  messageId,
  userId,
  now,
  open,
  labels,
}: {
  tx: Tx;
  brandId: number;
  conversationId: number;
  messageId: number;
  userId: number | null;
  now: number;
  // The batch's open escalations by conversation (lib/escalation/fire.ts readBatchFacts), kept up to date here.
  open?: Map<number, { id: number; status: string }[]>;
  // The batch's people's labels by id, filled here.
  labels?: Map<number, string>;
}): Promise<number> {
  const known = open?.get(conversationId);
  const rows = known ? known.splice(0) : await prepared(tx, "escalation.openOfConversation", prepareOpen).execute({ conversationId, brandId });
  if (rows.length === 0) return 0;
  let actor = { userId, label: "system:reply" };
  if (userId != null) {
    const label = labels?.get(userId) ?? (await userLabel(tx, userId));
    labels?.set(userId, label);
    actor = { userId, label };
  }
  for (const e of rows) {
    await keptResolves.add(tx, { id: e.id, brandId, userId, now });
    await recordAudit(tx, { actor, brandId, action: "escalation.resolve", objectType: "escalation", objectId: e.id, before: { status: e.status }, after: { status: "resolved", note: REPLY_NOTE, messageId, auto: true } });
    await recordChange(tx, { brandId, kind: "escalation", objectId: e.id, conversationId, userId, data: { status: "resolved" }, at: now });
  }
  return rows.length;
}

type KeptResolve = { id: number; brandId: number; userId: number | null; now: number };

// A batch's resolutions in a statement per brand, then their notifications read together.
async function writeResolves(tx: Tx, list: KeptResolve[]): Promise<void> {
  for (const brandId of new Set(list.map((r) => r.brandId))) {
    const mine = list.filter((r) => r.brandId === brandId);
    await updateValues(tx, escalations, {
      brandId,
      keys: ["id", "status", "resolvedBy", "resolvedAt", "note", "acknowledgedAt", "acknowledgedBy"],
      rows: mine.map((r) => [r.id, "resolved", r.userId, r.now, REPLY_NOTE, r.now, r.userId]),
      set: {
        acknowledgedAt: (value, stored) => `coalesce(${stored}, ${value("acknowledgedAt")})`,
        acknowledgedBy: (value, stored) => `coalesce(${stored}, ${value("acknowledgedBy")})`,
      },
    });
    for (const now of new Set(mine.map((r) => r.now)))
      await markNotificationsReadOf(tx, { brandId, escalationIds: mine.filter((r) => r.now === now).map((r) => r.id), now });
  }
}

const keptResolves = keptWrites<KeptResolve>(writeResolves);

/** Runs `fn` with the transaction's resolutions by reply kept and written together at its end. */
export const keepingResolves = <T>(tx: Tx, fn: () => Promise<T>): Promise<T> => keptResolves.around(tx, fn);

export async function userLabel(db: Db, userId: number): Promise<string> {
  const [user] = await prepared(db, "escalation.userEmail", prepareUserEmail).execute({ id: userId });
  return user?.email ?? `user ${userId}`;
}

// A resolved escalation needs nobody any more; its bell entries stop counting as unread.
export function markNotificationsRead(tx: Tx, { brandId, escalationId, now }: { brandId: number; escalationId: number; now: number }): Promise<void> {
  return markNotificationsReadOf(tx, { brandId, escalationIds: [escalationId], now });
}

async function markNotificationsReadOf(tx: Tx, { brandId, escalationIds, now }: { brandId: number; escalationIds: number[]; now: number }): Promise<void> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: new Date(now) })
    .where(and(inArray(notifications.escalationId, escalationIds), isNull(notifications.readAt), eq(notifications.brandId, brandId)))
    .returning({ id: notifications.id, userId: notifications.userId });
  for (const row of rows.sort((a, b) => a.id - b.id)) await recordChange(tx, { brandId, kind: "notification", objectId: row.id, userId: row.userId, at: now });
}
