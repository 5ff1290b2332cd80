import type { DemoItem } from "@/lib/demo/generate";

export type Cycle = { brandSlug: string; key: string; start: number; frtMs?: number };

/** Groups items into conversations as DESIGN.md defines them and measures each first response. */
export function firstResponses({ items, requestsOnly }: { items: DemoItem[]; requestsOnly: boolean }): Cycle[] {
  const keyOf = new Map<string, string>();
  const groups = new Map<string, DemoItem[]>();
  for (const item of items) {
    const { event, channelKey } = item;
    let key: string;
    if (event.kind === "private_message") key = channelKey + "|dm|" + event.threadId;
    else if (event.inReplyTo) key = keyOf.get(channelKey + "|" + event.inReplyTo) ?? channelKey + "|" + event.externalId;
    else key = channelKey + "|" + event.externalId;
    keyOf.set(channelKey + "|" + event.externalId, key);
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  const cycles: Cycle[] = [];
  for (const [key, list] of groups) {
    const first = list.find((i) => i.event.direction !== "outbound");
    if (!first) continue;
    if (requestsOnly && !list.some((i) => i.event.direction !== "outbound" && i.truth.request)) continue;
    const start = Date.parse(first.event.createdAt);
    const reply = list.find((i) => i.event.direction === "outbound" && !i.event.automated && Date.parse(i.event.createdAt) >= start);
    cycles.push({ brandSlug: first.brandSlug, key, start, frtMs: reply ? Date.parse(reply.event.createdAt) - start : undefined });
  }
  return cycles;
}
