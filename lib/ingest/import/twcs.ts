import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { channels } from "@/db/schema";
import { cliActor } from "@/lib/audit/record";
import { createBrand, getBrandBySlug } from "@/lib/brands/brands";
import { csvRecords, twcsHeader, twcsRowFromRecord, twcsToEvents, type TwcsHeader, type TwcsRow } from "@/lib/ingest/adapters/twcs";
import { inboundEventSchema } from "@/lib/ingest/event";
import { BATCH_SIZE, emptyTotals, ingestChunk, type BrandTotals } from "./batches";

export type Progress = (p: { phase: "read" | "ingest"; done: number; total: number }) => void;
export type TwcsSummary = { format: "twcs"; brands: Record<string, BrandTotals & { threads: number }>; skippedRows: number };

/** Streams the CSV; threads need every row because the file is not in time order. */
export async function readTwcsRows({ file, onProgress }: { file: string; onProgress?: Progress }): Promise<{ rows: TwcsRow[]; skipped: number }> {
  const total = fs.statSync(file).size;
  const rows: TwcsRow[] = [];
  let header: TwcsHeader | undefined;
  let skipped = 0;
  let done = 0;
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  stream.on("data", (chunk) => {
    done += chunk.length;
    onProgress?.({ phase: "read", done, total });
  });
  for await (const record of csvRecords(stream)) {
    if (!header) {
      header = twcsHeader(record);
      continue;
    }
    const row = twcsRowFromRecord({ record, header });
    if (row) rows.push(row);
    else skipped++;
  }
  return { rows, skipped };
}

// A brand per responding company, with the twitter channel its history is imported into.
export async function ensureCompanyChannel({ db, slug, name }: { db: Db; slug: string; name: string }): Promise<{ brandId: number; channelId: number }> {
  const brand = (await getBrandBySlug({ db, slug })) ?? (await createBrand({ db, slug, name, actor: cliActor }));
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: channels.id }).from(channels).where(and(eq(channels.brandId, brand.id), eq(channels.kind, "twitter"))).orderBy(channels.id).limit(1);
    const [created] = existing ? [] : await tx.insert(channels).values({ brandId: brand.id, kind: "twitter", name: `@${name}`, accountId: name }).returning({ id: channels.id });
    return { brandId: brand.id, channelId: (existing ?? created).id };
  });
}

export async function importTwcs({ db = database(), file, onProgress }: { db?: Db; file: string; onProgress?: Progress }): Promise<TwcsSummary> {
  const { rows, skipped } = await readTwcsRows({ file, onProgress });
  const groups = twcsToEvents({ rows });
  const total = groups.reduce((n, g) => n + g.events.length, 0);
  const summary: TwcsSummary = { format: "twcs", brands: {}, skippedRows: skipped };
  let done = 0;
  for (const group of groups) {
    const { brandId, channelId } = await ensureCompanyChannel({ db, slug: group.companySlug, name: group.company });
    const totals = emptyTotals();
    for (let i = 0; i < group.events.length; i += BATCH_SIZE) {
      const items = group.events.slice(i, i + BATCH_SIZE).map((event) => ({ event: inboundEventSchema.parse(event), channelId }));
      await ingestChunk({ db, brandId, items, totals });
      done += items.length;
      onProgress?.({ phase: "ingest", done, total });
    }
    summary.brands[group.companySlug] = { ...totals, threads: group.threads };
  }
  return summary;
}
