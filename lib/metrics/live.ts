import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { brands, responseCycles, slaPolicies } from "@/db/schema";
import { DEFAULT_FIRST_RESPONSE_SECONDS } from "@/lib/sla/defaults";
import { liveResponseTime, type LiveBasis } from "./live-figure";

export type PublicFigure = {
  brand: string;
  displaySeconds: number | null;
  medianSeconds: number | null;
  oldestWaitingSeconds: number | null;
  waitingMedianSeconds: number | null;
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
export async function brandLiveFigure({ db = database(), slug, now = Date.now() }: { db?: Db; slug: string; now?: number }): Promise<PublicFigure | null> {
  const [brand] = await db.select({ id: brands.id, name: brands.name, enabled: brands.publicStatus }).from(brands).where(eq(brands.slug, slug)).limit(1);
  if (!brand || !brand.enabled) return null;
  const perDb = cache.get(db) ?? new Map<number, { at: number; figure: PublicFigure }>();
  cache.set(db, perDb);
  const hit = perDb.get(brand.id);
  if (hit && now >= hit.at && now - hit.at < LIVE_CACHE_MS) return hit.figure;
  const figure = await computeFigure({ db, brandId: brand.id, name: brand.name, now });
  perDb.set(brand.id, { at: now, figure });
  return figure;
}

export async function computeFigure({ db, brandId, name, now }: { db: Db; brandId: number; name: string; now: number }): Promise<PublicFigure> {
  const r = responseCycles;
  const since = new Date(now - DAY);
  const until = new Date(now);
  // cycles_brand_first_response: request cycles answered in the last 24 h.
  const answered = await db
    .select({ at: sql<number>`${r.firstResponseAt}`, frt: sql<number>`coalesce(${r.firstResponseBusinessSeconds}, ${r.firstResponseSeconds})` })
    .from(r)
    .where(and(eq(r.brandId, brandId), gt(r.firstResponseAt, since), lte(r.firstResponseAt, until), eq(r.category, "request")));
  // cycles_brand_started: requests that arrived in the last 24 h and still wait for a first reply.
  const waiting = await db
    .select({ at: sql<number>`${r.startedAt}` })
    .from(r)
    .where(and(eq(r.brandId, brandId), gt(r.startedAt, since), lte(r.startedAt, until), eq(r.category, "request"), isNull(r.firstResponseAt), isNull(r.resolvedAt)));
  const [target] = await db
    .select({ t: slaPolicies.firstResponseSeconds })
    .from(slaPolicies)
    .where(and(eq(slaPolicies.brandId, brandId), eq(slaPolicies.isDefault, true)))
    .limit(1);
  const live = liveResponseTime({
    now: new Date(now),
    answered: answered.map((row) => ({ firstResponseAt: new Date(row.at), frtSeconds: row.frt })),
    waitingStarts: waiting.map((row) => new Date(row.at)),
  });
  return { brand: name, ...live, targetSeconds: target?.t ?? DEFAULT_FIRST_RESPONSE_SECONDS, updatedAt: new Date(now).toISOString() };
}
