import { and, eq, exists, gt, isNull, or, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { brands, classifierExamples, classifierModels } from "@/db/schema";
import { retrainBrand } from "@/lib/classify/brand-training";

// Brands whose admin set a retraining schedule and that have new examples since the last run.
export async function retrainDueBrands({ db = database(), now = Date.now() }: { db?: Db; now?: number }): Promise<number> {
  const m = classifierModels;
  const e = classifierExamples;
  const newExamples = db
    .select({ one: sql`1` })
    .from(e)
    .where(and(eq(e.brandId, brands.id), or(isNull(m.trainedAt), gt(e.createdAt, m.trainedAt))));
  const due = await db
    .select({ id: brands.id })
    .from(brands)
    .leftJoin(m, eq(m.brandId, brands.id))
    .where(and(gt(brands.retrainEveryHours, 0), or(isNull(m.trainedAt), sql`${m.trainedAt} <= ${now} - ${brands.retrainEveryHours} * 3600000`), exists(newExamples)));
  for (const brand of due) await retrainBrand({ db, brandId: brand.id });
  return due.length;
}
