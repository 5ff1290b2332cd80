import type { Db } from "@/db/client";
import { liveResponseTime, type LiveBasis } from "./live-figure";

export type PublicFigure = {
  brand: string;
  displaySeconds: number | null;
  medianSeconds: number | null;
  oldestWaitingSeconds: number | null;
  basis: LiveBasis;
  sampleSize: number;
  targetSeconds: number;
  updatedAt: string;
};

const DAY = 86_400_000;
export const LIVE_CACHE_MS = 60_000;

// Per database and brand id: the public endpoints may be hit hard, the figure moves slowly.
const cache = new WeakMap<Db, Map<number, { at: number; figure: PublicFigure }>>();

/**
 * The public figure (DESIGN.md "Live response time") of a brand that enabled it; null for an
 * unknown or disabled brand. The on/off switch is read on every call so disabling is immediate;
 * the figure itself is recomputed at most once a minute.
 */
export function brandLiveFigure({ db, slug, now = Date.now() }: { db: Db; slug: string; now?: number }): PublicFigure | null {
  const brand = db.$client.prepare("SELECT id, name, public_status AS enabled FROM brands WHERE slug = ?").get(slug) as
    | { id: number; name: string; enabled: number }
    | undefined;
  if (!brand || !brand.enabled) return null;
  const perDb = cache.get(db) ?? new Map<number, { at: number; figure: PublicFigure }>();
  cache.set(db, perDb);
  const hit = perDb.get(brand.id);
  if (hit && now >= hit.at && now - hit.at < LIVE_CACHE_MS) return hit.figure;
  const figure = computeFigure({ db, brandId: brand.id, name: brand.name, now });
  perDb.set(brand.id, { at: now, figure });
  return figure;
}

export function computeFigure({ db, brandId, name, now }: { db: Db; brandId: number; name: string; now: number }): PublicFigure {
  const sqlite = db.$client;
  // cycles_brand_first_response: request cycles answered in the last 24 h.
  const answered = sqlite
    .prepare(
      `SELECT first_response_at AS at, coalesce(first_response_business_seconds, first_response_seconds) AS frt
         FROM response_cycles
        WHERE brand_id = ? AND first_response_at > ? AND first_response_at <= ? AND category = 'request'`,
    )
    .all(brandId, now - DAY, now) as { at: number; frt: number }[];
  // cycles_brand_started: requests that arrived in the last 24 h and still wait for a first reply.
  const waiting = sqlite
    .prepare(
      `SELECT started_at AS at FROM response_cycles
        WHERE brand_id = ? AND started_at > ? AND started_at <= ? AND category = 'request'
          AND first_response_at IS NULL AND resolved_at IS NULL`,
    )
    .all(brandId, now - DAY, now) as { at: number }[];
  const target = sqlite
    .prepare("SELECT first_response_seconds AS t FROM sla_policies WHERE brand_id = ? AND is_default = 1 LIMIT 1")
    .get(brandId) as { t: number } | undefined;
  const live = liveResponseTime({
    now: new Date(now),
    answered: answered.map((row) => ({ firstResponseAt: new Date(row.at), frtSeconds: row.frt })),
    waitingStarts: waiting.map((row) => new Date(row.at)),
  });
  return { brand: name, ...live, targetSeconds: target?.t ?? 3600, updatedAt: new Date(now).toISOString() };
}
