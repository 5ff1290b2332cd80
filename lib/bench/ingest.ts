import type { Db } from "@/db/client";
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
 * indexes, inside a transaction that is rolled back, so the database keeps exactly what the
 * pipeline wrote. The same with the full-text trigger, and with the batch indexed in one statement,
 * show what full-text indexing costs.
 */
export function benchIngest({ db, workspace, events }: { db: Db; workspace: BenchWorkspace; events: FreshEvent[] }): IngestFigures {
  const sqlite = db.$client;
  const batches = toIngestItems(workspace, events);
  const before = (sqlite.prepare("SELECT coalesce(max(id), 0) AS id FROM messages").get() as { id: number }).id;
  let spent = 0;
  for (const batch of batches) {
    const t0 = performance.now();
    ingestBatch({ db, brandId: batch.brandId, items: batch.items });
    spent += performance.now() - t0;
  }
  const stored = (sqlite.prepare("SELECT count(*) AS n FROM messages WHERE id > ?").get(before) as { n: number }).n;
  if (stored !== events.length) throw new Error(`the pipeline stored ${stored} of ${events.length} fresh events`);
  const eventsPerSecond = (events.length / spent) * 1000;
  // "The messages table with its indexes and nothing else": its six B-tree indexes, no trigger.
  const raw = rawInsertRate({ db, afterId: before, fts: "none" });
  const rawWithTrigger = rawInsertRate({ db, afterId: before, fts: "trigger" });
  const rawBatchFts = rawInsertRate({ db, afterId: before, fts: "batch" });
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

const COLUMNS = [
  "conversation_id", "brand_id", "channel_id", "cycle_id", "direction", "visibility", "external_id", "in_reply_to_external_id",
  "contact_id", "user_id", "text", "created_at", "received_at", "automated", "language", "category", "complaint", "sentiment",
  "sentiment_score", "confidence", "reasons", "url", "attachments", "edited_at", "nrt_seconds", "delivery_state", "sent_at",
];

// The pipeline's rows again (new external ids, the unique index would refuse the same ones), in
// savepoints of one batch each, inside one transaction that is rolled back. `fts`: the table's own
// trigger, no full-text index at all, or the trigger dropped and each batch indexed in one statement.
function rawInsertRate({ db, afterId, fts }: { db: Db; afterId: number; fts: "trigger" | "none" | "batch" }): number {
  const sqlite = db.$client;
  const rows = sqlite.prepare(`SELECT ${COLUMNS.join(", ")} FROM messages WHERE id > ? ORDER BY id`).raw().all(afterId) as unknown[][];
  const external = COLUMNS.indexOf("external_id");
  for (const row of rows) row[external] = `${row[external]}~raw`;
  const insert = sqlite.prepare(`INSERT INTO messages (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})`);
  let spent = 0;
  sqlite.exec("BEGIN IMMEDIATE");
  try {
    // The per-row trigger the schema had before indexing moved to one statement per transaction: kept as the comparison.
    if (fts === "trigger")
      sqlite.exec("CREATE TEMP TRIGGER bench_fts_per_row AFTER INSERT ON main.messages BEGIN INSERT INTO messages_fts(rowid, text, brand_id) VALUES (new.id, new.text, new.brand_id); END");
    const last = sqlite.prepare("SELECT max(id) AS id FROM messages").pluck();
    const index = sqlite.prepare("INSERT INTO messages_fts (rowid, text, brand_id) SELECT id, text, brand_id FROM messages WHERE id > ?");
    for (let i = 0; i < rows.length; i += INGEST_BATCH) {
      const t0 = performance.now();
      sqlite.exec("SAVEPOINT raw_batch");
      const from = fts === "batch" ? (last.get() as number) : 0;
      for (let j = i; j < Math.min(rows.length, i + INGEST_BATCH); j++) insert.run(rows[j]);
      if (fts === "batch") index.run(from);
      sqlite.exec("RELEASE raw_batch");
      spent += performance.now() - t0;
    }
  } finally {
    sqlite.exec("ROLLBACK");
  }
  return (rows.length / spent) * 1000;
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
