import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Classification } from "@/lib/classify/types";
import { inboundEventSchema, type InboundEventInput } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { badgeSvg, escapeXml } from "@/lib/metrics/badge";
import { brandLiveFigure } from "@/lib/metrics/live";
import { makeBrand, testDb, run, row } from "../helpers/db";

const NOW = Date.parse("2026-03-02T12:00:00Z");
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const request = (): Classification => ({
  language: "en", category: "request", complaint: false, sentiment: "neutral", sentimentScore: 0, confidence: 1, reasons: [], modelVersion: "test",
});

// Each thread: a customer question `askedMinAgo` before NOW, answered after `frtMin` minutes (or not).
async function seed({ publicStatus = true, threads }: { publicStatus?: boolean; threads: { askedMinAgo: number; frtMin?: number }[] }) {
  const { db } = testDb();
  const brand = await makeBrand({ db });
  if (publicStatus) await run(db, "UPDATE brands SET public_status = true WHERE id = ?", brand.id);
  const channel = (await row<{ id: number }>(db, "SELECT id FROM channels WHERE brand_id = ? AND kind = 'api'", brand.id))!;
  await add({ db, brandId: brand.id, channelId: channel.id, threads });
  return { db, brand, channelId: channel.id };
}

let serial = 0;
async function add({ db, brandId, channelId, threads, now = NOW }: { db: Db; brandId: number; channelId: number; threads: { askedMinAgo: number; frtMin?: number }[]; now?: number }) {
  const events: InboundEventInput[] = [];
  for (const t of threads) {
    const id = `t${++serial}`;
    const asked = now - t.askedMinAgo * MIN;
    events.push({ externalId: `${id}-q`, author: { id: `u-${id}` }, text: "Where is my bag?", createdAt: iso(asked) });
    if (t.frtMin !== undefined)
      events.push({ externalId: `${id}-a`, author: { id: "brand" }, text: "Checking", createdAt: iso(asked + t.frtMin * MIN), inReplyTo: `${id}-q`, direction: "outbound" });
  }
  events.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  await ingestBatch({ db, brandId, items: events.map((e) => ({ event: inboundEventSchema.parse(e), channelId })), now, classifyText: request });
}

