import { like } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { hitRateLimit } from "@/lib/limits/rate";

// One-minute windows counted in the database (lib/limits/rate.ts): they protect the installation
// from one noisy visitor or address, whichever server the requests reach.
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

const PREFIX = "widget:";

/** Counts one hit for `key` and refuses (429 with Retry-After) past `limit` in the window. */
export async function limitRate({ db = database(), key, limit, what, now = Date.now() }: { db?: Db; key: string; limit: number; what: string; now?: number }): Promise<void> {
  const hit = await hitRateLimit({ db, key: PREFIX + key, limit, now });
  if (!hit.allowed) throw new AppError("rate_limited:widget", `Too many ${what}; try again in a minute.`, { retryAfterSeconds: hit.retryAfterSeconds });
}

export async function resetWidgetRateLimits({ db = database() }: { db?: Db } = {}): Promise<void> {
  await db.transaction((tx) => tx.delete(rateLimits).where(like(rateLimits.key, `${PREFIX}%`)));
}
