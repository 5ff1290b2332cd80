import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { channels } from "@/db/schema";
import type { Classification } from "@/lib/classify/types";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { dashboardData } from "@/lib/metrics/dashboard";
import { dashboardFigures, liveTileFigures } from "@/lib/metrics/figure-cache";
import { sinceLastChange } from "@/lib/realtime/kept";
import { parseRange } from "@/lib/metrics/local-time";
import { liveTiles } from "@/lib/metrics/tiles";
import { recordChange } from "@/lib/realtime/record-change";
import { makeBrand, makeMember, row, testDb } from "../helpers/db";

const TZ = "Europe/Sofia";
const classify = (text: string): Classification => ({
  language: "en", category: text.includes("?") ? "request" : "noise", complaint: false, sentiment: "neutral", sentimentScore: 0, confidence: 1, reasons: [], modelVersion: "test",
});

async function setup() {
  const { db } = testDb();
  const brand = await makeBrand({ db, timezone: TZ });
  const other = await makeBrand({ db });
  const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
  const channelId = (await row<{ id: number }>(db, "SELECT id FROM channels WHERE brand_id = ?", brand.id))!.id;
  let n = 0;
  const ingest = (text: string, at: number, reply?: { to: string }) =>
    ingestBatch({
      db,
      brandId: brand.id,
      classifyText: classify,
      now: at,
      items: [
        reply
          ? { event: inboundEventSchema.parse({ externalId: `r-${++n}`, author: { id: "brand" }, text, createdAt: new Date(at).toISOString(), inReplyTo: reply.to, direction: "outbound" }), channelId, userId: agent.id }
          : { event: inboundEventSchema.parse({ externalId: `q-${++n}`, author: { id: `u-${n}` }, text, createdAt: new Date(at).toISOString() }), channelId },
      ],
    });
  return { db, brand, other, ingest, lastId: () => n };
}

describe("figures kept until the brand's next change", () => {
  it("computes once for callers at the same position, again after a change of the brand, not of another", async () => {
    const { db, brand, other } = await setup();
    let computed = 0;
    const compute = async () => ++computed;
    const call = (now: number) => sinceLastChange({ db, brandId: brand.id, key: "k", now, compute });
    const together = await Promise.all(Array.from({ length: 16 }, () => call(1_000)));
    expect(together.map((x) => x.value)).toEqual(Array(16).fill(1));
    expect((await call(2_000)).value).toBe(1);
    await db.transaction((tx) => recordChange(tx, { brandId: other.id, kind: "brand", objectId: other.id }));
    expect((await call(3_000)).value).toBe(1);
    await db.transaction((tx) => recordChange(tx, { brandId: brand.id, kind: "brand", objectId: brand.id }));
    expect(await call(4_000)).toEqual({ value: 2, at: 4_000 });
    expect((await sinceLastChange({ db, brandId: brand.id, key: "k", now: 5_000, maxAgeMs: 500, compute })).value).toBe(3);
  });

  it("keeps no failed computation", async () => {
    const { db, brand } = await setup();
    let calls = 0;
    const flaky = async () => {
      if (++calls === 1) throw new Error("database busy");
      return "figures";
    };
    await expect(sinceLastChange({ db, brandId: brand.id, key: "f", now: 1, compute: flaky })).rejects.toThrow(/busy/);
    expect((await sinceLastChange({ db, brandId: brand.id, key: "f", now: 2, compute: flaky })).value).toBe("figures");
  });

  it("serves the dashboard and tiles equal to a fresh computation after every write", async () => {
    const { db, brand, ingest, lastId } = await setup();
    const start = Date.now() - 3 * 3_600_000;
    const range = parseRange({ timeZone: TZ });
    const scope = { db, brandId: brand.id, timeZone: TZ, range, channelId: null };
    const same = async (now: number) => {
      expect(await dashboardFigures({ ...scope, now })).toEqual(await dashboardData(scope));
      expect(await liveTileFigures({ db, brandId: brand.id, timeZone: TZ, now })).toEqual(await liveTiles({ db, brandId: brand.id, timeZone: TZ, now }));
    };
    await same(Date.now());
    await ingest("Where is my refund?", start);
    await same(Date.now());
    const question = `q-${lastId()}`;
    await ingest("Is the shop open?", start + 60_000);
    await same(Date.now());
    await ingest("Sent today", start + 20 * 60_000, { to: question });
    const now = Date.now();
    await same(now);
    expect((await dashboardFigures({ ...scope, now })).total.answered).toBe(1);
    expect((await liveTileFigures({ db, brandId: brand.id, timeZone: TZ, now })).waitingNow).toBe(1);
  });

  it("ages the oldest wait with the clock between changes", async () => {
    const { db, brand, ingest } = await setup();
    const asked = Date.now() - 600_000;
    await ingest("Where is my parcel?", asked);
    const now = Date.now();
    const first = await liveTileFigures({ db, brandId: brand.id, timeZone: TZ, now });
    const later = await liveTileFigures({ db, brandId: brand.id, timeZone: TZ, now: now + 5_000 });
    expect(later.oldestWaitingSeconds).toBe(first.oldestWaitingSeconds! + 5);
    expect(later).toEqual(await liveTiles({ db, brandId: brand.id, timeZone: TZ, now: now + 5_000 }));
  });
});

describe("what the change log does not record", () => {
  it("shows a renamed channel at once and keeps nothing longer than five minutes", async () => {
    const { db, brand, ingest } = await setup();
    await ingest("Where is my refund?", Date.now() - 3_600_000);
    const range = parseRange({ timeZone: TZ });
    const scope = { db, brandId: brand.id, timeZone: TZ, range, channelId: null };
    const now = Date.now();
    const before = await dashboardFigures({ ...scope, now });
    const channel = before.channels[0];
    await db.transaction((tx) => tx.update(channels).set({ name: "Renamed" }).where(eq(channels.id, channel.id)));
    const after = await dashboardFigures({ ...scope, now: now + 1_000 });
    expect(after.channels.find((c) => c.id === channel.id)?.name).toBe("Renamed");
    expect(after.volume.some((row) => "Renamed" in row.byChannel)).toBe(true);
    const computed = await dashboardFigures({ ...scope, now: now + 2_000 });
    expect(computed).toBe(after);
    expect(await dashboardFigures({ ...scope, now: now + 2_000 + 5 * 60_000 })).not.toBe(after);
  });
});
