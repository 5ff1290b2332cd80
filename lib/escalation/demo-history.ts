import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { conversations, escalations, memberships, messages, notifications } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";

const HOUR = 3_600_000;
const NOTE = "Handled (demo history).";

/**
 * The demo's past, like its resolved conversations: escalations raised by the seeded history
 * more than `keepOpenMs` ago were handled by the brand's manager (acknowledged within minutes,
 * so time to acknowledge has figures) and their notifications read. Recent ones stay open.
 */
export async function settleDemoEscalations({ db = database(), brandIds, now, keepOpenMs = 3 * HOUR }: { db?: Db; brandIds: Iterable<number>; now: number; keepOpenMs?: number }): Promise<number> {
  let settled = 0;
  for (const brandId of brandIds) {
    settled += await db.transaction(async (tx) => {
      const [manager] = await tx
        .select({ id: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.brandId, brandId), inArray(memberships.role, ["manager", "admin"])))
        .orderBy(desc(memberships.role), asc(memberships.userId))
        .limit(1);
      if (!manager) return 0;
      // The seed ingests in batches, so "received" times are batch ends: the comment's own time is the history.
      const rows = await tx
        .select({ id: escalations.id, raisedAt: sql<number>`coalesce(${messages.createdAt} + 30000, ${escalations.createdAt})`.mapWith(Number) })
        .from(escalations)
        .leftJoin(messages, eq(messages.id, escalations.messageId))
        .where(and(eq(escalations.brandId, brandId), ne(escalations.status, "resolved"), lt(sql`coalesce(${messages.createdAt}, ${escalations.createdAt})`, now - keepOpenMs)));
      for (const row of rows) {
        // Deterministic spread of 2–26 minutes to acknowledge, then up to 40 more to resolve.
        const ack = row.raisedAt + (2 + ((row.id * 7) % 25)) * 60_000;
        const done = ack + ((row.id * 11) % 40) * 60_000;
        await tx
          .update(escalations)
          .set({ status: "resolved", createdAt: new Date(row.raisedAt), ownerId: manager.id, acknowledgedBy: manager.id, acknowledgedAt: new Date(ack), resolvedBy: manager.id, resolvedAt: new Date(done), note: NOTE })
          .where(and(eq(escalations.id, row.id), eq(escalations.brandId, brandId)));
        await recordAudit(tx, { actor: { userId: null, label: "demo" }, brandId, action: "escalation.resolve", objectType: "escalation", objectId: row.id, after: { status: "resolved", note: NOTE, ownerId: manager.id } });
      }
      const resolved = tx.select({ id: escalations.id }).from(escalations).where(and(eq(escalations.brandId, brandId), eq(escalations.status, "resolved")));
      const quiet = tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.brandId, brandId), lt(sql`coalesce(${conversations.lastInboundAt}, ${conversations.lastMessageAt})`, now - keepOpenMs)));
      await tx
        .update(notifications)
        .set({ readAt: new Date(now) })
        .where(and(eq(notifications.brandId, brandId), isNull(notifications.readAt), or(inArray(notifications.escalationId, resolved), inArray(notifications.conversationId, quiet))));
      return rows.length;
    });
  }
  return settled;
}
