import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";

const HOUR = 3_600_000;

/**
 * The demo's past, like its resolved conversations: escalations raised by the seeded history
 * more than `keepOpenMs` ago were handled by the brand's manager (acknowledged within minutes,
 * so time to acknowledge has figures) and their notifications read. Recent ones stay open.
 */
export function settleDemoEscalations({ db, brandIds, now, keepOpenMs = 3 * HOUR }: { db: Db; brandIds: Iterable<number>; now: number; keepOpenMs?: number }): number {
  const sqlite = db.$client;
  let settled = 0;
  for (const brandId of brandIds) {
    const manager = sqlite.prepare("SELECT user_id AS id FROM memberships WHERE brand_id = ? AND role IN ('manager', 'admin') ORDER BY role DESC, user_id LIMIT 1").get(brandId) as { id: number } | undefined;
    if (!manager) continue;
    // The seed ingests in batches, so "received" times are batch ends: the comment's own time is the history.
    const rows = sqlite
      .prepare(
        `SELECT e.id, coalesce(m.created_at + 30000, e.created_at) AS raisedAt FROM escalations e LEFT JOIN messages m ON m.id = e.message_id
          WHERE e.brand_id = ? AND e.status != 'resolved' AND coalesce(m.created_at, e.created_at) < ?`,
      )
      .all(brandId, now - keepOpenMs) as { id: number; raisedAt: number }[];
    sqlite.transaction(() => {
      for (const row of rows) {
        // Deterministic spread of 2–26 minutes to acknowledge, then up to 40 more to resolve.
        const ack = row.raisedAt + (2 + ((row.id * 7) % 25)) * 60_000;
        const done = ack + ((row.id * 11) % 40) * 60_000;
        sqlite
          .prepare("UPDATE escalations SET status = 'resolved', created_at = ?, owner_id = ?, acknowledged_by = ?, acknowledged_at = ?, resolved_by = ?, resolved_at = ?, note = ? WHERE id = ?")
          .run(row.raisedAt, manager.id, manager.id, ack, manager.id, done, "Handled (demo history).", row.id);
        recordAudit(db, { actor: { userId: null, label: "demo" }, brandId, action: "escalation.resolve", objectType: "escalation", objectId: row.id, after: { status: "resolved", note: "Handled (demo history).", ownerId: manager.id } });
      }
      sqlite
        .prepare(
          `UPDATE notifications SET read_at = ? WHERE brand_id = ? AND read_at IS NULL
             AND (escalation_id IN (SELECT id FROM escalations WHERE brand_id = ? AND status = 'resolved')
               OR conversation_id IN (SELECT id FROM conversations WHERE brand_id = ? AND coalesce(last_inbound_at, last_message_at) < ?))`,
        )
        .run(now, brandId, brandId, brandId, now - keepOpenMs);
    })();
    settled += rows.length;
  }
  return settled;
}
