import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, closeDatabase } from "@/db/client";
import { brands, classifierExamples, classifierModels } from "@/db/schema";
import { classify } from "@/lib/classify";
import { loadBrandModel, retrainBrand } from "@/lib/classify/brand-training";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replyhour-classify-"));
const db = openDatabase({ file: path.join(dir, "test.db") });

afterAll(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function seedBrand(slug: string): Promise<number> {
  const [brand] = await db.transaction((tx) => tx.insert(brands).values({ slug, name: slug }).returning({ id: brands.id }));
  return brand.id;
}

describe("retrainBrand and loadBrandModel", () => {
  it("trains on the brand's own examples only and caches until retrained", async () => {
    const brandId = await seedBrand("beanbrew");
    const otherId = await seedBrand("other");
    // the brand's daily "guess the origin" quiz: answers end in a question mark but are noise there
    const quiz = ["kenya?", "is it colombia??", "ethiopia again?", "gotta be brazil?", "my guess: peru?", "rwanda?", "costa rica?", "java!?", "honduras maybe?"];
    await db.transaction((tx) =>
      tx.insert(classifierExamples).values([
        ...quiz.map((text) => ({ brandId, text, request: false, source: "correction" as const })),
        { brandId, text: "beans missing again after my latte", request: true, source: "reply" as const },
        { brandId: otherId, text: "kenya?", request: true, source: "reply" as const },
      ]),
    );

    expect(await loadBrandModel({ db, brandId })).toBeNull();
    const result = await retrainBrand({ db, brandId });
    expect(result.examples).toBe(10);
    const [row] = await db.select().from(classifierModels).where(eq(classifierModels.brandId, brandId));
    expect(row?.examples).toBe(10);
    expect(JSON.parse(row?.metrics ?? "{}")).toHaveProperty("requestAccuracyBrand");

    const model = await loadBrandModel({ db, brandId });
    expect(model?.examples).toBe(10);
    expect(await loadBrandModel({ db, brandId })).toBe(model);
    expect(classify("sumatra?", { brandModel: model }).category).toBe("noise");
    expect(classify("sumatra?").category).toBe("request");
    expect(await loadBrandModel({ db, brandId: otherId })).toBeNull();

    await db.transaction((tx) => tx.update(classifierModels).set({ trainedAt: new Date(result.trainedAt.getTime() + 1000) }).where(eq(classifierModels.brandId, brandId)));
    expect(await loadBrandModel({ db, brandId })).not.toBe(model);
  });
});
