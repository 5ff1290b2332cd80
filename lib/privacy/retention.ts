import { and, eq, gt, isNotNull, lt, ne } from "drizzle-orm";
import { setImmediate as yieldToOthers } from "node:timers/promises";
import { database, type Db } from "@/db/client";
import { purgeErased } from "@/db/ops";
import { brands, messages } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { applyErase } from "./erase";
import { ERASED } from "./token";

// Retention per brand: message texts older than N months are erased like a person's request
// does (lib/privacy/erase-rows.ts), by the worker, in small batches. Off (null) by default.

export const RETENTION_BATCH = 200;
// Batches per worker run: a run never holds the writer for long, and ingest's transactions
// queue between batches.
const BATCHES_PER_RUN = 10;

/** The instant before which messages are out of retention: `months` calendar months back (UTC). */
export function retentionCutoff(now: number, months: number): number {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}

const expired = (brandId: number, cutoff: number) => and(eq(messages.brandId, brandId), lt(messages.createdAt, new Date(cutoff)), ne(messages.text, ERASED));

async function countExpired(db: Db, brandId: number, months: number, now: number): Promise<number> {
  return db.$count(messages, expired(brandId, retentionCutoff(now, months)));
}

/** The brand's retention and how many messages it would erase now (or with `months`). */
export async function previewRetention({ db = database(), actor, brandId, months, now = Date.now() }: { db?: Db; actor: Principal; brandId: number; months?: number; now?: number }) {
  authorize({ actor, brandId, needs: "admin" });
  const [brand] = await db.select({ months: brands.retentionMonths }).from(brands).where(eq(brands.id, brandId)).limit(1);
  if (!brand) throw new AppError("not_found:brand");
  const wanted = months ?? brand.months;
  return { months: brand.months, wouldErase: wanted ? await countExpired(db, brandId, wanted, now) : 0 };
}

/**
 * Sets (or with null, turns off) the brand's retention. Turning it on or shortening it first
 * answers how many messages it would erase, and saves only when `confirm` is given. Audited.
 */
export async function setRetention({ db = database(), actor, brandId, months, confirm, now = Date.now() }: { db?: Db; actor: Principal; brandId: number; months: number | null; confirm: boolean; now?: number }) {
  const { audit } = authorize({ actor, brandId, needs: "admin" });
  if (months !== null && (!Number.isInteger(months) || months < 1 || months > 240)) throw new AppError("bad_request:retention", "Retention is a whole number of months from 1 to 240.");
  const wouldErase = months === null ? 0 : await countExpired(db, brandId, months, now);
  if (months !== null && wouldErase > 0 && !confirm) return { saved: false, months, wouldErase };
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ months: brands.retentionMonths }).from(brands).where(eq(brands.id, brandId)).limit(1);
    if (!before) throw new AppError("not_found:brand");
    await tx.update(brands).set({ retentionMonths: months }).where(eq(brands.id, brandId));
    await recordAudit(tx, { actor: audit, brandId, action: "brand.retention", objectType: "brand", objectId: brandId, before: { months: before.months }, after: { months, wouldErase } });
  });
  return { saved: true, months, wouldErase };
}

/**
 * The worker's job: for every brand with retention on, erases expired messages a batch per
 * transaction, yielding between batches. Returns how many messages it erased.
 */
export async function eraseExpiredMessages({ db = database(), now = Date.now(), batchSize = RETENTION_BATCH, maxBatches = BATCHES_PER_RUN }: { db?: Db; now?: number; batchSize?: number; maxBatches?: number }): Promise<number> {
  const due = await db.select({ id: brands.id, months: brands.retentionMonths }).from(brands).where(and(isNotNull(brands.retentionMonths), gt(brands.retentionMonths, 0)));
  let erased = 0;
  let batches = 0;
  for (const brand of due) {
    const { audit } = authorize({ actor: { kind: "system", job: "retention" }, brandId: brand.id, needs: "admin" });
    const cutoff = retentionCutoff(now, brand.months!);
    while (batches < maxBatches) {
      const count = await db.transaction(async (tx) => {
        const rows = await tx.select({ id: messages.id }).from(messages).where(expired(brand.id, cutoff)).orderBy(messages.id).limit(batchSize);
        if (rows.length === 0) return 0;
        const counts = await applyErase(tx, { brandId: brand.id, messageIds: rows.map((r) => r.id), conversationIds: [], contactIds: [], needles: [] });
        await recordAudit(tx, { actor: audit, brandId: brand.id, action: "message.retention_erase", objectType: "brand", objectId: brand.id, after: { months: brand.months, before: new Date(cutoff).toISOString(), ...counts } });
        return rows.length;
      });
      batches++;
      erased += count;
      if (count < batchSize) break;
      await yieldToOthers();
    }
  }
  if (erased > 0) await purgeErased(db, { full: false });
  return erased;
}

