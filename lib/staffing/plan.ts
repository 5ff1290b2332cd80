import { and, asc, eq, gte, lt } from "drizzle-orm";
import { z } from "zod";
import { database, type Db } from "@/db/client";
import { brands, responseCycles, slaPolicies } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { localClock } from "@/lib/metrics/local-time";
import { DEFAULT_FIRST_RESPONSE_SECONDS } from "@/lib/sla/defaults";
import { availabilityBySlot } from "./availability";
import { agentsNeeded, agentsToSchedule, occupancy, serviceLevel } from "./erlang";
import { measureHandleTime, type HandleTime } from "./handle-time";
import { recommend, type Recommendation } from "./recommend";
import { exponentialHandleTimes, simulateQueue } from "./simulate";
import { countByHourOfWeek, SLOTS, weekWindows } from "./week";

export const STAFFING_DEFAULTS = { weeks: 4, serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 } as const;

export const staffingOptionsSchema = z.object({
  weeks: z.number().int().min(1, "weeks must be 1 to 52").max(52, "weeks must be 1 to 52").default(STAFFING_DEFAULTS.weeks),
  until: z.date().optional(),
  ahtSeconds: z.number().min(1, "handle time must be 1 to 86400 seconds").max(86_400, "handle time must be 1 to 86400 seconds").optional(),
  targetSeconds: z.number().min(1, "target must be 1 second to 7 days").max(7 * 86_400, "target must be 1 second to 7 days").optional(),
  serviceLevel: z.number().gt(0, "service level must be above 0 and at most 0.999").max(0.999, "service level must be above 0 and at most 0.999").default(STAFFING_DEFAULTS.serviceLevel),
  maxOccupancy: z.number().gt(0, "maximum occupancy must be above 0 and at most 1").max(1, "maximum occupancy must be above 0 and at most 1").default(STAFFING_DEFAULTS.maxOccupancy),
  shrinkage: z.number().min(0, "shrinkage must be at least 0 and below 0.95").max(0.95, "shrinkage must be at least 0 and below 0.95").default(STAFFING_DEFAULTS.shrinkage),
});
export type StaffingOptions = z.input<typeof staffingOptionsSchema>;

export type StaffingHour = {
  weekday: number;
  hour: number;
  arrivalsPerHour: number;
  agentsNeeded: number;
  agentsToSchedule: number;
  agentsAvailable: number;
  gap: number;
  predictedServiceLevel: number;
  simulatedServiceLevel: number;
};

/** The contract of `report staffing --json`. */
export type StaffingReport = {
  brand: string;
  weeks: number;
  ahtSeconds: number;
  targetSeconds: number;
  serviceLevel: number;
  maxOccupancy: number;
  shrinkage: number;
  hours: StaffingHour[];
};

/** What the page shows beside the report: spread, noise, how handle time was measured, advice. */
export type StaffingPlan = {
  report: StaffingReport;
  brandId: number;
  timezone: string;
  until: Date;
  weeksRequested: number;
  handleTime: HandleTime;
  arrivalsP80: number[];
  noisePerHour: number[];
  occupancy: number[];
  availabilityRecorded: boolean;
  recommendations: Recommendation[];
};

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
// Fixed seeds: the same history gives the same simulated figure on every load.
const SIMULATION_SEED = 1723;

export function parseStaffingOptions(input: StaffingOptions) {
  const parsed = staffingOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new AppError("bad_request:staffing", fields.map((f) => f.message).join("; "), { fields });
  }
  if (parsed.data.until && Number.isNaN(parsed.data.until.getTime())) throw new AppError("bad_request:staffing", "until must be an ISO time");
  return parsed.data;
}

async function brandTarget(db: Db, brandId: number): Promise<number> {
  const [policy] = await db
    .select({ seconds: slaPolicies.firstResponseSeconds })
    .from(slaPolicies)
    .where(and(eq(slaPolicies.brandId, brandId), eq(slaPolicies.isDefault, true)))
    .limit(1);
  return policy?.seconds ?? DEFAULT_FIRST_RESPONSE_SECONDS;
}

/**
 * The staffing planner of one brand: arrivals per hour of the week from the request cycles of
 * the last N weeks, agents needed by Erlang C at the target, the rota with shrinkage, the team
 * available from the availability history, and a replay of the real arrivals as a check.
 */
