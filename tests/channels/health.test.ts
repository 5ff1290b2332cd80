import { describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { assessHealth, channelHealth, MIN_SILENCE_MS, silenceThreshold } from "@/lib/channels/health";
import { toView } from "@/lib/channels/channels";
import { recordChannelError } from "@/lib/channels/status";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema } from "@/lib/ingest/event";
import { makeBrand, testDb } from "../helpers/db";

const H = 3600_000;
const NOW = Date.parse("2026-03-10T12:00:00Z");
const base = { status: "active" as const, lastError: null, lastErrorAt: null };

describe("channel health", () => {
  it("uses the 95th percentile gap, at least 6 hours", () => {
    expect(silenceThreshold([])).toBe(MIN_SILENCE_MS);
    expect(silenceThreshold([0, H, 2 * H])).toBe(MIN_SILENCE_MS);
    const daily = Array.from({ length: 21 }, (_, i) => i * 24 * H);
    expect(silenceThreshold(daily)).toBe(24 * H);
    // 19 gaps of 1 h and one of 30 h: p95 (19th of 20) is still 1 h, so the floor applies.
    const times = [0, ...Array.from({ length: 19 }, (_, i) => (i + 1) * H), 49 * H];
    expect(silenceThreshold(times)).toBe(MIN_SILENCE_MS);
  });

  it("flags failing, silent and healthy channels", () => {
    const recent = Array.from({ length: 50 }, (_, i) => NOW - 2 * H - i * H);
    expect(assessHealth({ channel: { ...base, lastEventAt: new Date(NOW - 2 * H) }, inboundTimes: recent, now: NOW })).toMatchObject({ state: "ok", flagged: false });
    expect(assessHealth({ channel: { ...base, lastEventAt: new Date(NOW - 7 * H) }, inboundTimes: recent, now: NOW })).toMatchObject({ state: "silent", flagged: true });
    const daily = Array.from({ length: 20 }, (_, i) => NOW - 20 * H - i * 24 * H);
    expect(assessHealth({ channel: { ...base, lastEventAt: new Date(NOW - 20 * H) }, inboundTimes: daily, now: NOW }).state).toBe("ok");
    expect(assessHealth({ channel: { ...base, lastEventAt: new Date(NOW - 30 * H) }, inboundTimes: daily, now: NOW }).state).toBe("silent");
    expect(assessHealth({ channel: { ...base, status: "error" as const, lastError: "Poll failed: 401", lastErrorAt: new Date(NOW - H), lastEventAt: new Date(NOW - 2 * H) }, inboundTimes: recent, now: NOW })).toMatchObject({ state: "failing", flagged: true, reason: "Poll failed: 401" });
    expect(assessHealth({ channel: { ...base, status: "paused" as const, lastEventAt: new Date(NOW - 100 * H) }, inboundTimes: recent, now: NOW }).flagged).toBe(false);
    expect(assessHealth({ channel: { ...base, lastEventAt: null }, inboundTimes: [], now: NOW }).state).toBe("waiting");
  });

  it("reads the gaps from the channel's stored inbound messages and its recorded errors", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "facebook", name: "FB", accountId: "p" }).returning());
    const start = NOW - 10 * 24 * H;
    const items = Array.from({ length: 10 }, (_, i) => ({
      event: inboundEventSchema.parse({ externalId: `m${i}`, text: "Where is my order?", createdAt: new Date(start + i * 24 * H).toISOString(), author: { id: `u${i}` } }),
      channelId: channel.id,
    }));
    await ingestBatch({ db, brandId: brand.id, items, now: start + 9 * 24 * H });
    const view = async () => toView((await db.select().from(channels)).find((c) => c.id === channel.id)!);
    const health = await channelHealth({ db, channel: await view(), now: start + 9 * 24 * H + 30 * H });
    expect(health.silenceThresholdMs).toBe(24 * H);
    expect(health.state).toBe("silent");
    expect((await channelHealth({ db, channel: await view(), now: start + 9 * 24 * H + 3 * H })).state).toBe("ok");
    await recordChannelError({ db, channelId: channel.id, message: "Rejected a webhook call with a wrong or missing secret token.", now: start + 9 * 24 * H + H });
    expect(await channelHealth({ db, channel: await view(), now: start + 9 * 24 * H + 2 * H })).toMatchObject({ state: "failing", flagged: true });
  });
});
