import type { EvalChannel, ThreadLine } from "@/lib/classify/thread-eval";
import { inboundEventSchema } from "@/lib/ingest/event";
import { DEMO_BRANDS } from "./brands";
import { generateHistory } from "./generate";

// The demo's history as labelled thread lines: each inbound message with the generator's ground
// truth, the team's replies as they happen in the demo, each on its own demo channel.
export function demoEvalLines({ now = Date.now(), days = 14 }: { now?: number; days?: number } = {}): { lines: ThreadLine[]; channels: EvalChannel[] } {
  const channels: EvalChannel[] = DEMO_BRANDS.flatMap((b) =>
    b.channels.map((c) => ({ key: c.key, kind: c.kind, name: c.name, accountId: c.accountId })),
  );
  const lines: ThreadLine[] = [];
  for (const item of generateHistory({ seed: 20261122, end: new Date(now), days })) {
    const channel = channels.find((c) => c.key === item.channelKey);
    if (!channel) continue;
    const event = inboundEventSchema.parse(item.event);
    const inbound = event.direction === "inbound";
    lines.push({
      event,
      kind: channel.kind,
      channelKey: channel.key,
      label: inbound ? (item.truth.request ? "request" : "noise") : undefined,
      sentiment: inbound ? item.truth.sentiment : undefined,
      complaint: inbound ? item.truth.complaint : undefined,
      lang: inbound ? item.truth.language : undefined,
    });
  }
  return { lines, channels };
}