export async function staffingPlan({ db = database(), actor, brandSlug, options = {}, now = Date.now() }: { db?: Db; actor: Principal; brandSlug: string; options?: StaffingOptions; now?: number }): Promise<StaffingPlan> {
  const o = parseStaffingOptions(options);
  const [brand] = await db.select({ id: brands.id, slug: brands.slug, timezone: brands.timezone }).from(brands).where(eq(brands.slug, brandSlug)).limit(1);
  if (!brand) throw new AppError("not_found:brand", `Unknown brand: ${brandSlug}`);
  authorize({ actor, brandId: brand.id, needs: "manager" });

  const until = o.until?.getTime() ?? now;
  const windows = weekWindows({ until, weeks: o.weeks });
  const clock = localClock({ timeZone: brand.timezone });
  const slotOf = (at: number) => {
    const { weekday, hour } = clock(at);
    return weekday * 24 + hour;
  };
  const start = windows[windows.length - 1].from;
  const cycleRows = await db
    .select({ at: responseCycles.startedAt, category: responseCycles.category })
    .from(responseCycles)
    .where(and(eq(responseCycles.brandId, brand.id), gte(responseCycles.startedAt, new Date(start)), lt(responseCycles.startedAt, new Date(until))))
    .orderBy(asc(responseCycles.startedAt));
  const cycles = cycleRows.map((c) => ({ at: c.at.getTime(), request: c.category === "request" }));
  const counts = countByHourOfWeek({ cycles, windows, slotOf });
  // Only weeks that hold data count for availability too, as they do for arrivals.
  const dataWindows = windows.filter((w) => cycles.some((c) => c.at >= w.from && c.at < w.to));
  const availability = await availabilityBySlot({ db, brandId: brand.id, windows: dataWindows, slotOf });

  const handleTime: HandleTime = o.ahtSeconds !== undefined ? { method: "override", ahtSeconds: o.ahtSeconds } : await measureHandleTime({ db, brandId: brand.id, from: start, to: until });
  const ahtSeconds = handleTime.ahtSeconds;
  const targetSeconds = o.targetSeconds ?? (await brandTarget(db, brand.id));
  const targets = { targetSeconds, serviceLevel: o.serviceLevel, maxOccupancy: o.maxOccupancy };

  // The real request arrivals of each hour of the week, per week (in seconds; only gaps matter).
  const arrivalsBySlot: number[][][] = Array.from({ length: SLOTS }, () => []);
  for (const w of dataWindows) {
    const perSlot = new Map<number, number[]>();
    for (const c of cycles) {
      if (!c.request || c.at < w.from || c.at >= w.to) continue;
      const slot = slotOf(c.at);
      const list = perSlot.get(slot) ?? [];
      list.push(c.at / 1000);
      perSlot.set(slot, list);
    }
    for (const [slot, list] of perSlot) arrivalsBySlot[slot].push(list);
  }

  const hours: StaffingHour[] = [];
  const occupancies: number[] = [];
  for (let slot = 0; slot < SLOTS; slot++) {
    const arrivalsPerHour = counts.mean[slot];
    const needed = agentsNeeded({ arrivalsPerHour, ahtSeconds, ...targets });
    const toSchedule = agentsToSchedule({ agentsNeeded: needed, shrinkage: o.shrinkage });
    const known = availability.knownMs[slot];
    const available = known > 0 ? round(availability.agentMs[slot] / known, 2) : 0;
    const predicted = arrivalsPerHour > 0 ? serviceLevel({ agents: needed, arrivalsPerHour, ahtSeconds, targetSeconds }) : 1;
    let within = 0;
    let total = 0;
    arrivalsBySlot[slot].forEach((arrivals, i) => {
      const result = simulateQueue({ arrivals, agents: needed, handleSeconds: exponentialHandleTimes({ ahtSeconds, seed: SIMULATION_SEED + slot * 64 + i }), targetSeconds });
      within += result.withinTarget;
      total += result.requests;
    });
    hours.push({
      weekday: Math.floor(slot / 24) + 1,
      hour: slot % 24,
      arrivalsPerHour: round(arrivalsPerHour, 4),
      agentsNeeded: needed,
      agentsToSchedule: toSchedule,
      agentsAvailable: available,
      gap: round(toSchedule - available, 2),
      predictedServiceLevel: round(predicted, 4),
      simulatedServiceLevel: total === 0 ? 1 : round(within / total, 4),
    });
    occupancies.push(needed > 0 ? round(occupancy({ agents: needed, arrivalsPerHour, ahtSeconds }), 4) : 0);
  }

  const report: StaffingReport = { brand: brand.slug, weeks: counts.weeksWithData, ahtSeconds, targetSeconds, serviceLevel: o.serviceLevel, maxOccupancy: o.maxOccupancy, shrinkage: o.shrinkage, hours };
  return {
    report,
    brandId: brand.id,
    timezone: brand.timezone,
    until: new Date(until),
    weeksRequested: o.weeks,
    handleTime,
    arrivalsP80: counts.p80,
    noisePerHour: counts.noiseMean.map((n) => round(n, 4)),
    occupancy: occupancies,
    availabilityRecorded: availability.knownMs.some((ms) => ms > 0),
    recommendations: recommend({ hours, ahtSeconds, targetSeconds, shrinkage: o.shrinkage }),
  };
}

/** The week's staffing gap for a report: hours short of the rota and agent-hours missing. */
export async function staffingGap({ db = database(), actor, brandSlug, until, now = Date.now() }: { db?: Db; actor: Principal; brandSlug: string; until?: Date; now?: number }) {
  const plan = await staffingPlan({ db, actor, brandSlug, options: { until }, now });
  const short = plan.report.hours.filter((h) => h.gap > 0);
  return {
    hoursShort: short.length,
    agentHoursMissing: round(short.reduce((sum, h) => sum + h.gap, 0), 2),
    worst: [...short].sort((a, b) => b.gap - a.gap).slice(0, 5),
    recommendations: plan.recommendations,
  };
}
