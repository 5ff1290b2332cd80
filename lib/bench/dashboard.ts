import type { Db } from "@/db/client";
import { conversations as conversationsTable } from "@/db/schema";
import { DEMO_BRANDS } from "@/lib/demo/brands";
import { agentsTable } from "@/lib/metrics/dashboard-agents";
import { brandChannels, dailyResponse, dashboardData, heatmap, inboundByDay, loadCycles } from "@/lib/metrics/dashboard";
import { localParts, parseRange } from "@/lib/metrics/local-time";
import { liveTiles } from "@/lib/metrics/tiles";
import { escalationFigures } from "@/lib/metrics/escalations";
import type { BenchWorkspace } from "./fill";
import { Samples, type Latency } from "./stats";

export type DashboardFigures = {
  conversations: number;
  /** Of the slowest single query the page runs: liveTiles, brandChannels and each part of dashboardData. */
  p50Ms: number;
  p95Ms: number;
  /** Cycles that started in the 30-day range, both brands. */
  cyclesInRange: number;
  /** What the page calls: liveTiles, brandChannels, dashboardData (everything a manager sees). */
  perQuery: Record<string, Latency>;
  /** The parts of dashboardData, timed one by one. */
  parts: Record<string, Latency>;
};

const DAY = 86_400_000;
export const PAGE_FUNCTIONS = ["liveTiles", "brandChannels", "dashboardData"];

/**
 * The dashboard page over the last 30 days (today included) for each brand, with and without a
 * channel filter: the functions the page calls, `rounds` rounds (each brand, with and without a channel), and their parts on their
 * own so that the slow one shows.
 */
export async function benchDashboard({ db, workspace, now, rounds = 10 }: { db: Db; workspace: BenchWorkspace; now: number; rounds?: number }): Promise<DashboardFigures> {
  const page = new Samples();
  const parts = new Samples();
  let cyclesInRange = 0;
  const scopes = DEMO_BRANDS.flatMap((demo) => {
    const brandId = workspace.brandIds.get(demo.slug)!;
    const timeZone = demo.timezone;
    const to = localParts({ at: now, timeZone }).day;
    const from = localParts({ at: now - 29 * DAY, timeZone }).day;
    const range = parseRange({ from, to, timeZone, now });
    const channelId = workspace.channelIds.get(demo.channels[0].key)!;
    return [{ db, brandId, timeZone, range, channelId: null }, { db, brandId, timeZone, range, channelId }];
  });
  const round = async (record: boolean) => {
    for (const scope of scopes) {
      const { brandId, timeZone } = scope;
      await page.time("liveTiles", () => liveTiles({ db, brandId, timeZone, now }));
      const channels = await page.time("brandChannels", () => brandChannels({ db, brandId }));
      await page.time("dashboardData", () => dashboardData(scope));
      const cycles = await parts.time("loadCycles", () => loadCycles(scope));
      await parts.time("inboundByDay", () => inboundByDay({ ...scope, channels }));
      await parts.time("dailyResponse", () => dailyResponse({ cycles, range: scope.range, timeZone }));
      await parts.time("heatmap", () => heatmap({ cycles, timeZone }));
      await parts.time("agentsTable", () => agentsTable({ ...scope, cycles }));
      await parts.time("escalationFigures", () => escalationFigures({ ...scope, now }));
      if (record && scope.channelId == null) cyclesInRange += cycles.length;
    }
  };
  await round(false);
  page.byName.clear();
  parts.byName.clear();
  for (let i = 0; i < rounds; i++) await round(i === 0);
  const perQuery = page.each();
  const partFigures = parts.each();
  // "Each dashboard query": the page's own queries and every part of dashboardData on its own;
  // dashboardData as a whole (all of them in a row) is reported beside them in perQuery.
  const queries = [perQuery.liveTiles, perQuery.brandChannels, ...Object.values(partFigures)];
  const worst = queries.reduce((a, b) => (b.p95Ms > a.p95Ms ? b : a));
  const conversations = await db.$count(conversationsTable);
  return { conversations, p50Ms: worst.p50Ms, p95Ms: worst.p95Ms, cyclesInRange, perQuery, parts: partFigures };
}
