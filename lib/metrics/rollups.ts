import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messageRollups } from "@/db/schema";
import type { DashboardRange } from "./local-time";
import { driverRows } from "./rows";

export const QUARTER_HOUR = 900_000;

type Scope = { db: Db; brandId: number; range: DashboardRange; channelId?: number | null };
export type InboundRollup = { bucket: number; channel: number; category: "request" | "noise" | null; corrected: boolean; correctedFrom: "request" | "noise" | null; n: number };

// Range ends are local midnights, so whole quarter hours: bucket bounds are exact.
function inRange({ brandId, range, channelId }: Omit<Scope, "db">, kind: "inbound" | "reply") {
  const r = messageRollups;
  return and(
    eq(r.brandId, brandId),
    eq(r.kind, kind),
    gte(r.bucket, Math.floor(range.from / QUARTER_HOUR)),
    lt(r.bucket, Math.ceil(range.to / QUARTER_HOUR)),
    channelId ? eq(r.channelId, channelId) : undefined,
  );
}

/** Inbound messages per quarter hour, channel, category and correction (rows with a count). */
export async function inboundRollups({ db, ...scope }: Scope): Promise<InboundRollup[]> {
  const r = messageRollups;
  const query = db
    .select({
      bucket: sql<number>`${r.bucket}`.as("bucket"),
      channel: sql<number>`${r.channelId}`.as("channel"),
      category: sql<string>`${r.category}`.as("category"),
      corrected: sql<number | boolean>`${r.corrected}`.as("corrected"),
      correctedFrom: sql<string>`${r.correctedFrom}`.as("correctedFrom"),
      n: sql<number>`${r.n}`.as("n"),
    })
    .from(r)
    .where(and(inRange(scope, "inbound"), sql`${r.n} <> 0`));
  const rows = await driverRows(db, query);
  return rows.map((row) => ({
    bucket: Number(row.bucket),
    channel: Number(row.channel),
    category: (row.category || null) as InboundRollup["category"],
    corrected: Boolean(row.corrected),
    correctedFrom: (row.correctedFrom || null) as InboundRollup["correctedFrom"],
    n: Number(row.n),
  }));
}

/** Replies written by each person (not automated) in the range. */
export async function repliesByAgent({ db, ...scope }: Scope): Promise<{ userId: number; n: number }[]> {
  const r = messageRollups;
  const rows = await db
    .select({ userId: r.userId, n: sql<number>`sum(${r.n})`.mapWith(Number) })
    .from(r)
    .where(inRange(scope, "reply"))
    .groupBy(r.userId);
  return rows.filter((row) => row.n > 0);
}
