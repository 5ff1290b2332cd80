import type { Db } from "@/db/client";
import { ingestBatch, type IngestItem, type IngestOutcome } from "./pipeline";

// Events of one transaction at most when waiting requests are stored together.
export const TOGETHER_MAX_EVENTS = 1000;

type Waiting = { items: IngestItem[]; resolve: (outcomes: IngestOutcome[]) => void; reject: (error: unknown) => void };
type Queue = { waiting: Waiting[]; running: boolean };

const queues = new WeakMap<Db, Map<string, Queue>>();

/**
 * ingestBatch for requests that arrive at once (API calls, webhook deliveries): while a brand's
 * batch is being stored, the next requests for the brand wait, and then are stored together in
 * one transaction, each answered with its own outcomes when it commits. A process stores one
 * transaction at a time, and a transaction costs round trips whatever its size, so under load
 * fewer, larger transactions store more events a second; an idle server stores a request at once.
 * If a combined transaction fails, its requests are stored one by one, so one request's failure
 * is never another's: each is still all or nothing.
 */
export function ingestTogether({ db, brandId, items, now }: { db: Db; brandId: number; items: IngestItem[]; now?: number }): Promise<IngestOutcome[]> {
  let byKey = queues.get(db);
  if (!byKey) queues.set(db, (byKey = new Map()));
  // A given clock (a replay, a test) is shared only by requests that give the same one.
  const key = `${brandId}:${now ?? "live"}`;
  let queue = byKey.get(key);
  if (!queue) byKey.set(key, (queue = { waiting: [], running: false }));
  const done = new Promise<IngestOutcome[]>((resolve, reject) => queue.waiting.push({ items, resolve, reject }));
  if (!queue.running) void drain(db, brandId, now, queue, () => byKey.delete(key));
  return done;
}

async function drain(db: Db, brandId: number, now: number | undefined, queue: Queue, forget: () => void): Promise<void> {
  queue.running = true;
  try {
    while (queue.waiting.length > 0) {
      const group = take(queue.waiting);
      try {
        const outcomes = await ingestBatch({ db, brandId, now, items: group.flatMap((w) => w.items) });
        let at = 0;
        for (const w of group) w.resolve(outcomes.slice(at, (at += w.items.length)));
      } catch (error) {
        if (group.length === 1) group[0].reject(error);
        else for (const w of group) await ingestBatch({ db, brandId, now, items: w.items }).then(w.resolve, w.reject);
      }
    }
  } finally {
    queue.running = false;
    forget();
  }
}

// The first waiting request, and those after it while the total stays within the cap.
function take(waiting: Waiting[]): Waiting[] {
  let events = waiting[0].items.length;
  let n = 1;
  while (n < waiting.length && events + waiting[n].items.length <= TOGETHER_MAX_EVENTS) events += waiting[n++].items.length;
  return waiting.splice(0, n);
}
