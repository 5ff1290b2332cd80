import { authorize, type Principal } from "@/lib/auth/authorize";
import { and, asc, eq, gte, isNotNull, lt } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { brands, responseCycles } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { summarizeFrt, type FrtSummary } from "./percentile";

export type ResponseTimeReport = { overall: FrtSummary; brands: Record<string, FrtSummary> };

const FAR_PAST = -8.64e15;
const FAR_FUTURE = 8.64e15;

/**
 * DESIGN.md "Share within target" and "Percentiles" over the request cycles that started in
 * [from, to), grouped by brand. FRT in business time under each cycle's calendar; `wall` forces
 * wall time. Unanswered = still waiting or resolved without a reply.
 */
export async function responseTimeReport({
  db = database(),
  brandSlug,
  from,
  to,
  wall = false,
  actor,
}: {
  db?: Db;
  actor: Principal;
  brandSlug?: string;
  from?: Date;
  to?: Date;
  wall?: boolean;
}): Promise<ResponseTimeReport> {
  const brandRows = await db
    .select({ id: brands.id, slug: brands.slug })
    .from(brands)
    .where(brandSlug ? eq(brands.slug, brandSlug) : undefined)
    .orderBy(asc(brands.slug));
  if (brandSlug && brandRows.length === 0) throw new AppError("not_found:brand", `Unknown brand: ${brandSlug}`);
  const r = responseCycles;
  const fromAt = from ?? new Date(FAR_PAST);
  const toAt = to ?? new Date(FAR_FUTURE);
  // Select only the columns the summary needs; cycles_brand_started serves the range.
  const select = (brandId: number) =>
    db
      .select({ business: r.firstResponseBusinessSeconds, wall: r.firstResponseSeconds, answered: isNotNull(r.firstResponseAt).mapWith(Boolean), target: r.targetSeconds })
      .from(r)
      .where(and(eq(r.brandId, brandId), gte(r.startedAt, fromAt), lt(r.startedAt, toAt), eq(r.category, "request")));
  const all: Parameters<typeof summarizeFrt>[0]["cycles"][number][] = [];
  const byBrand: Record<string, FrtSummary> = {};
  for (const brand of brandRows) {
    authorize({ actor, brandId: brand.id, needs: "manager" });
    const cycles = (await select(brand.id)).map((row) => ({
      frtSeconds: row.answered ? (wall ? row.wall : (row.business ?? row.wall)) : null,
      targetSeconds: row.target,
      category: "request" as const,
    }));
    byBrand[brand.slug] = summarizeFrt({ cycles });
    for (const cycle of cycles) all.push(cycle);
  }
  return { overall: summarizeFrt({ cycles: all }), brands: byBrand };
}
