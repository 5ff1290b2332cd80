import { describe, expect, it } from "vitest";
import { and, eq, ne } from "drizzle-orm";
import { auditLog, brands, channels, messages, responseCycles } from "@/db/schema";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema } from "@/lib/ingest/event";
import { operator } from "@/lib/auth/authorize";
import { eraseExpiredMessages, previewRetention, retentionCutoff, setRetention } from "@/lib/privacy/retention";
import { ERASED } from "@/lib/privacy/token";
import type { Classification } from "@/lib/classify/types";
import { makeBrand, makeMember, testDb } from "../helpers/db";

const NOW = Date.parse("2026-12-01T12:00:00Z");
const DAY = 24 * 3600_000;

const classifyText = (): Classification => ({ language: "en", category: "request", complaint: false, sentiment: "neutral", sentimentScore: 0, confidence: 0.9, reasons: [], modelVersion: "test" });

async function setup(count: number) {
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const other = await makeBrand({ db });
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "twitter", name: "X", accountId: "acct" }).returning());
  const [otherChannel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: other.id, kind: "twitter", name: "X", accountId: "acct2" }).returning());
  // Old messages spread over a year ago; two recent ones that stay.
  const events = Array.from({ length: count }, (_, i) => ({ externalId: `old-${i}`, text: `old question ${i}?`, createdAt: new Date(NOW - 400 * DAY + i * 60_000).toISOString(), author: { id: `u${i % 7}`, handle: `@u${i % 7}` } }));
  events.push({ externalId: "new-1", text: "recent question?", createdAt: new Date(NOW - 10 * DAY).toISOString(), author: { id: "u1", handle: "@u1" } });
  for (let i = 0; i < events.length; i += 50)
    await ingestBatch({ db, brandId: brand.id, items: events.slice(i, i + 50).map((e) => ({ event: inboundEventSchema.parse(e), channelId: channel.id })), now: NOW - DAY, classifyText });
  await ingestBatch({ db, brandId: other.id, items: [{ event: inboundEventSchema.parse({ externalId: "o1", text: "other brand old?", createdAt: new Date(NOW - 400 * DAY).toISOString(), author: { id: "z" } }), channelId: otherChannel.id }], now: NOW - DAY, classifyText });
  return { db, brand, other, channel };
}

describe("retention", () => {
  it("is off by default, shows what it would erase before turning on, and is audited", async () => {
    const { db, brand } = await setup(30);
    expect(await previewRetention({ db, actor: operator, brandId: brand.id, now: NOW })).toEqual({ months: null, wouldErase: 0 });
    expect(await eraseExpiredMessages({ db, now: NOW })).toBe(0);
    const agent = await makeMember({ db, brandId: brand.id, role: "manager" });
    const manager = { kind: "member" as const, user: { id: agent.id, email: agent.email, name: "m", memberships: [{ brandId: brand.id, slug: "s", name: "n", timezone: "UTC", role: "manager" as const }] } as never };
    await expect(setRetention({ db, actor: manager, brandId: brand.id, months: 12, confirm: true, now: NOW })).rejects.toMatchObject({ kind: "forbidden" });
    const asked = await setRetention({ db, actor: operator, brandId: brand.id, months: 12, confirm: false, now: NOW });
    expect(asked).toEqual({ saved: false, months: 12, wouldErase: 30 });
    const [unchanged] = await db.select({ months: brands.retentionMonths }).from(brands).where(eq(brands.id, brand.id));
    expect(unchanged.months).toBeNull();
    expect(await setRetention({ db, actor: operator, brandId: brand.id, months: 12, confirm: true, now: NOW })).toEqual({ saved: true, months: 12, wouldErase: 30 });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.brandId, brand.id), eq(auditLog.action, "brand.retention")));
    expect(entry).toMatchObject({ actor: "cli", before: { months: null }, after: { months: 12, wouldErase: 30 } });
    await expect(setRetention({ db, actor: operator, brandId: brand.id, months: 0, confirm: true, now: NOW })).rejects.toMatchObject({ kind: "bad_request" });
  });

  it("erases expired texts in small batches, one transaction each, and leaves recent messages, other brands and cycles alone", async () => {
    const { db, brand, other } = await setup(45);
    await setRetention({ db, actor: operator, brandId: brand.id, months: 12, confirm: true, now: NOW });
    const cyclesBefore = await db.select().from(responseCycles).orderBy(responseCycles.id);
    // One run does at most two batches of 20 here: 40 of the 45, then the rest on the next run.
    expect(await eraseExpiredMessages({ db, now: NOW, batchSize: 20, maxBatches: 2 })).toBe(40);
    expect(await db.$count(messages, and(eq(messages.brandId, brand.id), eq(messages.text, ERASED)))).toBe(40);
    const batches = await db.select().from(auditLog).where(and(eq(auditLog.brandId, brand.id), eq(auditLog.action, "message.retention_erase")));
    expect(batches.map((b) => (b.after as { messages: number }).messages)).toEqual([20, 20]);
    expect(await eraseExpiredMessages({ db, now: NOW, batchSize: 20, maxBatches: 2 })).toBe(5);
    expect(await eraseExpiredMessages({ db, now: NOW, batchSize: 20, maxBatches: 2 })).toBe(0);
    const left = await db.select({ text: messages.text }).from(messages).where(and(eq(messages.brandId, brand.id), ne(messages.text, ERASED)));
    expect(left).toEqual([{ text: "recent question?" }]);
    expect(await db.$count(messages, and(eq(messages.brandId, other.id), eq(messages.text, ERASED)))).toBe(0);
    expect(await db.select().from(responseCycles).orderBy(responseCycles.id)).toEqual(cyclesBefore);
    expect(retentionCutoff(NOW, 12)).toBe(Date.parse("2025-12-01T12:00:00Z"));
  });

  it("lets ingest in between its batches", async () => {
    const { db, brand, channel } = await setup(60);
    await setRetention({ db, actor: operator, brandId: brand.id, months: 12, confirm: true, now: NOW });
    const order: string[] = [];
    const erasing = eraseExpiredMessages({ db, now: NOW, batchSize: 10, maxBatches: 6 }).then(() => order.push("retention done"));
    await new Promise((resolve) => setImmediate(resolve));
    const ingesting = ingestBatch({ db, brandId: brand.id, items: [{ event: inboundEventSchema.parse({ externalId: "live-1", text: "live question?", createdAt: new Date(NOW).toISOString(), author: { id: "u9" } }), channelId: channel.id }], now: NOW, classifyText }).then(() => order.push("ingest done"));
    await Promise.all([erasing, ingesting]);
    expect(order).toEqual(["ingest done", "retention done"]);
  });
});
