import { and, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messageRollups } from "@/db/schema";
import { offsetSegment } from "@/lib/sla/time-zone";
import type { DashboardRange } from "./local-time";
import { driverRows } from "./rows";

export const QUARTER_HOUR = 900_000;
const DAY = 86_400_000;

type Scope = { db: Db; brandId: number; range: DashboardRange; channelId?: number | null };
export type InboundRollup = { day: string; channel: number; category: "request" | "noise" | null; corrected: boolean; correctedFrom: "request" | "noise" | null; n: number };

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

/**
 * The local day of a bucket as days since the epoch, in SQL: the zone's offset changes at most a
 * few times in a range, each time on a quarter hour, so a short CASE over the buckets says it.
 * Constants are whole numbers made here, written into the SQL so both engines see integers.
 */
function localEpochDay({ range, timeZone }: { range: DashboardRange; timeZone: string }): SQL {
  const bucket = messageRollups.bucket;
  const cases: string[] = [];
  let at = range.from;
  let offset = 0;
  for (;;) {
    const segment = offsetSegment({ timeZone, at });
    offset = segment.offsetMs;
    if (segment.endsAt >= range.to) break;
    cases.push(`WHEN ${bucket.name} < ${Math.ceil(segment.endsAt / QUARTER_HOUR)} THEN ${Math.trunc(offset)}`);
    at = segment.endsAt;
  }
  const offsetSql = cases.length ? `CASE ${cases.join(" ")} ELSE ${Math.trunc(offset)} END` : String(Math.trunc(offset));
  return sql`(${bucket} * ${sql.raw(String(QUARTER_HOUR))} + ${sql.raw(offsetSql)}) / ${sql.raw(String(DAY))}`;
}

/**
 * Inbound messages per local day, channel, category and correction, summed in SQL from the
 * quarter-hour rows: the page gets a few rows a day, whatever the traffic.
 */
export async function inboundRollups({ db, timeZone, ...scope }: Scope & { timeZone: string }): Promise<InboundRollup[]> {
  const r = messageRollups;
  const day = localEpochDay({ range: scope.range, timeZone });
  const query = db
    .select({
      day: sql<number>`${day}`.as("day"),
      channel: sql<number>`${r.channelId}`.as("channel"),
      category: sql<string>`${r.category}`.as("category"),
      corrected: sql<number | boolean>`${r.corrected}`.as("corrected"),
      correctedFrom: sql<string>`${r.correctedFrom}`.as("correctedFrom"),
      n: sql<number>`sum(${r.n})`.as("n"),
    })
    .from(r)
    .where(inRange(scope, "inbound"))
    .groupBy(day, r.channelId, r.category, r.corrected, r.correctedFrom);
  const rows = await driverRows(db, query);
  return rows
    .filter((row) => Number(row.n) !== 0)
    .map((row) => ({
      day: new Date(Number(row.day) * DAY).toISOString().slice(0, 10),
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
