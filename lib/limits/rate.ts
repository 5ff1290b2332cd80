import { lte, sql } from "drizzle-orm";
import { writeAlone, type Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

export type RateHit = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one request for `key` and says whether it is within `limit` per window. The window
 * starts at the key's first request and the count lives in the database, so every server (and
 * every process of one) counts against the same limit. One upsert, atomic on both engines, and
 * on PostgreSQL not queued behind a transaction in progress (an ingest batch).
 */
export async function hitRateLimit({ db, key, limit, windowMs = 60_000, now = Date.now() }: { db: Db; key: string; limit: number; windowMs?: number; now?: number }): Promise<RateHit> {
  const open = sql`${rateLimits.resetAt} > ${now}`;
  const [row] = await writeAlone(db, (tx) =>
    tx
      .insert(rateLimits)
      .values({ key, hits: 1, resetAt: now + windowMs })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          hits: sql`CASE WHEN ${open} THEN ${rateLimits.hits} + 1 ELSE 1 END`,
          resetAt: sql`CASE WHEN ${open} THEN ${rateLimits.resetAt} ELSE ${now + windowMs} END`,
        },
      })
      .returning({ hits: rateLimits.hits, resetAt: rateLimits.resetAt }),
  );
  if (row.hits <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.resetAt - now) / 1000)) };
}

/** Drops the counters whose window has ended (the worker, once a minute). */
export async function sweepRateLimits({ db, now = Date.now() }: { db: Db; now?: number }): Promise<number> {
  const gone = await db.transaction((tx) => tx.delete(rateLimits).where(lte(rateLimits.resetAt, now)).returning({ key: rateLimits.key }));
  return gone.length;
}
