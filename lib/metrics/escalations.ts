import type { Db } from "@/db/client";
import { localClock, type DashboardRange } from "./local-time";
import { median, percentile } from "./percentile";

export type EscalationDay = { day: string; created: number; acknowledged: number; medianAckSeconds: number | null };
export type EscalationFigures = {
  /** Escalations created in the range, and how many of those a person has acknowledged. */
  created: number;
  acknowledged: number;
  /** Exact, over the acknowledged escalations created in the range (never combined from days). */
  medianAckSeconds: number | null;
  p90AckSeconds: number | null;
  /** Right now, whatever the range: not resolved, and of those not yet acknowledged. */
  openNow: number;
  unacknowledgedNow: number;
  oldestUnacknowledgedSeconds: number | null;
  daily: EscalationDay[];
};

type Scope = { db: Db; brandId: number; timeZone: string; range: DashboardRange; channelId?: number | null; now?: number };

// The status list lets escalations_brand_status serve a range on created_at for every status.
const ALL_STATUSES = "e.status IN ('open', 'acknowledged', 'resolved')";

function channelJoin(channelId: number | null | undefined): { join: string; where: string; args: number[] } {
  return channelId
    ? { join: " JOIN conversations c ON c.id = e.conversation_id", where: " AND c.channel_id = ?", args: [channelId] }
    : { join: "", where: "", args: [] };
}

/**
 * Time to acknowledge (acknowledged_at − created_at, as lib/escalation stamps it: resolving or
 * replying also acknowledges), open escalations now, and escalations per local day of the brand.
 */
export function escalationFigures({ db, brandId, timeZone, range, channelId, now = Date.now() }: Scope): EscalationFigures {
  const sqlite = db.$client;
  const scope = channelJoin(channelId);
  const rows = sqlite
    .prepare(
      `SELECT e.created_at AS created, e.acknowledged_at AS ack FROM escalations e${scope.join}
        WHERE e.brand_id = ? AND ${ALL_STATUSES} AND e.created_at >= ? AND e.created_at < ?${scope.where}`,
    )
    .all(brandId, range.from, range.to, ...scope.args) as { created: number; ack: number | null }[];
  const open = sqlite
    .prepare(
      `SELECT count(*) AS n, sum(e.status = 'open') AS unacknowledged, min(CASE WHEN e.status = 'open' THEN e.created_at END) AS oldest
         FROM escalations e${scope.join}
        WHERE e.brand_id = ? AND e.status IN ('open', 'acknowledged')${scope.where}`,
    )
    .get(brandId, ...scope.args) as { n: number; unacknowledged: number | null; oldest: number | null };

  const clock = localClock({ timeZone });
  const days = new Map(range.days.map((day) => [day, { created: 0, waits: [] as number[] }]));
  const waits: number[] = [];
  for (const row of rows) {
    const day = days.get(clock(row.created).day);
    if (day) day.created++;
    if (row.ack == null) continue;
    // An acknowledgement stamped before creation (clock skew, imports) counts as immediate.
    const wait = Math.max(0, Math.round((row.ack - row.created) / 1000));
    waits.push(wait);
    day?.waits.push(wait);
  }
  return {
    created: rows.length,
    acknowledged: waits.length,
    medianAckSeconds: median({ values: waits }),
    p90AckSeconds: percentile({ values: waits, p: 90 }),
    openNow: open.n,
    unacknowledgedNow: open.unacknowledged ?? 0,
    oldestUnacknowledgedSeconds: open.oldest == null ? null : Math.max(0, Math.round((now - open.oldest) / 1000)),
    daily: range.days.map((day) => {
      const d = days.get(day)!;
      return { day, created: d.created, acknowledged: d.waits.length, medianAckSeconds: median({ values: d.waits }) };
    }),
  };
}
