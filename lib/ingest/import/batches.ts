import type { Db } from "@/db/client";
import { ingestBatch, type IngestItem } from "@/lib/ingest/pipeline";

export const BATCH_SIZE = 500;

export type BrandTotals = { events: number; accepted: number; duplicates: number };

export function emptyTotals(): BrandTotals {
  return { events: 0, accepted: 0, duplicates: 0 };
}

/** One transaction per batch: a crash loses at most the batch in flight, and a re-run dedupes. */
export async function ingestChunk({ db, brandId, items, totals }: { db: Db; brandId: number; items: IngestItem[]; totals: BrandTotals }): Promise<void> {
  if (!items.length) return;
  const outcomes = await ingestBatch({ db, brandId, items });
  totals.events += items.length;
  for (const o of outcomes) {
    if (o.duplicate) totals.duplicates++;
    else if (o.messageId != null) totals.accepted++;
  }
}
