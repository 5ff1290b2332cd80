import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { responseCycles } from "@/db/schema";
import { escalationFigures } from "@/lib/metrics/escalations";
import { localClock, type DashboardRange } from "@/lib/metrics/local-time";
import { summarizeFrt } from "@/lib/metrics/percentile";

export type BusyHour = { weekday: number; hour: number; requests: number };
export type WeekFigures = {
  fromDay: string;
  toDay: string;
  /** Request cycles started in the week. */
  requests: number;
  requestsByDay: number[];
  answered: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  withinTargetShare: number | null;
  /** Request cycles of the week past their due time unanswered, or answered after it; by local hour of their start. */
  breaches: number;
  breachesByHour: number[];
  escalations: { created: number; acknowledged: number; medianAckSeconds: number | null; p90AckSeconds: number | null };
  /** The three local hours of the week (weekday 0 = Monday) with the most new requests. */
  busiestHours: BusyHour[];
};

/** The week's figures, exact over its cycles as the dashboard defines them. */
export async function weekFigures({ db, brandId, timeZone, range, now }: { db: Db; brandId: number; timeZone: string; range: DashboardRange; now: number }): Promise<WeekFigures> {
  const r = responseCycles;
  const cycles = await db
    .select({
      started: sql<number>`${r.startedAt}`.mapWith(Number),
      frt: sql<number | null>`CASE WHEN ${r.firstResponseAt} IS NULL THEN NULL ELSE coalesce(${r.firstResponseBusinessSeconds}, ${r.firstResponseSeconds}) END`.mapWith(Number),
      answeredAt: sql<number | null>`${r.firstResponseAt}`.mapWith(Number),
      due: sql<number>`${r.dueAt}`.mapWith(Number),
      target: r.targetSeconds,
    })
    .from(r)
    .where(and(eq(r.brandId, brandId), eq(r.category, "request"), gte(r.startedAt, new Date(range.from)), lt(r.startedAt, new Date(range.to))));
  const clock = localClock({ timeZone });
  const requestsByDay = range.days.map(() => 0);
  const breachesByHour = Array.from({ length: 24 }, () => 0);
  const cells = new Map<number, number>();
  let breaches = 0;
  for (const c of cycles) {
    const { day, weekday, hour } = clock(c.started);
    const index = range.days.indexOf(day);
    if (index >= 0) requestsByDay[index]++;
    cells.set(weekday * 24 + hour, (cells.get(weekday * 24 + hour) ?? 0) + 1);
    const breached = c.answeredAt == null ? c.due <= now : c.answeredAt > c.due;
    if (breached) {
      breaches++;
      breachesByHour[hour]++;
    }
  }
  const summary = summarizeFrt({ cycles: cycles.map((c) => ({ frtSeconds: c.answeredAt == null ? null : c.frt, targetSeconds: c.target, category: "request" as const })) });
  const escalations = await escalationFigures({ db, brandId, timeZone, range, now });
  const busiestHours = [...cells]
    .map(([cell, requests]) => ({ weekday: Math.floor(cell / 24), hour: cell % 24, requests }))
    .sort((a, b) => b.requests - a.requests || a.weekday - b.weekday || a.hour - b.hour)
    .slice(0, 3);
  return {
    fromDay: range.fromDay,
    toDay: range.toDay,
    requests: cycles.length,
    requestsByDay,
    answered: summary.answered,
    medianSeconds: summary.medianSeconds,
    p90Seconds: summary.p90Seconds,
    withinTargetShare: summary.withinTargetShare,
    breaches,
    breachesByHour,
    escalations: { created: escalations.created, acknowledged: escalations.acknowledged, medianAckSeconds: escalations.medianAckSeconds, p90AckSeconds: escalations.p90AckSeconds },
    busiestHours,
  };
}
