import { AppError } from "@/lib/errors";

// Sliding one-minute windows in process memory: they protect this server from one noisy visitor
// or address; counts start afresh on restart, which is acceptable for abuse limits.
export const WIDGET_LIMITS = {
  /** Requests of any kind from one IP address to the widget endpoints. */
  ipRequests: 120,
  /** New visitors (sessions without a token) from one IP address. */
  ipSessions: 20,
  /** Messages from one IP address. */
  ipMessages: 30,
  /** Messages from one visitor. */
  visitorMessages: 10,
} as const;

const windows = new Map<string, number[]>();
let sweptAt = 0;

function sweep(now: number) {
  if (now - sweptAt < 60_000) return;
  sweptAt = now;
  for (const [key, hits] of windows) if (hits[hits.length - 1] <= now - 60_000) windows.delete(key);
}

/** Counts one hit for `key` and refuses (429 with Retry-After) past `limit` in the last minute. */
export function limitRate({ key, limit, what, now = Date.now() }: { key: string; limit: number; what: string; now?: number }): void {
  sweep(now);
  const hits = (windows.get(key) ?? []).filter((at) => at > now - 60_000);
  if (hits.length >= limit) {
    windows.set(key, hits);
    throw new AppError("rate_limited:widget", `Too many ${what}; try again in a minute.`, { retryAfterSeconds: Math.max(1, Math.ceil((hits[0] + 60_000 - now) / 1000)) });
  }
  hits.push(now);
  windows.set(key, hits);
}

export function resetWidgetRateLimits(): void {
  windows.clear();
}
