import crypto from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { apiIdempotency } from "@/db/schema";
import { isUniqueViolation } from "@/db/conflict";
import { AppError } from "@/lib/errors";

export const IDEMPOTENCY_HOURS = 24;

export type Answer = { status: number; body: unknown };

// Key order does not make two requests different.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

export function requestHash({ method, path, body }: { method: string; path: string; body: unknown }): string {
  return crypto.createHash("sha256").update(`${method} ${path}\n${canonical(body)}`).digest("hex");
}

/**
 * Runs a write once per token and key: the answer is stored in the same transaction as the write,
 * so a repeat within 24 hours gets the first status and body back and changes nothing. A failed
 * write stores nothing (it changed nothing either), so it may be retried with the same key.
 * Two servers running the same new key at once: the second's insert meets the first's committed
 * row, its transaction (its write included) rolls back, and it runs again to replay the first.
 */
export async function oncePerKey({
  db,
  tokenId,
  brandId,
  key,
  request,
  run,
  now = Date.now(),
}: {
  db: Db;
  tokenId: number;
  brandId: number;
  key: string | null;
  request: { method: string; path: string; body: unknown };
  run: (tx: Tx) => Promise<Answer>;
  now?: number;
}): Promise<Answer & { replayed: boolean }> {
  if (key == null) return { ...(await db.transaction(run)), replayed: false };
  const hash = requestHash(request);
  const mine = and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key));
  const once = () => db.transaction(async (tx) => {
    await tx.delete(apiIdempotency).where(and(eq(apiIdempotency.tokenId, tokenId), lt(apiIdempotency.createdAt, new Date(now - IDEMPOTENCY_HOURS * 3_600_000))));
    const [seen] = await tx.select().from(apiIdempotency).where(mine).limit(1);
    if (seen) {
      if (seen.requestHash !== hash)
        throw new AppError("unprocessable:idempotency_key", "This Idempotency-Key was used for a different request; use a new key for a new request.");
      return { status: seen.status, body: JSON.parse(seen.body) as unknown, replayed: true };
    }
    const answer = await run(tx);
    await tx.insert(apiIdempotency).values({ tokenId, brandId, key, requestHash: hash, status: answer.status, body: JSON.stringify(answer.body), createdAt: new Date(now) });
    return { ...answer, replayed: false };
  });
  try {
    return await once();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return once();
  }
}
