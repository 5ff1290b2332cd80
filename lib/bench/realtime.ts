import type { Db } from "@/db/client";
import { ingestBatch } from "@/lib/ingest/pipeline";
import type { FreshEvent } from "./events";
import type { BenchWorkspace } from "./fill";
import { latency, type Latency } from "./stats";

export type RealtimeFigures = Latency & { samples: number; missed: number };

const TIMEOUT_MS = 10_000;

type Waiter = { conversationId: number; resolve: (at: number) => void };

/** Splits a server-sent-events byte stream into `change` events' data objects. */
export function sseParser(onChange: (data: { id: number; conversationId: number | null; kind: string }) => void): (chunk: string) => void {
  let buffer = "";
  return (chunk) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split("\n");
      if (!lines.includes("event: change")) continue;
      const data = lines.find((l) => l.startsWith("data: "));
      if (data) onChange(JSON.parse(data.slice(6)));
    }
  };
}

/**
 * From the commit of an ingest in this process (another process than the server, as with the
 * import CLI or a second worker) to the change arriving at a connected SSE client of the server.
 * Samples are spaced by a random pause so they do not fall into step with the server's tail.
 */
export async function benchRealtime({ url, cookie, db, workspace, events }: { url: string; cookie: string; db: Db; workspace: BenchWorkspace; events: FreshEvent[] }): Promise<RealtimeFigures> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/realtime`, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`GET /api/realtime answered ${response.status}`);
  let waiter: Waiter | null = null;
  const parse = sseParser((change) => {
    if (waiter && change.conversationId === waiter.conversationId) waiter.resolve(performance.now());
  });
  const reading = (async () => {
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) parse(decoder.decode(chunk.value, { stream: true }));
    } catch {
      // Aborted at the end.
    }
  })();
  const samples: number[] = [];
  let missed = 0;
  try {
    for (const e of events) {
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 300));
      const brandId = workspace.brandIds.get(e.brandSlug)!;
      const channelId = workspace.channelIds.get(e.channelKey)!;
      const [outcome] = await ingestBatch({ db, brandId, items: [{ event: e.event, channelId }] });
      const committed = performance.now();
      const arrived = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), TIMEOUT_MS);
        waiter = {
          conversationId: Number(outcome.conversationId),
          resolve: (at) => {
            clearTimeout(timer);
            resolve(at);
          },
        };
      });
      waiter = null;
      // A change that never arrives counts as the whole timeout, so it cannot flatter the p95.
      if (arrived == null) missed++;
      samples.push(arrived == null ? TIMEOUT_MS : arrived - committed);
    }
  } finally {
    controller.abort();
    await reading;
  }
  if (missed === samples.length) throw new Error("no change reached the SSE client");
  return { ...latency(samples), samples: samples.length, missed };
}
