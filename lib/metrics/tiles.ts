import type { Db } from "@/db/client";
import { readOffset } from "@/lib/sla/time-zone";
import { summarizeFrt } from "./percentile";

export type LiveTiles = {
  waitingNow: number;
  oldestWaitingSeconds: number | null;
  atRisk: number;
  breachedToday: number;
  medianFirstResponseTodaySeconds: number | null;
  targetSeconds: number;
  withinTargetShareToday: number | null;
  answeredToday: number;
};

export function startOfLocalDay({ now, timeZone }: { now: number; timeZone: string }): number {
  const offset = readOffset({ timeZone, at: now });
  const local = now + offset;
  const midnightLocal = local - (((local % 86_400_000) + 86_400_000) % 86_400_000);
  return midnightLocal - readOffset({ timeZone, at: midnightLocal - offset });
}

// The tiles agents and managers see; "today" is the brand's day. FRT in business time under
// each cycle's own calendar, as DESIGN.md defines the reports.
export function liveTiles({ db, brandId, timeZone, now = Date.now() }: { db: Db; brandId: number; timeZone: string; now?: number }): LiveTiles {
  const sqlite = db.$client;
  const dayStart = startOfLocalDay({ now, timeZone });
  const waiting = sqlite
    .prepare(
      `SELECT count(*) AS n, min(r.started_at) AS oldest, sum(r.sla_state = 'at_risk') AS atRisk
         FROM conversations c JOIN response_cycles r ON r.id = c.current_cycle_id
        WHERE c.brand_id = ? AND c.awaiting_first_response = 1 AND c.category = 'request' AND c.status != 'resolved'`,
    )
    .get(brandId) as { n: number; oldest: number | null; atRisk: number | null };
  const breached = sqlite
    .prepare(
      `SELECT count(*) AS n FROM response_cycles
        WHERE brand_id = ? AND category = 'request' AND due_at >= ? AND due_at <= ?
          AND (first_response_at IS NULL OR first_response_at > due_at)`,
    )
    .get(brandId, dayStart, now) as { n: number };
  const answered = sqlite
    .prepare(
      `SELECT first_response_business_seconds AS frt, target_seconds AS target FROM response_cycles
        WHERE brand_id = ? AND category = 'request' AND first_response_at >= ? AND first_response_at <= ?`,
    )
    .all(brandId, dayStart, now) as { frt: number; target: number }[];
  const target = sqlite
    .prepare("SELECT first_response_seconds AS t FROM sla_policies WHERE brand_id = ? AND is_default = 1 LIMIT 1")
    .get(brandId) as { t: number } | undefined;
  const summary = summarizeFrt({ cycles: answered.map((a) => ({ frtSeconds: a.frt, targetSeconds: a.target, category: "request" as const })) });
  return {
    waitingNow: waiting.n,
    oldestWaitingSeconds: waiting.oldest == null ? null : Math.max(0, Math.round((now - waiting.oldest) / 1000)),
    atRisk: waiting.atRisk ?? 0,
    breachedToday: breached.n,
    medianFirstResponseTodaySeconds: summary.medianSeconds,
    targetSeconds: target?.t ?? 3600,
    withinTargetShareToday: summary.withinTargetShare,
    answeredToday: answered.length,
  };
}
