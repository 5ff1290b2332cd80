import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, responseCycles } from "@/db/schema";
import { ALWAYS_OPEN, type Calendar } from "@/lib/sla/calendar";
import { responseSeconds } from "@/lib/sla/state";
import { recordChange } from "@/lib/realtime/record-change";
import { recordAudit, type Actor } from "@/lib/audit/record";

// Resolving closes the current cycle; a later inbound message opens the next one. Conversations
// of another brand, or already resolved, are left alone; returns how many were resolved.
export async function resolveConversations({ db, brandId, conversationIds, at, actor }: { db: Db; brandId: number; conversationIds: number[]; at: number; actor: Actor }): Promise<number> {
  return db.transaction(async (tx) => {
    let resolved = 0;
    for (const id of conversationIds) {
      const [conversation] = await tx
        .select({ status: conversations.status, currentCycleId: conversations.currentCycleId })
        .from(conversations)
        .where(and(eq(conversations.id, id), eq(conversations.brandId, brandId)))
        .limit(1);
      if (!conversation || conversation.status === "resolved") continue;
      if (conversation.currentCycleId) {
        const thisCycle = and(eq(responseCycles.id, conversation.currentCycleId), eq(responseCycles.brandId, brandId));
        const [cycle] = await tx.select({ startedAt: responseCycles.startedAt, calendar: responseCycles.calendar }).from(responseCycles).where(thisCycle).limit(1);
        const end = Math.max(at, cycle.startedAt.getTime());
        const spent = responseSeconds({ calendar: (cycle.calendar as Calendar | null) ?? ALWAYS_OPEN, from: cycle.startedAt, to: new Date(end) });
        await tx
          .update(responseCycles)
          .set({ resolvedAt: new Date(end), resolutionSeconds: Math.round(spent.wall), resolutionBusinessSeconds: Math.round(spent.business) })
          .where(thisCycle);
      }
      await tx
        .update(conversations)
        .set({ status: "resolved", awaitingFirstResponse: false, snoozedUntil: null, updatedAt: new Date(at) })
        .where(and(eq(conversations.id, id), eq(conversations.brandId, brandId)));
      await recordChange(tx, { brandId, kind: "conversation", objectId: id, conversationId: id, userId: actor.userId });
      await recordAudit(tx, { actor, brandId, action: "conversation.resolve", objectType: "conversation", objectId: id });
      resolved++;
    }
    return resolved;
  });
}
