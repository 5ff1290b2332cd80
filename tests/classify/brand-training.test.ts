import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, closeDatabase } from "@/db/client";
import { brands, classifierExamples, classifierModels } from "@/db/schema";
import { classify } from "@/lib/classify";
import { loadBrandModel, retrainBrand } from "@/lib/classify/brand-training";
import { sqlite } from "../helpers/db";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replyhour-classify-"));
const db = openDatabase({ file: path.join(dir, "test.db") });

afterAll(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

function seedBrand(slug: string): number {
  return db.insert(brands).values({ slug, name: slug }).returning({ id: brands.id }).get().id;
}

describe("retrainBrand and loadBrandModel", () => {
  it("trains on the brand's own examples only and caches until retrained", () => {
    const brandId = seedBrand("beanbrew");
    const otherId = seedBrand("other");
    // the brand's daily "guess the origin" quiz: answers end in a question mark but are noise there
    const quiz = ["kenya?", "is it colombia??", "ethiopia again?", "gotta be brazil?", "my guess: peru?", "rwanda?", "costa rica?", "java!?", "honduras maybe?"];
    db.insert(classifierExamples)
      .values([
        ...quiz.map((text) => ({ brandId, text, request: false, source: "correction" as const })),
        { brandId, text: "beans missing again after my latte", request: true, source: "reply" as const },
        { brandId: otherId, text: "kenya?", request: true, source: "reply" as const },
      ])
      .run();

    expect(loadBrandModel({ db, brandId })).toBeNull();
    const result = retrainBrand({ db, brandId });
    expect(result.examples).toBe(10);
    const row = db.select().from(classifierModels).where(eq(classifierModels.brandId, brandId)).get();
    expect(row?.examples).toBe(10);
    expect(JSON.parse(row?.metrics ?? "{}")).toHaveProperty("requestAccuracyBrand");

    const model = loadBrandModel({ db, brandId });
    expect(model?.examples).toBe(10);
    expect(loadBrandModel({ db, brandId })).toBe(model);
    expect(classify("sumatra?", { brandModel: model }).category).toBe("noise");
    expect(classify("sumatra?").category).toBe("request");
    expect(loadBrandModel({ db, brandId: otherId })).toBeNull();

    db.update(classifierModels).set({ trainedAt: new Date(result.trainedAt.getTime() + 1000) }).where(eq(classifierModels.brandId, brandId)).run();
    expect(loadBrandModel({ db, brandId })).not.toBe(model);
  });
});
