import { describe, expect, it } from "vitest";
import { channels, classifierExamples } from "@/db/schema";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema } from "@/lib/ingest/event";
import { correctMessage } from "@/lib/conversations/actions";
import { updateBrand } from "@/lib/brands/brands";
import { retrainDueBrands } from "@/lib/worker/retrain";
import { loadBrandModel, retrainBrand } from "@/lib/classify/brand-training";
import { classify } from "@/lib/classify";
import { cliActor } from "@/lib/audit/record";
import { makeBrand, makeMember, testDb, sqlite } from "../helpers/db";

describe("scheduled per-brand retraining", () => {
  it("learns the brand's corrections and applies them in the ingest pipeline", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
    const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "instagram", name: "IG" }).returning());
    const phrase = (i: number) => `where is the lucky draw thread? #${i}`;
    const ingest = (from: number, count: number) =>
      ingestBatch({
        db,
        brandId: brand.id,
        items: Array.from({ length: count }, (_, k) => ({
          channelId: channel.id,
          event: inboundEventSchema.parse({ externalId: `m${from + k}`, text: phrase(from + k), createdAt: new Date(Date.UTC(2026, 4, 1, 10, from + k)).toISOString(), author: { id: `u${from + k}` } }),
        })),
      });
    const first = await ingest(0, 30);
    const requests = (outcomes: { messageId: string | null }[]) =>
      outcomes.filter((o) => (sqlite(db).prepare("SELECT category FROM messages WHERE id = ?").get(Number(o.messageId)) as { category: string }).category === "request").length;
    const before = requests(first);
    // This audience asks it under every post and the brand does not answer it: noise for this brand.
    for (const outcome of first) await correctMessage({ db, brandId: brand.id, actor: { userId: agent.id, label: agent.email }, messageId: Number(outcome.messageId), request: false });
    // nightly by default; an admin can turn the schedule off
    expect(brand.retrainEveryHours).toBe(24);
    await updateBrand({ db, brandId: brand.id, retrainEveryHours: null, actor: cliActor });
    expect(await retrainDueBrands({ db })).toBe(0);
    await updateBrand({ db, brandId: brand.id, retrainEveryHours: 24, actor: cliActor });
    expect(await retrainDueBrands({ db })).toBe(1);
    expect(await retrainDueBrands({ db })).toBe(0);
    const later = await ingest(100, 10);
    expect(before).toBeGreaterThan(20);
    expect(requests(later)).toBe(0);
  });

  it("learns from the brand's newest examples only, so a busy brand's nightly retraining stays short", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const texts = ["first lucky draw?", "second lucky draw?", "third lucky draw?", "fourth lucky draw?", "fifth lucky draw?"];
    await db.transaction((tx) =>
      tx.insert(classifierExamples).values(texts.map((text, i) => ({ brandId: brand.id, text, language: "en", request: false, source: "correction" as const, createdAt: new Date(Date.UTC(2026, 4, 1, 10, i)) }))),
    );
    expect((await retrainBrand({ db, brandId: brand.id, limit: 3 })).examples).toBe(3);
    const brandModel = await loadBrandModel({ db, brandId: brand.id });
    const remembered = (text: string) => classify(text, { brandModel }).reasons.includes("corrected before for this brand");
    expect(texts.map(remembered)).toEqual([false, false, true, true, true]);
  });
});