describe("brandLiveFigure", () => {
  it("uses the last 60 minutes when at least five replies came in it", async () => {
    const { db, brand } = await seed({ threads: [1, 2, 3, 4, 5].map((m) => ({ askedMinAgo: 30 + m, frtMin: m })) });
    const figure = (await brandLiveFigure({ db, slug: brand.slug, now: NOW }))!;
    expect(figure).toEqual({
      brand: brand.name, displaySeconds: 180, medianSeconds: 180, oldestWaitingSeconds: null, waitingMedianSeconds: null, basis: "60m", sampleSize: 5,
      targetSeconds: 3600, updatedAt: iso(NOW),
    });
  });

  it("falls back to the last 24 hours with fewer than five, and ignores older replies", async () => {
    const { db, brand } = await seed({
      threads: [
        { askedMinAgo: 20, frtMin: 10 },
        { askedMinAgo: 300, frtMin: 30 },
        { askedMinAgo: 600, frtMin: 50 },
        { askedMinAgo: 2000, frtMin: 5 }, // answered about 33 h ago: outside both windows
      ],
    });
    const figure = (await brandLiveFigure({ db, slug: brand.slug, now: NOW }))!;
    expect(figure.basis).toBe("24h");
    expect(figure.sampleSize).toBe(3);
    expect(figure.medianSeconds).toBe(1800);
    expect(figure.displaySeconds).toBe(1800);
  });

  it("says none without replies, yet still shows the oldest wait", async () => {
    const empty = await seed({ threads: [] });
    expect(await brandLiveFigure({ db: empty.db, slug: empty.brand.slug, now: NOW })).toMatchObject({ basis: "none", displaySeconds: null, sampleSize: 0, medianSeconds: null });
    const waiting = await seed({ threads: [{ askedMinAgo: 30 }] });
    expect(await brandLiveFigure({ db: waiting.db, slug: waiting.brand.slug, now: NOW })).toMatchObject({ basis: "none", displaySeconds: 1800, oldestWaitingSeconds: 1800 });
  });

  it("never shows less than the median age of the requests waiting from the last 24 hours", async () => {
    const { db, brand } = await seed({
      threads: [...[1, 2, 3, 4, 5].map(() => ({ askedMinAgo: 10, frtMin: 1 })), { askedMinAgo: 40 }, { askedMinAgo: 30 }, { askedMinAgo: 25 * 60 }],
    });
    const figure = (await brandLiveFigure({ db, slug: brand.slug, now: NOW }))!;
    expect(figure.medianSeconds).toBe(60);
    expect(figure.oldestWaitingSeconds).toBe(2400);
    expect(figure.waitingMedianSeconds).toBe(2100);
    expect(figure.displaySeconds).toBe(2100);
  });

  it("is null for a disabled or unknown brand, and disabling takes effect at once", async () => {
    const { db, brand } = await seed({ publicStatus: false, threads: [{ askedMinAgo: 10, frtMin: 1 }] });
    expect(await brandLiveFigure({ db, slug: brand.slug, now: NOW })).toBeNull();
    expect(await brandLiveFigure({ db, slug: "no-such-brand", now: NOW })).toBeNull();
    await run(db, "UPDATE brands SET public_status = true WHERE id = ?", brand.id);
    expect(await brandLiveFigure({ db, slug: brand.slug, now: NOW })).not.toBeNull();
    await run(db, "UPDATE brands SET public_status = false WHERE id = ?", brand.id);
    expect(await brandLiveFigure({ db, slug: brand.slug, now: NOW + 1000 })).toBeNull();
  });

  it("caches the figure for a minute, then recomputes", async () => {
    const { db, brand, channelId } = await seed({ threads: [{ askedMinAgo: 10, frtMin: 1 }] });
    const first = (await brandLiveFigure({ db, slug: brand.slug, now: NOW }))!;
    await add({ db, brandId: brand.id, channelId, threads: [{ askedMinAgo: 5, frtMin: 3 }] });
    expect(await brandLiveFigure({ db, slug: brand.slug, now: NOW + 59_000 })).toBe(first);
    const later = (await brandLiveFigure({ db, slug: brand.slug, now: NOW + 60_000 }))!;
    expect(later.sampleSize).toBe(2);
    expect(later.updatedAt).toBe(iso(NOW + 60_000));
  });
});

describe("badge", () => {
  it("says the figure in words and escapes the brand name", async () => {
    const svg = badgeSvg({
      figure: { brand: `A&B <"x">`, displaySeconds: 14 * 60, medianSeconds: 14 * 60, oldestWaitingSeconds: null, waitingMedianSeconds: null, basis: "60m", sampleSize: 6, targetSeconds: 3600, updatedAt: iso(NOW) },
    });
    expect(svg).toContain("We reply in about 14 min");
    expect(svg).toContain("A&amp;B &lt;&quot;x&quot;&gt;");
    expect(svg).not.toContain("<\"x\">");
    expect(escapeXml("'")).toBe("&apos;");
  });

  it("speaks the language it is asked in, also when there is no figure", () => {
    const figure = { brand: "Air", displaySeconds: 14 * 60, medianSeconds: 14 * 60, oldestWaitingSeconds: null, waitingMedianSeconds: null, basis: "60m" as const, sampleSize: 6, targetSeconds: 3600, updatedAt: iso(NOW) };
    const ru = badgeSvg({ figure, locale: "ru" });
    expect(ru).toContain("Отвечаем примерно за 14 мин");
    expect(ru).toContain('xml:lang="ru"');
    expect(badgeSvg({ figure: { ...figure, displaySeconds: null, basis: "none" as const }, locale: "bg" })).toContain("Няма отговори през последните 24 часа");
    expect(badgeSvg({ figure: { ...figure, displaySeconds: null, basis: "none" as const } })).toContain("No replies in the last 24 hours");
  });
});
