import { and, asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { channels as channelsTable, responseCycles } from "@/db/schema";
import { summarizeFrt, median, type FrtSummary } from "./percentile";
import { localClock, type DashboardRange } from "./local-time";
import { agentsTable, type AgentRow } from "./dashboard-agents";
import { escalationFigures, type EscalationFigures } from "./escalations";
import { driverRows } from "./rows";
import { inboundRollups } from "./rollups";

export type DashboardScope = { db: Db; brandId: number; timeZone: string; range: DashboardRange; channelId?: number | null };
export type CycleFact = { started: number; frt: number | null; target: number; category: "request" | "noise"; responder: number | null };
export type DailyRow = { day: string } & FrtSummary;
export type VolumeRow = { day: string; total: number; byChannel: Record<string, number> };
// `toRequest` / `toNoise`: messages the model judged noise / request and an agent corrected.
export type MixRow = {
  day: string;
  inbound: number;
  requests: number;
  noise: number;
  requestShare: number | null;
  corrected: number;
  correctedShare: number | null;
  toRequest: number;
  toRequestShare: number | null;
  toNoise: number;
  toNoiseShare: number | null;
};
export type HeatCell = { weekday: number; hour: number; arrivals: number; medianSeconds: number | null };
export type ChannelInfo = { id: number; name: string; kind: string };
export type DashboardData = {
  channels: ChannelInfo[];
  /** Over the whole range, exact: never combined from the daily figures. */
  total: FrtSummary;
  daily: DailyRow[];
  volume: VolumeRow[];
  mix: MixRow[];
  heatmap: HeatCell[];
  agents: AgentRow[];
  escalations: EscalationFigures;
};

export async function brandChannels({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<ChannelInfo[]> {
  return db
    .select({ id: channelsTable.id, name: channelsTable.name, kind: channelsTable.kind })
    .from(channelsTable)
    .where(eq(channelsTable.brandId, brandId))
    .orderBy(asc(channelsTable.kind), asc(channelsTable.name));
}

/**
 * Request cycles started in the range (cycles_brand_started, covering), only the columns the
 * figures need. Noise never enters a figure, and leaving it in SQL spares most of the rows.
 */
export async function loadCycles({ db, brandId, range, channelId }: DashboardScope): Promise<CycleFact[]> {
  const r = responseCycles;
  const query = db
    .select({
      started: sql<number>`${r.startedAt}`.as("started"),
      frt: sql<number | null>`CASE WHEN ${r.firstResponseAt} IS NULL THEN NULL ELSE coalesce(${r.firstResponseBusinessSeconds}, ${r.firstResponseSeconds}) END`.as("frt"),
      target: sql<number>`${r.targetSeconds}`.as("target"),
      category: sql<CycleFact["category"]>`${r.category}`.as("category"),
      responder: sql<number | null>`${r.firstResponderId}`.as("responder"),
    })
    .from(r)
    .where(and(eq(r.brandId, brandId), gte(r.startedAt, new Date(range.from)), lt(r.startedAt, new Date(range.to)), eq(r.category, "request"), channelFilter(r.channelId, channelId)));
  return driverRows(db, query);
}

function channelFilter(column: typeof responseCycles.channelId, channelId: number | null | undefined): SQL | undefined {
  return channelId ? eq(column, channelId) : undefined;
}

/** Per local day of the cycle's start: exact median and p90 FRT and share within target. */
export function dailyResponse({ cycles, range, timeZone }: { cycles: CycleFact[]; range: DashboardRange; timeZone: string }): DailyRow[] {
  const byDay = new Map<string, { frtSeconds: number | null; targetSeconds: number; category: "request" | "noise" }[]>(range.days.map((d) => [d, []]));
  const clock = localClock({ timeZone });
  for (const c of cycles) byDay.get(clock(c.started).day)?.push({ frtSeconds: c.frt, targetSeconds: c.target, category: c.category });
  return range.days.map((day) => ({ day, ...summarizeFrt({ cycles: byDay.get(day)! }) }));
}

/** Weekday (0 = Monday) × local hour: new requests, and the median FRT of those answered. */
export function heatmap({ cycles, timeZone }: { cycles: CycleFact[]; timeZone: string }): HeatCell[] {
  const cells = Array.from({ length: 7 * 24 }, () => ({ arrivals: 0, frts: [] as number[] }));
  const clock = localClock({ timeZone });
  for (const c of cycles) {
    if (c.category !== "request") continue;
    const { weekday, hour } = clock(c.started);
    const cell = cells[weekday * 24 + hour];
    cell.arrivals++;
    if (c.frt != null) cell.frts.push(c.frt);
  }
  return cells.map((cell, i) => ({ weekday: Math.floor(i / 24), hour: i % 24, arrivals: cell.arrivals, medianSeconds: median({ values: cell.frts }) }));
}

/**
 * Inbound messages per local day: by channel, request vs noise, corrected. Read from the quarter-hour
 * rollup rows (every UTC offset is a multiple of 15 minutes), which the database keeps exact in
 * the transaction of every write to messages, summed per local day in SQL: a page reads days, not messages.
 */
export async function inboundByDay({ db, brandId, timeZone, range, channelId, channels }: DashboardScope & { channels: ChannelInfo[] }): Promise<{ volume: VolumeRow[]; mix: MixRow[] }> {
  const rows = await inboundRollups({ db, brandId, range, channelId, timeZone });
  const names = new Map(channels.map((c) => [c.id, c.name]));
  const volume = new Map<string, VolumeRow>(range.days.map((day) => [day, { day, total: 0, byChannel: {} }]));
  const mix = new Map<string, MixRow>(range.days.map((day) => [day, { day, inbound: 0, requests: 0, noise: 0, requestShare: null, corrected: 0, correctedShare: null, toRequest: 0, toRequestShare: null, toNoise: 0, toNoiseShare: null }]));
  for (const { day, ...row } of rows) {
    const v = volume.get(day);
    const m = mix.get(day);
    if (!v || !m) continue;
    const name = names.get(row.channel) ?? `#${row.channel}`;
    v.total += row.n;
    v.byChannel[name] = (v.byChannel[name] ?? 0) + row.n;
    m.inbound += row.n;
    if (row.category === "request") m.requests += row.n;
    if (row.category === "noise") m.noise += row.n;
    if (row.corrected) m.corrected += row.n;
    if (row.corrected && row.correctedFrom === "noise" && row.category === "request") m.toRequest += row.n;
    if (row.corrected && row.correctedFrom === "request" && row.category === "noise") m.toNoise += row.n;
  }
  for (const m of mix.values()) {
    m.requestShare = m.requests + m.noise === 0 ? null : m.requests / (m.requests + m.noise);
    m.correctedShare = m.inbound === 0 ? null : m.corrected / m.inbound;
    m.toRequestShare = m.noise + m.toRequest - m.toNoise <= 0 ? null : m.toRequest / (m.noise + m.toRequest - m.toNoise);
    m.toNoiseShare = m.requests + m.toNoise - m.toRequest <= 0 ? null : m.toNoise / (m.requests + m.toNoise - m.toRequest);
  }
  return { volume: [...volume.values()], mix: [...mix.values()] };
}

export async function dashboardData({ db = database(), ...rest }: Omit<DashboardScope, "db"> & { db?: Db }): Promise<DashboardData> {
  const scope: DashboardScope = { db, ...rest };
  const channels = await brandChannels(scope);
  const cycles = await loadCycles(scope);
  const { volume, mix } = await inboundByDay({ ...scope, channels });
  return {
    channels,
    total: summarizeFrt({ cycles: cycles.map((c) => ({ frtSeconds: c.frt, targetSeconds: c.target, category: c.category })) }),
    daily: dailyResponse({ cycles, range: scope.range, timeZone: scope.timeZone }),
    volume,
    mix,
    heatmap: heatmap({ cycles, timeZone: scope.timeZone }),
    agents: await agentsTable({ ...scope, cycles }),
    escalations: await escalationFigures(scope),
  };
}
