import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { conversations, escalations } from "@/db/schema";
import { localClock, type DashboardRange } from "./local-time";
import { median, percentile } from "./percentile";

export type EscalationDay = { day: string; created: number; acknowledged: number; medianAckSeconds: number | null };
export type EscalationFigures = {
  /** Escalations created in the range, and how many of those a person has acknowledged. */
  created: number;
  acknowledged: number;
  /** Exact, over the acknowledged escalations created in the range (never combined from days). */
  medianAckSeconds: number | null;
  p90AckSeconds: number | null;
  /** Right now, whatever the range: not resolved, and of those not yet acknowledged. */
  openNow: number;
  unacknowledgedNow: number;
  oldestUnacknowledgedSeconds: number | null;
  daily: EscalationDay[];
};

type Scope = { db?: Db; brandId: number; timeZone: string; range: DashboardRange; channelId?: number | null; now?: number };

// The status list lets escalations_brand_status serve a range on created_at for every status.
const ALL_STATUSES = ["open", "acknowledged", "resolved"] as const;

/**
 * Time to acknowledge (acknowledged_at − created_at, as lib/escalation stamps it: resolving or
 * replying also acknowledges), open escalations now, and escalations per local day of the brand.
 */
export async function escalationFigures({ db = database(), brandId, timeZone, range, channelId, now = Date.now() }: Scope): Promise<EscalationFigures> {
  const e = escalations;
  let inRange = db
    .select({ created: sql<number>`${e.createdAt}`.mapWith(Number), ack: sql<number | null>`${e.acknowledgedAt}`.mapWith(Number) })
    .from(e)
    .$dynamic();
  let openNow = db
    .select({
      n: sql<number>`count(*)`.mapWith(Number),
      unacknowledged: sql<number | null>`sum(CASE WHEN ${e.status} = 'open' THEN 1 ELSE 0 END)`.mapWith(Number),
      oldest: sql<number | null>`min(CASE WHEN ${e.status} = 'open' THEN ${e.createdAt} END)`.mapWith(Number),
    })
    .from(e)
    .$dynamic();
  // Through the conversation only when a channel is asked for.
  const channel = channelId ? eq(conversations.channelId, channelId) : undefined;
  if (channelId) {
    inRange = inRange.innerJoin(conversations, eq(conversations.id, e.conversationId));
    openNow = openNow.innerJoin(conversations, eq(conversations.id, e.conversationId));
  }
  const rows = await inRange.where(and(eq(e.brandId, brandId), inArray(e.status, ALL_STATUSES), gte(e.createdAt, new Date(range.from)), lt(e.createdAt, new Date(range.to)), channel));
  const [open] = await openNow.where(and(eq(e.brandId, brandId), inArray(e.status, ["open", "acknowledged"]), channel));

  const clock = localClock({ timeZone });
  const days = new Map(range.days.map((day) => [day, { created: 0, waits: [] as number[] }]));
  const waits: number[] = [];
  for (const row of rows) {
    const day = days.get(clock(row.created).day);
    if (day) day.created++;
    if (row.ack == null) continue;
    // An acknowledgement stamped before creation (clock skew, imports) counts as immediate.
    const wait = Math.max(0, Math.round((row.ack - row.created) / 1000));
    waits.push(wait);
    day?.waits.push(wait);
  }
  return {
    created: rows.length,
    acknowledged: waits.length,
    medianAckSeconds: median({ values: waits }),
    p90AckSeconds: percentile({ values: waits, p: 90 }),
    openNow: open?.n ?? 0,
    unacknowledgedNow: open?.unacknowledged ?? 0,
    oldestUnacknowledgedSeconds: open?.oldest == null ? null : Math.max(0, Math.round((now - open.oldest) / 1000)),
    daily: range.days.map((day) => {
      const d = days.get(day)!;
      return { day, created: d.created, acknowledged: d.waits.length, medianAckSeconds: median({ values: d.waits }) };
    }),
  };
}
