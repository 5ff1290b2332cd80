import { startConversation } from "./conversation";
import type { DemoItem } from "./item";
import { dueBy, planBrand } from "./plan";
import { DAY, HOUR } from "./profile";
import { createWorld, type Mix, type World } from "./world";

export type { DemoItem } from "./item";
export type { DemoTruth } from "./catalog";
export { generateLive, LIVE_BUCKET_MS } from "./live";

// Calibrated so that about one inbound message in eight is a real request (KLM: 7,000 of 60,000).
const HISTORY_MIX: Mix = { requestScript: 0.09, crowdMean: 0.8 };
// The benchmark wants ~3 messages per conversation: longer chats under noise comments.
const SCALE_MIX: Mix = { requestScript: 0.165, crowdMean: 2.4 };
const HISTORY_MESSAGES_PER_CONVERSATION = 1.9;

export const DEFAULT_MESSAGES_PER_DAY = 450;

/**
 * Realistic history for both demo brands, ordered by createdAt, all before `end`.
 * Items share author objects between messages of one contact: treat them as read-only.
 */
export function* generateHistory({
  seed,
  end,
  days,
  messagesPerDay = DEFAULT_MESSAGES_PER_DAY,
}: {
  seed: number;
  end: Date;
  days: number;
  messagesPerDay?: number;
}): Generator<DemoItem> {
  const conversations = Math.round((messagesPerDay * days) / HISTORY_MESSAGES_PER_CONVERSATION);
  const world = createWorld({ seed, tag: "h", mix: HISTORY_MIX });
  yield* run({ world, end: end.getTime(), days, conversations });
}

/** The same stream sized by conversation count (~3 messages each) for the benchmark fill. */
export function* generateScale({
  seed,
  conversations,
  end,
  days,
}: {
  seed: number;
  conversations: number;
  end: Date;
  days: number;
}): Generator<DemoItem> {
  const world = createWorld({ seed, tag: "s", mix: SCALE_MIX });
  yield* run({ world, end: end.getTime(), days, conversations });
}

function* run({ world, end, days, conversations }: { world: World; end: number; days: number; conversations: number }): Generator<DemoItem> {
  const start = end - days * DAY;
  const hours = Math.ceil((end - start) / HOUR);
  const plans = world.brands.map((b) =>
    planBrand({ world, b, start, hours, target: Math.round(conversations * b.brand.share) }),
  );
  const { rng, queue } = world;
  const times: number[] = [];
  for (let h = 0; h < hours; h++) {
    const hourStart = start + h * HOUR;
    const hourEnd = Math.min(end, hourStart + HOUR);
    for (const plan of plans) {
      const due = dueBy(plan, h);
      while (plan.started < due) {
        times.length = 0;
        for (let i = plan.started; i < due; i++) times.push(hourStart + Math.floor(rng.next() * (hourEnd - hourStart)));
        times.sort((a, b) => a - b);
        for (const t0 of times) {
          if (plan.started >= due) break;
          plan.started += startConversation({ world, b: plan.b, t0, slot: plan.slots[h] });
        }
      }
    }
    while (queue.peekTime() < hourEnd) yield queue.pop()!;
  }
}
