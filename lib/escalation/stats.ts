import type { Db } from "@/db/client";
import { median, percentile } from "@/lib/metrics/percentile";

export type AcknowledgeStats = { acknowledged: number; waiting: number; medianSeconds: number | null; p90Seconds: number | null; oldestWaitingSeconds: number | null };

/**
 * Time to acknowledge (acknowledged_at − created_at) of the brand's escalations created in
 * [from, to), exact percentiles; `waiting` counts those still not acknowledged, shown beside it.
 */
export function acknowledgeStats({ db, brandId, from, to, now = Date.now() }: { db: Db; brandId: number; from: number; to: number; now?: number }): AcknowledgeStats {
  const rows = db.$client
    .prepare("SELECT created_at AS createdAt, acknowledged_at AS ackAt, status FROM escalations WHERE brand_id = ? AND created_at >= ? AND created_at < ?")
    .all(brandId, from, to) as { createdAt: number; ackAt: number | null; status: string }[];
  const seconds = rows.filter((r) => r.ackAt != null).map((r) => Math.max(0, Math.round((r.ackAt! - r.createdAt) / 1000)));
  const waiting = rows.filter((r) => r.ackAt == null && r.status !== "resolved");
  const oldest = waiting.length ? Math.min(...waiting.map((r) => r.createdAt)) : null;
  return {
    acknowledged: seconds.length,
    waiting: waiting.length,
    medianSeconds: median({ values: seconds }),
    p90Seconds: percentile({ values: seconds, p: 90 }),
    oldestWaitingSeconds: oldest == null ? null : Math.max(0, Math.round((now - oldest) / 1000)),
  };
}
