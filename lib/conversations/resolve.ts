import type { Db } from "@/db/client";
import { responseSeconds } from "@/lib/sla/state";
import { cycleCalendar } from "@/lib/ingest/cycles";
import type { CycleRow } from "@/lib/ingest/store";
import { recordChange } from "@/lib/realtime/record-change";
import { recordAudit, type Actor } from "@/lib/audit/record";

// Resolving closes the current cycle; a later inbound message opens the next one.
export function resolveConversations({ db, brandId, conversationIds, at, actor }: { db: Db; brandId: number; conversationIds: number[]; at: number; actor: Actor }): number {
  const sqlite = db.$client;
  const getConversation = sqlite.prepare("SELECT id, status, current_cycle_id FROM conversations WHERE id = ? AND brand_id = ?");
  const getCycle = sqlite.prepare("SELECT * FROM response_cycles WHERE id = ?");
  const closeCycle = sqlite.prepare(
    "UPDATE response_cycles SET resolved_at = ?, resolution_seconds = ?, resolution_business_seconds = ? WHERE id = ?",
  );
  const close = sqlite.prepare(
    "UPDATE conversations SET status = 'resolved', awaiting_first_response = 0, snoozed_until = NULL, updated_at = ? WHERE id = ?",
  );
  return sqlite.transaction(() => {
    let resolved = 0;
    for (const id of conversationIds) {
      const conversation = getConversation.get(id, brandId) as { id: number; status: string; current_cycle_id: number | null } | undefined;
      if (!conversation || conversation.status === "resolved") continue;
      if (conversation.current_cycle_id) {
        const cycle = getCycle.get(conversation.current_cycle_id) as CycleRow;
        const end = Math.max(at, cycle.started_at);
        const spent = responseSeconds({ calendar: cycleCalendar(cycle), from: new Date(cycle.started_at), to: new Date(end) });
        closeCycle.run(end, Math.round(spent.wall), Math.round(spent.business), cycle.id);
      }
      close.run(at, id);
      recordChange(sqlite, { brandId, kind: "conversation", objectId: id, conversationId: id, userId: actor.userId });
      recordAudit(db, { actor, brandId, action: "conversation.resolve", objectType: "conversation", objectId: id });
      resolved++;
    }
    return resolved;
  })();
}
