// Date#toISOString costs about a microsecond here, the largest share of generating an item;
// events carry whole seconds, so a per-minute prefix plus a seconds suffix is enough.
const CACHE_SIZE = 8192;
const keys = new Float64Array(CACHE_SIZE).fill(-1);
const prefixes: string[] = new Array(CACHE_SIZE).fill("");
const SECONDS = Array.from({ length: 60 }, (_, s) => (s < 10 ? "0" : "") + s + ".000Z");

/** ISO 8601 UTC for a time in ms, truncated to the second. */
export function isoSecond(t: number): string {
  const minute = Math.floor(t / 60_000);
  const slot = minute & (CACHE_SIZE - 1);
  if (keys[slot] !== minute) {
    keys[slot] = minute;
    prefixes[slot] = new Date(minute * 60_000).toISOString().slice(0, 17);
  }
  return prefixes[slot] + SECONDS[Math.floor((t - minute * 60_000) / 1000)];
}
