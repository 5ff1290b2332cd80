import { closeDatabase, openDatabase } from "@/db/client";
import { timeStatements } from "@/db/sqlite/bench";
import { classify } from "@/lib/classify";
import { loadBrandModel } from "@/lib/classify/brand-training";
import { ingestBatch } from "@/lib/ingest/pipeline";
import type { FreshEvent } from "./events";
import type { BenchWorkspace } from "./fill";
import { round3, toIngestItems } from "./ingest";

export type ProfileRow = { part: string; callsPerEvent: number; microsPerEvent: number; share: number };

type Timed = { calls: number; ms: number };

/**
 * Where one event's time goes. The pipeline runs on a connection of its own whose prepare() hands
 * out statements with a timer (every statement: the pipeline's, the change log's, the escalation
 * engine's, drizzle's), and classification is timed on its own; the rest is JavaScript and the
 * commit. Timers cost a little, so read the shares, not the throughput.
 */
export async function profileIngest({ databasePath, workspace, events }: { databasePath: string; workspace: BenchWorkspace; events: FreshEvent[] }): Promise<ProfileRow[]> {
  const db = openDatabase({ file: databasePath, runMigrations: false });
  const timers = new Map<string, Timed>();
  const timed = <T>(name: string, fn: () => T): T => {
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      const t = timers.get(name) ?? { calls: 0, ms: 0 };
      t.calls++;
      t.ms += performance.now() - t0;
      timers.set(name, t);
    }
  };
  timeStatements(db, timed);
  let total = 0;
  try {
    for (const batch of toIngestItems(workspace, events)) {
      const brandModel = await loadBrandModel({ db, brandId: batch.brandId });
      const t0 = performance.now();
      await ingestBatch({ db, brandId: batch.brandId, items: batch.items, classifyText: (text) => timed("classify()", () => classify(text, { brandModel })) });
      total += performance.now() - t0;
    }
  } finally {
    closeDatabase(db);
  }
  const measured = [...timers.values()].reduce((sum, t) => sum + t.ms, 0);
  timers.set("rest: JavaScript (threading, SLA maths, rules) and commit", { calls: 0, ms: Math.max(0, total - measured) });
  const n = events.length;
  return [...timers]
    .map(([part, t]) => ({ part, callsPerEvent: round3(t.calls / n), microsPerEvent: Math.round((t.ms / n) * 10_000) / 10, share: round3(t.ms / total) }))
    .sort((a, b) => b.microsPerEvent - a.microsPerEvent);
}
