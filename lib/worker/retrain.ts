import type { Db } from "@/db/client";
import { retrainBrand } from "@/lib/classify/brand-training";

// Brands whose admin set a retraining schedule and that have new examples since the last run.
export function retrainDueBrands({ db, now = Date.now() }: { db: Db; now?: number }): number {
  const due = db.$client
    .prepare(
      `SELECT b.id FROM brands b LEFT JOIN classifier_models m ON m.brand_id = b.id
        WHERE b.retrain_every_hours > 0
          AND (m.trained_at IS NULL OR m.trained_at <= @now - b.retrain_every_hours * 3600000)
          AND EXISTS (SELECT 1 FROM classifier_examples e WHERE e.brand_id = b.id AND (m.trained_at IS NULL OR e.created_at > m.trained_at))`,
    )
    .all({ now }) as { id: number }[];
  for (const brand of due) retrainBrand({ db, brandId: brand.id });
  return due.length;
}
