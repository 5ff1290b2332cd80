import { and, count, eq, gt, gte, isNull, lte, ne, or, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { conversations, responseCycles, slaPolicies } from "@/db/schema";
import { DEFAULT_FIRST_RESPONSE_SECONDS } from "@/lib/sla/defaults";
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
export async function liveTiles({ db = database(), brandId, timeZone, now = Date.now() }: { db?: Db; brandId: number; timeZone: string; now?: number }): Promise<LiveTiles> {
  const dayStart = new Date(startOfLocalDay({ now, timeZone }));
  const until = new Date(now);
  const c = conversations;
  const r = responseCycles;
  const [waiting] = await db
    .select({ n: count(), oldest: sql<number | null>`min(${r.startedAt})`, atRisk: sql<number | null>`sum(CASE WHEN ${r.slaState} = 'at_risk' THEN 1 ELSE 0 END)` })
    .from(c)
    .innerJoin(r, eq(r.id, c.currentCycleId))
    .where(and(eq(c.brandId, brandId), eq(c.awaitingFirstResponse, true), eq(c.category, "request"), ne(c.status, "resolved")));
  const [breached] = await db
    .select({ n: count() })
    .from(r)
    .where(and(eq(r.brandId, brandId), eq(r.category, "request"), gte(r.dueAt, dayStart), lte(r.dueAt, until), or(isNull(r.firstResponseAt), gt(r.firstResponseAt, r.dueAt))));
  const answered = await db
    .select({ frt: r.firstResponseBusinessSeconds, target: r.targetSeconds })
    .from(r)
    .where(and(eq(r.brandId, brandId), eq(r.category, "request"), gte(r.firstResponseAt, dayStart), lte(r.firstResponseAt, until)));
  const [target] = await db
    .select({ t: slaPolicies.firstResponseSeconds })
    .from(slaPolicies)
    .where(and(eq(slaPolicies.brandId, brandId), eq(slaPolicies.isDefault, true)))
    .limit(1);
  const summary = summarizeFrt({ cycles: answered.map((a) => ({ frtSeconds: a.frt, targetSeconds: a.target, category: "request" as const })) });
  return {
    waitingNow: waiting.n,
    oldestWaitingSeconds: waiting.oldest == null ? null : Math.max(0, Math.round((now - waiting.oldest) / 1000)),
    atRisk: waiting.atRisk ?? 0,
    breachedToday: breached.n,
    medianFirstResponseTodaySeconds: summary.medianSeconds,
    targetSeconds: target?.t ?? DEFAULT_FIRST_RESPONSE_SECONDS,
    withinTargetShareToday: summary.withinTargetShare,
    answeredToday: answered.length,
  };
}
