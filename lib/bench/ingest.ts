import { gt, sql } from "drizzle-orm";
import { engineOf, type Db } from "@/db/client";
import { messages } from "@/db/schema";
import { rawMessageInsertRate } from "@/db/bench";
import { ingestBatch, type IngestItem } from "@/lib/ingest/pipeline";
import { brandBatches, type FreshEvent } from "./events";
import type { BenchWorkspace } from "./fill";

export type IngestFigures = {
  eventsPerSecond: number;
  rawInsertRowsPerSecond: number;
  ratio: number;
  events: number;
  batchSize: number;
  /** The same rows with the table's full-text trigger firing per row (FTS5 flushes a segment per statement). */
  rawInsertWithFtsTriggerRowsPerSecond: number;
  /** Without the trigger, the batch indexed by one INSERT … SELECT into messages_fts: the alternative. */
  rawInsertBatchFtsRowsPerSecond: number;
  /** Mean wall time of one ingestBatch call. */
  batchMs: number;
};

export const INGEST_BATCH = 500;

export function toIngestItems(workspace: BenchWorkspace, events: FreshEvent[]): { brandId: number; items: IngestItem[] }[] {
  return brandBatches(events, INGEST_BATCH).map((batch) => ({
    brandId: workspace.brandIds.get(batch.brandSlug)!,
    items: batch.items.map((e) => ({
      event: e.event,
      channelId: workspace.channelIds.get(e.channelKey)!,
      userId: e.agentKey ? (workspace.agentIds.get(e.agentKey) ?? null) : null,
    })),
  }));
}

/**
 * Fresh events through the whole pipeline (ingestBatch: dedupe, thread, classify, cycle, change
 * log, insert, one transaction per batch of 500, as the API and the importers call it); then the
 * very rows it stored, inserted again with one prepared statement into the same table and its
 * indexes, inside a transaction that is rolled back (db/sqlite/bench.ts), so the database keeps
 * exactly what the pipeline wrote. The same with the full-text trigger, and with the batch
 * indexed in one statement, show what full-text indexing costs.
 */
export async function benchIngest({ db, workspace, events }: { db: Db; workspace: BenchWorkspace; events: FreshEvent[] }): Promise<IngestFigures> {
  const batches = toIngestItems(workspace, events);
  const [{ before }] = await db.select({ before: sql<number>`coalesce(max(${messages.id}), 0)` }).from(messages);
  let spent = 0;
  for (const batch of batches) {
    const t0 = performance.now();
    await ingestBatch({ db, brandId: batch.brandId, items: batch.items });
    spent += performance.now() - t0;
  }
  const stored = await db.$count(messages, gt(messages.id, before));
  if (stored !== events.length) throw new Error(`the pipeline stored ${stored} of ${events.length} fresh events`);
  const eventsPerSecond = (events.length / spent) * 1000;
  // "The messages table with its indexes and nothing else": its six B-tree indexes, no trigger.
  const raw = await rawMessageInsertRate(db, { afterId: before, fts: "none", batch: INGEST_BATCH });
  // On PostgreSQL the full-text index is one of the table's indexes: the three are one measure.
  const postgres = engineOf(db).kind === "postgres";
  const rawWithTrigger = postgres ? raw : await rawMessageInsertRate(db, { afterId: before, fts: "trigger", batch: INGEST_BATCH });
  const rawBatchFts = postgres ? raw : await rawMessageInsertRate(db, { afterId: before, fts: "batch", batch: INGEST_BATCH });
  return {
    eventsPerSecond: Math.round(eventsPerSecond),
    rawInsertRowsPerSecond: Math.round(raw),
    ratio: round3(eventsPerSecond / raw),
    events: events.length,
    batchSize: INGEST_BATCH,
    rawInsertWithFtsTriggerRowsPerSecond: Math.round(rawWithTrigger),
    rawInsertBatchFtsRowsPerSecond: Math.round(rawBatchFts),
    batchMs: round3(spent / batches.length),
  };
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
