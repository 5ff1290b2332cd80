import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { escalations, notifications, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { recordChange } from "@/lib/realtime/record-change";

export const REPLY_NOTE = "Resolved by a reply in the conversation.";

// Asked for every outbound message ingested: prepared once per handle.
const openQueries = new WeakMap<Tx, ReturnType<typeof prepareOpen>>();

function prepareOpen(tx: Tx) {
  return tx
    .select({ id: escalations.id, status: escalations.status })
    .from(escalations)
    .where(and(eq(escalations.conversationId, sql.placeholder("conversationId")), eq(escalations.brandId, sql.placeholder("brandId")), ne(escalations.status, "resolved")))
    .prepare();
}

/**
 * A person's reply answers the escalation: its open escalations are resolved in the reply's
 * transaction. A reply before anyone acknowledged also counts as the acknowledgement, so time
 * to acknowledge is never left open on answered escalations. Their notifications are marked read.
 */
export async function resolveOnReply({ tx, brandId, conversationId, messageId, userId, now }: { tx: Tx; brandId: number; conversationId: number; messageId: number; userId: number | null; now: number }): Promise<number> {
  let open = openQueries.get(tx);
  if (!open) openQueries.set(tx, (open = prepareOpen(tx)));
  const rows = await open.execute({ conversationId, brandId });
  if (rows.length === 0) return 0;
  const actor = userId != null ? { userId, label: await userLabel(tx, userId) } : { userId: null, label: "system:reply" };
  for (const e of rows) {
    await tx
      .update(escalations)
      .set({
        status: "resolved",
        resolvedBy: userId,
        resolvedAt: new Date(now),
        note: REPLY_NOTE,
        acknowledgedAt: sql`coalesce(${escalations.acknowledgedAt}, ${now})`,
        acknowledgedBy: sql`coalesce(${escalations.acknowledgedBy}, ${userId})`,
      })
      .where(and(eq(escalations.id, e.id), eq(escalations.brandId, brandId)));
    await markNotificationsRead(tx, { brandId, escalationId: e.id, now });
    await recordAudit(tx, { actor, brandId, action: "escalation.resolve", objectType: "escalation", objectId: e.id, before: { status: e.status }, after: { status: "resolved", note: REPLY_NOTE, messageId, auto: true } });
    await recordChange(tx, { brandId, kind: "escalation", objectId: e.id, conversationId, userId, data: { status: "resolved" }, at: now });
  }
  return rows.length;
}

export async function userLabel(db: Db, userId: number): Promise<string> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return user?.email ?? `user ${userId}`;
}

// A resolved escalation needs nobody any more; its bell entries stop counting as unread.
export async function markNotificationsRead(tx: Tx, { brandId, escalationId, now }: { brandId: number; escalationId: number; now: number }): Promise<void> {
  const rows = await tx
    .select({ id: notifications.id, userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.escalationId, escalationId), isNull(notifications.readAt), eq(notifications.brandId, brandId)));
  if (rows.length === 0) return;
  await tx
    .update(notifications)
    .set({ readAt: new Date(now) })
    .where(and(inArray(notifications.id, rows.map((r) => r.id)), eq(notifications.brandId, brandId)));
  for (const row of rows) await recordChange(tx, { brandId, kind: "notification", objectId: row.id, userId: row.userId, at: now });
}
