import { describe, expect, it } from "vitest";
import { generateLive, LIVE_BUCKET_MS } from "@/lib/demo/generate";
import { inboundEventSchema } from "@/lib/ingest/event";

const NOW = Date.parse("2025-03-14T09:15:07.250Z");

describe("generateLive", () => {
  it("yields one new inbound comment at now, valid, deterministic per bucket", () => {
    for (let k = 0; k < 200; k++) {
      const now = new Date(NOW + k * LIVE_BUCKET_MS);
      const items = generateLive({ seed: 9, now });
      expect(items.length).toBeGreaterThanOrEqual(1);
      expect(items.length).toBeLessThanOrEqual(2);
      for (const item of items) {
        const event = inboundEventSchema.parse(item.event);
        expect(event.createdAt).toBe(now.toISOString());
        expect(event.direction).toBe("inbound");
      }
      expect(generateLive({ seed: 9, now })).toEqual(items);
    }
  });

  it("follows up in a thread that an earlier call started, by the same author", () => {
    const roots = new Map<string, { author: string; channel: string; thread?: string }>();
    let followUps = 0;
    for (let k = 0; k < 300; k++) {
      const [root, follow] = generateLive({ seed: 3, now: new Date(NOW + k * LIVE_BUCKET_MS) });
      roots.set(root.event.externalId, { author: root.event.author.id, channel: root.channelKey, thread: root.event.threadId });
      if (!follow || k < 25) continue;
      followUps++;
      if (follow.event.kind === "public_comment") {
        const parent = roots.get(follow.event.inReplyTo!);
        expect(parent).toEqual({ author: follow.event.author.id, channel: follow.channelKey, thread: follow.event.threadId });
      } else {
        const parent = [...roots.values()].find((r) => r.thread === follow.event.threadId);
        expect(parent?.author).toBe(follow.event.author.id);
      }
    }
    expect(followUps).toBeGreaterThan(30);
  });

  it("keeps to one brand when asked", () => {
    for (let k = 0; k < 50; k++)
      for (const item of generateLive({ seed: 1, now: new Date(NOW + k * LIVE_BUCKET_MS), brandSlug: "beanhouse" }))
        expect(item.brandSlug).toBe("beanhouse");
  });
});
