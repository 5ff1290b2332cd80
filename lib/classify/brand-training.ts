import { asc, eq } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { getDb } from "@/db/client";
import { brands, classifierExamples, classifierModels } from "@/db/schema";
import type * as schema from "@/db/schema";
import { trainBrandModel, type BrandModel } from "./brand-model";
import { classify } from "./classify";
import type { LabelledText } from "./types";

type Db = BetterSQLite3Database<typeof schema>;

const cache = new Map<number, { trainedAt: number; model: BrandModel }>();

function requestAccuracy({ examples, brandModel }: { examples: LabelledText[]; brandModel: BrandModel | null }): number | null {
  const labelled = examples.filter((e) => e.request != null || e.complaint === true);
  if (labelled.length === 0) return null;
  const right = labelled.filter((e) => (classify(e.text, { brandModel }).category === "request") === (e.request ?? true));
  return Math.round((right.length / labelled.length) * 10000) / 10000;
}

// Rebuilds the brand's correction layer from all its labelled examples, oldest first.
export function retrainBrand({ db, brandId }: { db: Db; brandId: number }): { examples: number; trainedAt: Date } {
  const rows = db
    .select()
    .from(classifierExamples)
    .where(eq(classifierExamples.brandId, brandId))
    .orderBy(asc(classifierExamples.createdAt), asc(classifierExamples.id))
    .all();
  const examples: LabelledText[] = rows.map((r) => ({
    text: r.text,
    request: r.request,
    complaint: r.complaint,
    sentiment: r.sentiment,
  }));
  const model = trainBrandModel({ examples });
  // Fit on the brand's own examples: how much of what agents corrected the layer now gets right.
  const metrics = {
    requestAccuracyBase: requestAccuracy({ examples, brandModel: null }),
    requestAccuracyBrand: requestAccuracy({ examples, brandModel: model }),
  };
  const trainedAt = new Date();
  const values = { model: JSON.stringify(model), examples: rows.length, trainedAt, metrics: JSON.stringify(metrics) };
  db.insert(classifierModels)
    .values({ brandId, ...values })
    .onConflictDoUpdate({ target: classifierModels.brandId, set: values })
    .run();
  cache.delete(brandId);
  return { examples: rows.length, trainedAt };
}

// One cheap query per call; the JSON is parsed again only when the brand was retrained.
export function loadBrandModel({ db, brandId }: { db: Db; brandId: number }): BrandModel | null {
  const row = db
    .select({ trainedAt: classifierModels.trainedAt })
    .from(classifierModels)
    .where(eq(classifierModels.brandId, brandId))
    .get();
  if (!row) {
    cache.delete(brandId);
    return null;
  }
  const cached = cache.get(brandId);
  if (cached && cached.trainedAt === row.trainedAt.getTime()) return cached.model;
  const full = db.select({ model: classifierModels.model }).from(classifierModels).where(eq(classifierModels.brandId, brandId)).get();
  if (!full) return null;
  const model = JSON.parse(full.model) as BrandModel;
  cache.set(brandId, { trainedAt: row.trainedAt.getTime(), model });
  return model;
}

export function retrainBrandBySlug({ slug }: { slug: string }): { brand: string; examples: number; trainedAt: Date } {
  const db = getDb();
  const brand = db.select({ id: brands.id }).from(brands).where(eq(brands.slug, slug)).get();
  if (!brand) throw new Error(`no brand with slug "${slug}"`);
  return { brand: slug, ...retrainBrand({ db, brandId: brand.id }) };
}
