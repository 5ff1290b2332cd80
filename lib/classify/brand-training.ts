import { and, desc, eq, ne } from "drizzle-orm";
import { ERASED } from "@/lib/privacy/token";
import { database, type Db } from "@/db/client";
import { brands, classifierExamples, classifierModels } from "@/db/schema";
import { trainBrandModel, type BrandModel } from "./brand-model";
import { classify } from "./classify";
import type { LabelledText } from "./types";

const cache = new Map<number, { trainedAt: number; model: BrandModel }>();

function requestAccuracy({ examples, brandModel }: { examples: LabelledText[]; brandModel: BrandModel | null }): number | null {
  const labelled = examples.filter((e) => e.request != null || e.complaint === true);
  if (labelled.length === 0) return null;
  const right = labelled.filter((e) => (classify(e.text, { brandModel }).category === "request") === (e.request ?? true));
  return Math.round((right.length / labelled.length) * 10000) / 10000;
}

// The newest examples a layer learns from. A busy brand gains a reply example for every answered
// request; training on all of them would hold the server's event loop (the worker runs in it)
// for a minute or more every night (20,000 took 9.5 s here), where 5,000 take 1–2 s.
export const RETRAIN_EXAMPLES = 5000;

// Rebuilds the brand's correction layer from its newest labelled examples, oldest first. Training
// runs outside the transaction (it takes a while); the time is taken before the examples are
// read, so an example added meanwhile counts as new for the next scheduled run.
export async function retrainBrand({ db, brandId, limit = RETRAIN_EXAMPLES }: { db: Db; brandId: number; limit?: number }): Promise<{ examples: number; trainedAt: Date }> {
  const trainedAt = new Date();
  const newest = await db
    .select()
    .from(classifierExamples)
    // An erased example (lib/privacy) teaches nothing.
    .where(and(eq(classifierExamples.brandId, brandId), ne(classifierExamples.text, ERASED)))
    .orderBy(desc(classifierExamples.createdAt), desc(classifierExamples.id))
    .limit(limit);
  const rows = newest.reverse();
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
  const values = { model: JSON.stringify(model), examples: rows.length, trainedAt, metrics: JSON.stringify(metrics) };
  await db.transaction((tx) =>
    tx.insert(classifierModels).values({ brandId, ...values }).onConflictDoUpdate({ target: classifierModels.brandId, set: values }),
  );
  cache.delete(brandId);
  return { examples: rows.length, trainedAt };
}

// One cheap query per call; the JSON is parsed again only when the brand was retrained.
export async function loadBrandModel({ db, brandId }: { db: Db; brandId: number }): Promise<BrandModel | null> {
  const [row] = await db.select({ trainedAt: classifierModels.trainedAt }).from(classifierModels).where(eq(classifierModels.brandId, brandId));
  if (!row) {
    cache.delete(brandId);
    return null;
  }
  const cached = cache.get(brandId);
  if (cached && cached.trainedAt === row.trainedAt.getTime()) return cached.model;
  const [full] = await db.select({ model: classifierModels.model }).from(classifierModels).where(eq(classifierModels.brandId, brandId));
  if (!full) return null;
  const model = JSON.parse(full.model) as BrandModel;
  cache.set(brandId, { trainedAt: row.trainedAt.getTime(), model });
  return model;
}

export async function retrainBrandBySlug({ db = database(), slug }: { db?: Db; slug: string }): Promise<{ brand: string; examples: number; trainedAt: Date }> {
  const [brand] = await db.select({ id: brands.id }).from(brands).where(eq(brands.slug, slug));
  if (!brand) throw new Error(`no brand with slug "${slug}"`);
  return { brand: slug, ...(await retrainBrand({ db, brandId: brand.id })) };
}
