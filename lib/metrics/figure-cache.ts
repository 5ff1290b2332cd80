import { eq, max, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import { changes } from "@/db/schema";
import { brandChannels, dashboardData, type ChannelInfo, type DashboardData, type DashboardScope } from "./dashboard";
import { liveTiles, startOfLocalDay, type LiveTiles } from "./tiles";

// The dashboard's figures, computed once per change of the brand: a value is kept with the
// brand's change-log position read before computing it, and served again only while that
// position has not moved. Every write the figures count (ingest, replies, corrections, SLA
// timers, escalations) records a change in its own transaction, so no figure served is older
// than the last write it counts, and managers opening the dashboard together share one
// computation. Per process; servers sharing a database each keep their own.

const MAX_ENTRIES = 256;
type Entry = { seq: number; at: number; value: Promise<unknown> };
const caches = new WeakMap<Db, Map<string, Entry>>();

// Read for every kept figure a page shows: prepared once per connection.
const preparePosition = (db: Db) => db.select({ seq: max(changes.seq) }).from(changes).where(eq(changes.brandId, sql.placeholder("brandId"))).prepare();

async function brandPosition(db: Db, brandId: number): Promise<number> {
  const [row] = await prepared(db, "metrics.brandPosition", preparePosition).execute({ brandId });
  return Number(row?.seq ?? 0);
}

/**
 * `compute()`'s value for `key`, computed again when the brand's change log moved or the value
 * is `maxAgeMs` old. `at` is when the value was computed (for figures that age with the clock).
 */
export async function sinceLastChange<T>({ db, brandId, key, now, maxAgeMs = Number.POSITIVE_INFINITY, compute }: { db: Db; brandId: number; key: string; now: number; maxAgeMs?: number; compute: () => Promise<T> }): Promise<{ value: T; at: number }> {
  const seq = await brandPosition(db, brandId);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const name = `${brandId}|${key}`;
  const hit = cache.get(name);
  if (hit && hit.seq === seq && now - hit.at < maxAgeMs && now >= hit.at) {
    // Most recently used last, so the oldest is the first to go.
    cache.delete(name);
    cache.set(name, hit);
    return { value: (await hit.value) as T, at: hit.at };
  }
  const entry: Entry = { seq, at: now, value: compute() };
  cache.set(name, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  entry.value.catch(() => {
    if (cache.get(name) === entry) cache.delete(name);
  });
  return { value: (await entry.value) as T, at: entry.at };
}

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
