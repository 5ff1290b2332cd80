import { describe, expect, it } from "vitest";
import { generateScale } from "@/lib/demo/generate";
import { firstResponses } from "./threads";

describe("generateScale", () => {
  it("yields about the asked number of conversations at ~3 messages each, ordered and unique", () => {
    const end = new Date("2025-06-01T00:00:00Z");
    const items = [...generateScale({ seed: 5, conversations: 12_000, end, days: 30 })];
    const conversations = firstResponses({ items, requestsOnly: false }).length;
    // Replies whose parent fell before the window start their own conversation; allow a few percent.
    expect(conversations).toBeGreaterThan(11_400);
    expect(conversations).toBeLessThan(12_900);
    expect(items.length / 12_000).toBeGreaterThan(2.6);
    expect(items.length / 12_000).toBeLessThan(3.4);
    const inbound = items.filter((i) => i.event.direction !== "outbound");
    const share = inbound.filter((i) => i.truth.request).length / inbound.length;
    expect(Math.abs(share - 0.125)).toBeLessThan(0.04);
    const seen = new Set<string>();
    let last = "";
    for (const { channelKey, event } of items) {
      expect(event.createdAt >= last).toBe(true);
      last = event.createdAt;
      const key = channelKey + "|" + event.externalId;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    expect(last < end.toISOString()).toBe(true);
  });
});
