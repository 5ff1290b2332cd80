import { resolveConversations } from "@/lib/conversations/resolve";
import { recordChange } from "@/lib/realtime/record-change";
import { escalateOnSlaTransitions } from "@/lib/escalation/engine";
import type { Db } from "@/db/client";

// Fires at-risk and breach transitions on time; the due instants are stored, so a restart resumes.
export function advanceSlaStates({ db, now = Date.now() }: { db: Db; now?: number }): number {
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const due = sqlite
      .prepare(
        `SELECT id, conversation_id, brand_id, CASE WHEN due_at <= @now THEN 'breached' ELSE 'at_risk' END AS next
           FROM response_cycles
          WHERE first_response_at IS NULL AND resolved_at IS NULL
            AND ((sla_state = 'on_track' AND at_risk_at <= @now) OR (sla_state IN ('on_track', 'at_risk') AND due_at <= @now))`,
      )
      .all({ now }) as { id: number; conversation_id: number; brand_id: number; next: string }[];
    const setCycle = sqlite.prepare("UPDATE response_cycles SET sla_state = ? WHERE id = ?");
    const setConversation = sqlite.prepare("UPDATE conversations SET sla_state = ?, updated_at = ? WHERE current_cycle_id = ?");
    for (const cycle of due) {
      setCycle.run(cycle.next, cycle.id);
      setConversation.run(cycle.next, now, cycle.id);
      recordChange(sqlite, { brandId: cycle.brand_id, kind: "conversation", objectId: cycle.conversation_id, conversationId: cycle.conversation_id, data: { slaState: cycle.next }, at: now });
    }
    escalateOnSlaTransitions({ sqlite, transitions: due, now });
    return due.length;
  })();
}

// DESIGN.md: an open noise conversation with no inbound message for 24 h (server clock) is resolved.
export function resolveIdleNoise({ db, now = Date.now() }: { db: Db; now?: number }): number {
  const rows = db.$client
    .prepare(
      `SELECT id, brand_id FROM conversations
        WHERE category = 'noise' AND status != 'resolved' AND last_inbound_received_at <= ? AND escalation_level = 0 LIMIT 1000`,
    )
    .all(now - 24 * 3600 * 1000) as { id: number; brand_id: number }[];
  const byBrand = new Map<number, number[]>();
  for (const row of rows) byBrand.set(row.brand_id, [...(byBrand.get(row.brand_id) ?? []), row.id]);
  let resolved = 0;
  for (const [brandId, conversationIds] of byBrand)
    resolved += resolveConversations({ db, brandId, conversationIds, at: now, actor: { userId: null, label: "system:noise-idle" } });
  return resolved;
}
