import { and, eq, inArray, sql } from "drizzle-orm";
import { channels } from "@/db/schema";
import { indexWrittenMessages } from "@/db/search";
import { greatest } from "@/db/sql";
import { recordChanges } from "@/lib/realtime/record-change";
import type { Batch } from "../batch";

// Stage 8, once per batch. The change log that live pages tail, each channel's last event time,
// and the full-text index of the new messages, all in the batch's transaction.

export async function recordBatch(batch: Batch): Promise<void> {
  await logTouched(batch);
  const { tx, brandId, now } = batch;
  if (batch.channelsWithEvents.size > 0)
    await tx
      .update(channels)
      .set({ lastEventAt: greatest(sql`coalesce(${channels.lastEventAt}, 0)`, now) })
      .where(and(inArray(channels.id, [...batch.channelsWithEvents]), eq(channels.brandId, brandId)));
  await indexWrittenMessages(tx, now);
}

export async function logTouched({ tx, brandId, now, touched }: Batch): Promise<void> {
  await recordChanges(
    tx,
    [...touched].map(([conversationId, messageId]) => ({ brandId, kind: "conversation" as const, objectId: conversationId, conversationId, data: { messageId }, at: now })),
  );
}
