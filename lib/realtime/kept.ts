import type { Db } from "@/db/client";
import { brandChangeId } from "./tail";

// Values kept until the brand's next change: a value is kept with the brand's change-log position
// read before computing it, and served again only while that position has not moved. Every write
// to what the inbox and the dashboard count (ingest, replies, corrections, assignments, SLA
// timers, escalations) records a change in its own transaction, so no value served is older than
// the last write it counts, and people opening the same page together share one computation.
// Per process; servers sharing a database each keep their own.

const MAX_ENTRIES = 256;
type Entry = { seq: number; at: number; value: Promise<unknown> };
const caches = new WeakMap<Db, Map<string, Entry>>();

/**
 * `compute()`'s value for `key`, computed again when the brand's change log moved or the value
 * is `maxAgeMs` old. `at` is when the value was computed (for figures that age with the clock).
 */
export async function sinceLastChange<T>({ db, brandId, key, now, maxAgeMs = Number.POSITIVE_INFINITY, compute }: { db: Db; brandId: number; key: string; now: number; maxAgeMs?: number; compute: () => Promise<T> }): Promise<{ value: T; at: number }> {
  const seq = await brandChangeId({ db, brandId });
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
