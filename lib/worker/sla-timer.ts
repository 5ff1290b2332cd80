import { and, eq, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { conversations, responseCycles } from "@/db/schema";
import { resolveConversations } from "@/lib/conversations/resolve";
import { recordChange } from "@/lib/realtime/record-change";
import { escalateOnSlaTransitions } from "@/lib/escalation/engine";
import { pushSlaTransitions } from "@/lib/push/sla";

// Fires at-risk and breach transitions on time; the due instants are stored, so a restart resumes.
export async function advanceSlaStates({ db = database(), now = Date.now() }: { db?: Db; now?: number }): Promise<number> {
  const r = responseCycles;
  const at = new Date(now);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: r.id,
        conversationId: r.conversationId,
        brandId: r.brandId,
        next: sql<"breached" | "at_risk">`CASE WHEN ${r.dueAt} <= ${now} THEN 'breached' ELSE 'at_risk' END`,
      })
      .from(r)
      .where(
        and(
          isNull(r.firstResponseAt),
          isNull(r.resolvedAt),
          or(and(eq(r.slaState, "on_track"), lte(r.atRiskAt, at)), and(inArray(r.slaState, ["on_track", "at_risk"]), lte(r.dueAt, at))),
        ),
      );
    for (const cycle of due) {
      await tx
        .update(r)
        .set({ slaState: cycle.next })
        .where(and(eq(r.id, cycle.id), eq(r.brandId, cycle.brandId)));
      await tx
        .update(conversations)
        .set({ slaState: cycle.next, updatedAt: at })
        .where(and(eq(conversations.currentCycleId, cycle.id), eq(conversations.brandId, cycle.brandId)));
      await recordChange(tx, { brandId: cycle.brandId, kind: "conversation", objectId: cycle.conversationId, conversationId: cycle.conversationId, data: { slaState: cycle.next }, at: now });
    }
    await escalateOnSlaTransitions({ tx, transitions: due, now });
    await pushSlaTransitions({ tx, transitions: due, now });
    return due.length;
  });
}

// DESIGN.md: an open noise conversation with no inbound message for 24 h (server clock) is resolved.
export async function resolveIdleNoise({ db = database(), now = Date.now() }: { db?: Db; now?: number }): Promise<number> {
  const c = conversations;
  const rows = await db
    .select({ id: c.id, brandId: c.brandId })
    .from(c)
    .where(and(eq(c.category, "noise"), ne(c.status, "resolved"), lte(c.lastInboundReceivedAt, new Date(now - 24 * 3600 * 1000)), eq(c.escalationLevel, 0)))
    .limit(1000);
  const byBrand = new Map<number, number[]>();
  for (const row of rows) byBrand.set(row.brandId, [...(byBrand.get(row.brandId) ?? []), row.id]);
  let resolved = 0;
  for (const [brandId, conversationIds] of byBrand)
    resolved += await resolveConversations({ db, brandId, conversationIds, at: now, actor: { userId: null, label: "system:noise-idle" } });
  return resolved;
}
