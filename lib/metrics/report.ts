import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { summarizeFrt, type FrtSummary } from "./percentile";

export type ResponseTimeReport = { overall: FrtSummary; brands: Record<string, FrtSummary> };

type CycleRow = { business: number | null; wall: number | null; answered: number; target: number };

const FAR_PAST = -8.64e15;
const FAR_FUTURE = 8.64e15;

/**
 * DESIGN.md "Share within target" and "Percentiles" over the request cycles that started in
 * [from, to), grouped by brand. FRT in business time under each cycle's calendar; `wall` forces
 * wall time. Unanswered = still waiting or resolved without a reply.
 */
export function responseTimeReport({
  db,
  brandSlug,
  from,
  to,
  wall = false,
}: {
  db: Db;
  brandSlug?: string;
  from?: Date;
  to?: Date;
  wall?: boolean;
}): ResponseTimeReport {
  const sqlite = db.$client;
  const brandRows = (
    brandSlug
      ? sqlite.prepare("SELECT id, slug FROM brands WHERE slug = ?").all(brandSlug)
      : sqlite.prepare("SELECT id, slug FROM brands ORDER BY slug").all()
  ) as { id: number; slug: string }[];
  if (brandSlug && brandRows.length === 0) throw new AppError("not_found:brand", `Unknown brand: ${brandSlug}`);
  // Select only the columns the summary needs; cycles_brand_started serves the range.
  const select = sqlite.prepare(
    `SELECT first_response_business_seconds AS business, first_response_seconds AS wall,
            first_response_at IS NOT NULL AS answered, target_seconds AS target
       FROM response_cycles
      WHERE brand_id = ? AND started_at >= ? AND started_at < ? AND category = 'request'`,
  );
  const fromMs = from ? from.getTime() : FAR_PAST;
  const toMs = to ? to.getTime() : FAR_FUTURE;
  const all: Parameters<typeof summarizeFrt>[0]["cycles"][number][] = [];
  const brands: Record<string, FrtSummary> = {};
  for (const brand of brandRows) {
    const cycles = (select.all(brand.id, fromMs, toMs) as CycleRow[]).map((row) => ({
      frtSeconds: row.answered ? (wall ? row.wall : (row.business ?? row.wall)) : null,
      targetSeconds: row.target,
      category: "request" as const,
    }));
    brands[brand.slug] = summarizeFrt({ cycles });
    for (const cycle of cycles) all.push(cycle);
  }
  return { overall: summarizeFrt({ cycles: all }), brands };
}
