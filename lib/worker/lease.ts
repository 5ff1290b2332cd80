import crypto from "node:crypto";
import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobLeases } from "@/db/schema";

// This process's name in the lease table: a dead process's leases expire, a live one renews.
export const PROCESS_HOLDER = `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;

// Takes (or renews) the lease on a job when it is free, expired or already ours.
export async function takeLease({ db, job, holder = PROCESS_HOLDER, ttlMs, now = Date.now() }: { db: Db; job: string; holder?: string; ttlMs: number; now?: number }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(jobLeases)
      .values({ job, holder, expiresAt: now + ttlMs })
      .onConflictDoUpdate({
        target: jobLeases.job,
        set: { holder: sql`excluded.holder`, expiresAt: sql`excluded.expires_at` },
        setWhere: or(lt(jobLeases.expiresAt, now), eq(jobLeases.holder, holder)),
      })
      .returning({ holder: jobLeases.holder });
    return rows.length === 1 && rows[0].holder === holder;
  });
}

export async function releaseLease({ db, job, holder = PROCESS_HOLDER }: { db: Db; job: string; holder?: string }): Promise<void> {
  await db.transaction((tx) => tx.delete(jobLeases).where(and(eq(jobLeases.job, job), eq(jobLeases.holder, holder))));
}

// Runs a job only while this process holds its lease; the lease outlives a slow run by ttlMs.
export async function withLease<T>({ db, job, ttlMs, now = Date.now() }: { db: Db; job: string; ttlMs: number; now?: number }, body: () => Promise<T>): Promise<T | undefined> {
  if (!(await takeLease({ db, job, ttlMs, now }))) return undefined;
  return body();
}
