import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_BRANDS } from "@/lib/demo/brands";
import { generateHistory, type DemoItem } from "@/lib/demo/generate";
import { localClock } from "@/lib/demo/profile";
import { inboundEventSchema } from "@/lib/ingest/event";
import { firstResponses } from "./threads";

const END = new Date("2025-03-14T16:30:00Z");
const DAYS = 14;
let items: DemoItem[];

beforeAll(() => {
  items = [...generateHistory({ seed: 42, end: END, days: DAYS })];
});

describe("generateHistory", () => {
  it("is deterministic for a seed and differs for another", () => {
    const again = [...generateHistory({ seed: 42, end: END, days: DAYS })];
    expect(again).toEqual(items);
    const other = [...generateHistory({ seed: 43, end: END, days: DAYS })];
    const texts = (list: DemoItem[]) => list.slice(0, 50).map((i) => i.event.text);
    expect(texts(other)).not.toEqual(texts(items));
  });

  it("yields at least 5,000 valid events in two weeks, ordered, inside the window", () => {
    expect(items.length).toBeGreaterThanOrEqual(5000);
    const start = END.getTime() - DAYS * 86_400_000;
    let last = -Infinity;
    for (const item of items) {
      const event = inboundEventSchema.parse(item.event);
      const t = Date.parse(event.createdAt);
      expect(t).toBeGreaterThanOrEqual(last);
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThan(END.getTime());
      last = t;
    }
  });

  it("keeps externalIds unique per channel and replies pointing at earlier messages", () => {
    const seen = new Set<string>();
    for (const { channelKey, event } of items) {
      const key = channelKey + "|" + event.externalId;
      expect(seen.has(key)).toBe(false);
      if (event.inReplyTo) expect(seen.has(channelKey + "|" + event.inReplyTo)).toBe(true);
      seen.add(key);
    }
  });

  it("makes about one inbound message in eight a real request, in all 13 languages", () => {
    const inbound = items.filter((i) => i.event.direction !== "outbound");
    const share = inbound.filter((i) => i.truth.request).length / inbound.length;
    expect(share).toBeGreaterThan(0.125 - 0.04);
    expect(share).toBeLessThan(0.125 + 0.04);
    expect(new Set(inbound.map((i) => i.truth.language)).size).toBe(13);
    expect(inbound.some((i) => i.truth.complaint && i.truth.sentiment === "negative")).toBe(true);
    expect(inbound.some((i) => i.truth.complaint && (i.event.author.followers ?? 0) >= 10_000)).toBe(true);
    expect(inbound.some((i) => /https?:\/\//.test(i.event.text) && !i.truth.request)).toBe(true);
  });

  it("uses every brand's channels and attributes human replies to the brand's agents", () => {
    for (const brand of DEMO_BRANDS) {
      const mine = items.filter((i) => i.brandSlug === brand.slug);
      expect(new Set(mine.map((i) => i.channelKey))).toEqual(new Set(brand.channels.map((c) => c.key)));
      const agents = new Set(brand.agents.map((a) => a.key));
      for (const item of mine.filter((i) => i.event.direction === "outbound")) {
        if (item.event.automated) expect(item.agentKey).toBeUndefined();
        else expect(agents.has(item.agentKey!)).toBe(true);
      }
    }
    expect(items.some((i) => i.event.automated)).toBe(true);
  });

  it("answers most requests within the hour, with breaches at night and a few never answered", () => {
    const cycles = firstResponses({ items, requestsOnly: true });
    const answered = cycles.filter((c) => c.frtMs !== undefined);
    const withinHour = answered.filter((c) => c.frtMs! <= 3_600_000).length / answered.length;
    expect(withinHour).toBeGreaterThan(0.6);
    expect(withinHour).toBeLessThan(0.95);
    const tz = Object.fromEntries(DEMO_BRANDS.map((b) => [b.slug, b.timezone]));
    const nightBreaches = answered.filter((c) => {
      const hour = localClock({ timeZone: tz[c.brandSlug], t: c.start }).hour;
      return (hour < 6 || hour >= 23) && c.frtMs! > 3_600_000;
    });
    expect(nightBreaches.length).toBeGreaterThan(0);
    const lateEnough = cycles.filter((c) => c.start < END.getTime() - 2 * 86_400_000);
    expect(lateEnough.some((c) => c.frtMs === undefined)).toBe(true);
    const sorted = answered.map((c) => c.frtMs!).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] / 60_000;
    expect(median).toBeGreaterThan(10);
    expect(median).toBeLessThan(40);
  });

  it("contains 'please DM us' flows: public complaint, public reply, private dialogue by the same author", () => {
    const byKey = new Map(items.map((i) => [i.channelKey + "|" + i.event.externalId, i]));
    const privateAuthors = new Map<string, number>();
    for (const i of items)
      if (i.event.kind === "private_message" && i.event.direction !== "outbound")
        privateAuthors.set(i.channelKey + "|" + i.event.author.id, Date.parse(i.event.createdAt));
    let flows = 0;
    for (const reply of items) {
      if (reply.event.direction !== "outbound" || reply.event.automated || !reply.event.inReplyTo) continue;
      const parent = byKey.get(reply.channelKey + "|" + reply.event.inReplyTo)!;
      if (parent.event.kind !== "public_comment" || !parent.truth.complaint) continue;
      const dmAt = privateAuthors.get(reply.channelKey + "|" + parent.event.author.id);
      if (dmAt !== undefined && dmAt > Date.parse(reply.event.createdAt)) flows++;
    }
    expect(flows).toBeGreaterThan(10);
  });

  it("has repeat contacts and multi-message threads", () => {
    const roots = new Map<string, number>();
    for (const i of items)
      if (i.event.direction !== "outbound" && !i.event.inReplyTo) {
        const key = i.channelKey + "|" + i.event.author.id;
        roots.set(key, (roots.get(key) ?? 0) + 1);
      }
    expect([...roots.values()].filter((n) => n > 1).length).toBeGreaterThan(20);
    expect(items.filter((i) => i.event.inReplyTo).length).toBeGreaterThan(items.length / 5);
  });
});
