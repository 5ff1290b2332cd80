import { generateScale, type DemoItem } from "@/lib/demo/generate";
import { inboundEventSchema, type InboundEvent } from "@/lib/ingest/event";

export type FreshEvent = { brandSlug: string; channelKey: string; agentKey?: string; event: InboundEvent };

const DAY = 86_400_000;

/**
 * Events that are not in the fill: a day of the same generator, with every platform id given a
 * suffix so that nothing is a duplicate of the fill or of another set of fresh events, and its
 * clock squeezed into the `minutes` before `now`, so they arrive as live traffic does (a day
 * replayed late would find every cycle breached and fire the breach rules on every event).
 * Authors keep their ids, so some become returning contacts, as in real traffic.
 */
export function freshEvents({ count, now, seed, suffix, minutes = 30 }: { count: number; now: number; seed: number; suffix: string; minutes?: number }): FreshEvent[] {
  const squeeze = (minutes * 60_000) / DAY;
  // About three messages a conversation; a small day can fall short, so ask for more and cut.
  for (let conversations = Math.max(30, Math.ceil(count / 2.6)); ; conversations = Math.ceil(conversations * 1.5)) {
    const out: FreshEvent[] = [];
    for (const item of generateScale({ seed, conversations, end: new Date(now), days: 1 })) {
      const at = now - Math.round((now - Date.parse(item.event.createdAt)) * squeeze);
      out.push(rename(item, suffix, new Date(at).toISOString()));
      if (out.length >= count) return out;
    }
  }
}

function rename(item: DemoItem, suffix: string, createdAt: string): FreshEvent {
  const e = item.event;
  const input = {
    ...e,
    createdAt,
    externalId: e.externalId + suffix,
    threadId: e.threadId === undefined ? undefined : e.threadId + suffix,
    inReplyTo: e.inReplyTo === undefined ? undefined : e.inReplyTo + suffix,
    // The fill's channels are addressed by id; the generator's channel kind means nothing here.
    channel: undefined,
  };
  const fresh: FreshEvent = { brandSlug: item.brandSlug, channelKey: item.channelKey, event: inboundEventSchema.parse(input) };
  if (item.agentKey !== undefined) fresh.agentKey = item.agentKey;
  return fresh;
}

/** Splits a time-ordered stream into per-brand batches of at most `size`, keeping each brand's order. */
export function brandBatches<T extends { brandSlug: string }>(items: T[], size: number): { brandSlug: string; items: T[] }[] {
  const batches: { brandSlug: string; items: T[] }[] = [];
  const open = new Map<string, T[]>();
  for (const item of items) {
    let list = open.get(item.brandSlug);
    if (!list) open.set(item.brandSlug, (list = []));
    list.push(item);
    if (list.length === size) {
      batches.push({ brandSlug: item.brandSlug, items: list });
      open.set(item.brandSlug, []);
    }
  }
  for (const [brandSlug, list] of open) if (list.length) batches.push({ brandSlug, items: list });
  return batches;
}
