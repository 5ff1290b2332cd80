import { and, asc, eq, gte, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentAvailability, messages } from "@/db/schema";

const MINUTE = 60_000;
// Replies further apart than this end a shift; the agent went away in between.
const SHIFT_BREAK = 90 * MINUTE;
const LEAD = 20 * MINUTE;

/** Shifts from one agent's reply times: available a little before the first reply, away a little after the last. */
export function shiftsFromReplies(times: number[]): { from: number; to: number }[] {
  const sorted = [...times].sort((a, b) => a - b);
  const shifts: { from: number; to: number }[] = [];
  for (const t of sorted) {
    const last = shifts[shifts.length - 1];
    if (last && t - (last.to - LEAD) <= SHIFT_BREAK) last.to = t + LEAD;
    else shifts.push({ from: t - LEAD, to: t + LEAD });
  }
  return shifts;
}

/**
 * The demo's availability history, consistent with its traffic: each demo agent was available
 * during the stretches in which the history shows them replying. The last stretch of a shift
 * running into `now` stays open, as the switch is on today.
 */
export async function seedDemoAvailability({ db, brandIds, agentIds, since, now }: { db: Db; brandIds: Iterable<number>; agentIds: number[]; since: number; now: number }): Promise<number> {
  if (agentIds.length === 0) return 0;
  let written = 0;
  for (const brandId of brandIds) {
    const rows = await db
      .select({ userId: messages.userId, at: messages.createdAt })
      .from(messages)
      .where(and(eq(messages.brandId, brandId), eq(messages.direction, "outbound"), gte(messages.createdAt, new Date(since)), isNotNull(messages.userId), inArray(messages.userId, agentIds)))
      .orderBy(asc(messages.createdAt));
    const byAgent = new Map<number, number[]>();
    for (const r of rows) byAgent.set(r.userId!, [...(byAgent.get(r.userId!) ?? []), r.at.getTime()]);
    const values: (typeof agentAvailability.$inferInsert)[] = [];
    for (const [userId, times] of byAgent)
      for (const shift of shiftsFromReplies(times)) {
        values.push({ userId, brandId, status: "available", at: new Date(shift.from) });
        if (shift.to < now) values.push({ userId, brandId, status: "away", at: new Date(shift.to) });
      }
    for (let i = 0; i < values.length; i += 500) {
      const chunk = values.slice(i, i + 500);
      await db.transaction(async (tx) => {
        await tx.insert(agentAvailability).values(chunk);
      });
    }
    written += values.length;
  }
  return written;
}
