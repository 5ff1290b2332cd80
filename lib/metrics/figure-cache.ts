import { database, type Db } from "@/db/client";
import { sinceLastChange } from "@/lib/realtime/kept";
import { brandChannels, dashboardData, type ChannelInfo, type DashboardData, type DashboardScope } from "./dashboard";
import { liveTiles, startOfLocalDay, type LiveTiles } from "./tiles";

// The dashboard's figures, computed once per change of the brand (lib/realtime/kept.ts): managers
// opening the dashboard together share one computation.

// Names are not counted figures and their edits record no change (a renamed channel or agent):
// the channels are part of the key, and nothing is kept longer than five minutes.
const DASHBOARD_MAX_AGE_MS = 5 * 60_000;

/** dashboardData as of the brand's last change; the escalations' oldest wait ages with the clock. */
export async function dashboardFigures({
  db = database(),
  now = Date.now(),
  channels: given,
  ...scope
}: Omit<DashboardScope, "db"> & { db?: Db; now?: number; /** The brand's channels, when the caller has read them already. */ channels?: ChannelInfo[] }): Promise<DashboardData> {
  const channels = (given ?? (await brandChannels({ db, brandId: scope.brandId }))).map((c) => `${c.id}:${c.name}`).join(",");
  const key = `dashboard|${scope.timeZone}|${scope.range.from}|${scope.range.to}|${scope.channelId ?? ""}|${channels}`;
  const { value, at } = await sinceLastChange({ db, brandId: scope.brandId, key, now, maxAgeMs: DASHBOARD_MAX_AGE_MS, compute: () => dashboardData({ db, ...scope }) });
  const oldest = value.escalations.oldestUnacknowledgedSeconds;
  if (oldest == null || now === at) return value;
  return { ...value, escalations: { ...value.escalations, oldestUnacknowledgedSeconds: oldest + Math.round((now - at) / 1000) } };
}

// Tiles also change with the clock alone (a request passes its due time before the SLA timer
// records it): kept at most 10 s, the oldest wait aged exactly.
const TILES_MAX_AGE_MS = 10_000;

/** liveTiles as of the brand's last change and at most 10 s old. */
export async function liveTileFigures({ db = database(), brandId, timeZone, now = Date.now() }: { db?: Db; brandId: number; timeZone: string; now?: number }): Promise<LiveTiles> {
  const key = `tiles|${timeZone}|${startOfLocalDay({ now, timeZone })}`;
  const { value, at } = await sinceLastChange({ db, brandId, key, now, maxAgeMs: TILES_MAX_AGE_MS, compute: () => liveTiles({ db, brandId, timeZone, now }) });
  if (value.oldestWaitingSeconds == null || now === at) return value;
  return { ...value, oldestWaitingSeconds: value.oldestWaitingSeconds + Math.round((now - at) / 1000) };
}
