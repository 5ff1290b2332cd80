import { startConversation } from "./conversation";
import type { DemoItem } from "./item";
import { localClock } from "./profile";
import { mixSeed, WeightedTable } from "./rng";
import { render } from "./templates";
import { createWorld, type BrandState, type World } from "./world";

/** One new comment per bucket: calls within the same bucket return the same items (they dedupe). */
export const LIVE_BUCKET_MS = 15_000;
const FOLLOW_UP_SHARE = 0.3;
const FOLLOW_UP_BUCKETS = 20;

type Root = { item: DemoItem; world: World; b: BrandState };

/**
 * The next burst of live demo traffic at `now`: one new comment, sometimes a follow-up by the
 * author of a comment from a recent bucket (same thread). Pure: the same seed and bucket give
 * the same items.
 */
export function generateLive({ seed, now, brandSlug }: { seed: number; now: Date; brandSlug?: string }): DemoItem[] {
  const t = now.getTime();
  const createdAt = now.toISOString();
  const bucket = Math.floor(t / LIVE_BUCKET_MS);
  const root = liveRoot({ seed, bucket, brandSlug });
  root.item.event.createdAt = createdAt;
  const items = [root.item];
  const rng = root.world.rng;
  if (rng.chance(FOLLOW_UP_SHARE)) {
    const earlier = liveRoot({ seed, bucket: bucket - rng.int(1, FOLLOW_UP_BUCKETS), brandSlug });
    items.push(followUp({ earlier, externalId: root.item.event.externalId + "-f", createdAt }));
  }
  return items;
}

function liveRoot({ seed, bucket, brandSlug }: { seed: number; bucket: number; brandSlug?: string }): Root {
  const world = createWorld({ seed: mixSeed(seed, bucket), tag: "l" + bucket.toString(36), mix: { requestScript: 0.18, crowdMean: 0 }, brandSlug });
  const b = new WeightedTable(world.brands, world.brands.map((s) => s.brand.share)).sample(world.rng);
  const t0 = bucket * LIVE_BUCKET_MS;
  const clock = localClock({ timeZone: b.brand.timezone, t: t0 });
  startConversation({ world, b, t0, slot: { hour: clock.hour, weekend: clock.weekday === 0 || clock.weekday === 6, disruption: false } });
  return { item: world.queue.pop()!, world, b };
}

function followUp({ earlier, externalId, createdAt }: { earlier: Root; externalId: string; createdAt: string }): DemoItem {
  const { item, world, b } = earlier;
  const first = item.event;
  const set = b.sets.get(item.truth.language)!;
  const request = item.truth.request;
  const template = world.rng.pick(request ? set.followUps : set.crowd);
  const event = { ...first, externalId, text: render(template, b.ctx), createdAt };
  delete event.attachments;
  if (first.kind === "public_comment") {
    event.inReplyTo = first.externalId;
    if (first.url) event.url = first.url.slice(0, first.url.length - first.externalId.length) + externalId;
  }
  const truth = set.truths[(request ? 1 : 0) * 3 + (template.sentiment === "negative" ? 0 : template.sentiment === "neutral" ? 1 : 2)];
  return { brandSlug: item.brandSlug, channelKey: item.channelKey, event, truth };
}
