import fs from "node:fs";
import readline from "node:readline";
import { eq } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { channels } from "@/db/schema";
import { apiChannelId, requireBrandBySlug } from "@/lib/brands/brands";
import { inboundEventSchema } from "@/lib/ingest/event";
import type { IngestItem } from "@/lib/ingest/pipeline";
import { BATCH_SIZE, emptyTotals, ingestChunk, type BrandTotals } from "./batches";
import type { Progress } from "./twcs";

export type InvalidLine = { line: number; message: string };
export type JsonlSummary = { format: "jsonl"; brands: Record<string, BrandTotals>; invalid: InvalidLine[] };

/** One InboundEvent per line; a bad line is reported with its number and skipped. */
export async function importJsonl({ db = database(), actor, file, brandSlug, onProgress, onInvalid }: {
  db?: Db; actor: Principal; file: string; brandSlug: string; onProgress?: Progress; onInvalid?: (invalid: InvalidLine) => void;
}): Promise<JsonlSummary> {
  const brand = await requireBrandBySlug({ db, slug: brandSlug });
  authorize({ actor, brandId: brand.id, needs: "admin" });
  const defaultChannel = await apiChannelId({ db, brandId: brand.id });
  const brandChannels = new Set((await db.select({ id: channels.id }).from(channels).where(eq(channels.brandId, brand.id))).map((c) => c.id));
  const totals = emptyTotals();
  const invalid: InvalidLine[] = [];
  const total = fs.statSync(file).size;
  const stream = fs.createReadStream(file, { encoding: "utf8" });
  let batch: IngestItem[] = [];
  let lineNo = 0;
  let done = 0;
  const reject = (message: string) => {
    const entry = { line: lineNo, message };
    invalid.push(entry);
    onInvalid?.(entry);
  };
  for await (const line of readline.createInterface({ input: stream, crlfDelay: Infinity })) {
    lineNo++;
    done += Buffer.byteLength(line) + 1;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      reject(`malformed JSON: ${(error as Error).message}`);
      continue;
    }
    const parsed = inboundEventSchema.safeParse(value);
    if (!parsed.success) {
      reject(parsed.error.issues.map((i) => `${i.path.join(".") || "event"}: ${i.message}`).join("; "));
      continue;
    }
    const channelId = parsed.data.channel ? Number(parsed.data.channel) : defaultChannel;
    if (!Number.isSafeInteger(channelId) || !brandChannels.has(channelId)) {
      reject(`channel: unknown channel ${parsed.data.channel} of brand ${brand.slug}`);
      continue;
    }
    batch.push({ event: parsed.data, channelId });
    if (batch.length >= BATCH_SIZE) {
      await ingestChunk({ db, brandId: brand.id, items: batch, totals });
      batch = [];
      onProgress?.({ phase: "ingest", done, total });
    }
  }
  await ingestChunk({ db, brandId: brand.id, items: batch, totals });
  onProgress?.({ phase: "ingest", done: total, total });
  return { format: "jsonl", brands: { [brand.slug]: totals }, invalid };
}
