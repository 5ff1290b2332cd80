import { and, asc, eq, gte, inArray, lt, lte } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { agentAvailability, memberships } from "@/db/schema";

export type AvailabilityStatus = "available" | "away";

/**
 * Appends a member's switch to the history of every brand they belong to (or of `brandIds`),
 * in the transaction that flips it, so the history cannot drift from the switch.
 */
export async function recordAvailability(tx: Tx, { userId, status, at, brandIds }: { userId: number; status: AvailabilityStatus; at: number; brandIds?: number[] }): Promise<void> {
  const brands = brandIds ?? (await tx.select({ brandId: memberships.brandId }).from(memberships).where(eq(memberships.userId, userId))).map((m) => m.brandId);
  if (brands.length === 0) return;
  await tx.insert(agentAvailability).values(brands.map((brandId) => ({ userId, brandId, status, at: new Date(at) })));
}

const QUARTER = 900_000;

/**
 * Time-weighted available agents per hour of the week: for each [from, to) window, the
 * agent-milliseconds spent available in each slot (weekday × 24 + hour, local), and the
 * milliseconds of that slot for which the brand had any history at all. Agents are the
 * brand's members with the agent role, as round-robin assignment counts them.
 */
export async function availabilityBySlot({
  db,
  brandId,
  windows,
  slotOf,
}: {
  db: Db;
  brandId: number;
  windows: { from: number; to: number }[];
  slotOf: (at: number) => number;
}): Promise<{ agentMs: Float64Array; knownMs: Float64Array }> {
  const agentMs = new Float64Array(168);
  const knownMs = new Float64Array(168);
  if (windows.length === 0) return { agentMs, knownMs };
  const end = Math.max(...windows.map((w) => w.to));
  const agents = (await db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.brandId, brandId), eq(memberships.role, "agent")))).map((m) => m.userId);
  const rows = await db
    .select({ userId: agentAvailability.userId, status: agentAvailability.status, at: agentAvailability.at })
    .from(agentAvailability)
    .where(and(eq(agentAvailability.brandId, brandId), lt(agentAvailability.at, new Date(end))))
    .orderBy(asc(agentAvailability.at), asc(agentAvailability.id));
  if (rows.length === 0) return { agentMs, knownMs };
  const historyStart = rows[0].at.getTime();
  const isAgent = new Set(agents);
  // Each agent's available intervals.
  const since = new Map<number, number>();
  const intervals: { from: number; to: number }[] = [];
  for (const row of rows) {
    if (!isAgent.has(row.userId)) continue;
    const at = row.at.getTime();
    const open = since.get(row.userId);
    if (row.status === "available" && open === undefined) since.set(row.userId, at);
    if (row.status === "away" && open !== undefined) {
      intervals.push({ from: open, to: at });
      since.delete(row.userId);
    }
  }
  for (const open of since.values()) intervals.push({ from: open, to: end });
  // Quarter hours align with every zone's hour boundaries, so each step lies in one local hour.
  const spread = (from: number, to: number, into: Float64Array) => {
    for (let at = from; at < to; ) {
      const next = Math.min(to, (Math.floor(at / QUARTER) + 1) * QUARTER);
      into[slotOf(at)] += next - at;
      at = next;
    }
  };
  for (const w of windows) {
    spread(Math.max(w.from, historyStart), w.to, knownMs);
    for (const i of intervals) spread(Math.max(w.from, i.from), Math.min(w.to, i.to), agentMs);
  }
  return { agentMs, knownMs };
}

/** The brand's recorded history in a range, oldest first (for exports and tests). */
export async function listAvailability({ db, brandId, from, to, userIds }: { db: Db; brandId: number; from: number; to: number; userIds?: number[] }) {
  return db
    .select({ userId: agentAvailability.userId, status: agentAvailability.status, at: agentAvailability.at })
    .from(agentAvailability)
    .where(and(eq(agentAvailability.brandId, brandId), gte(agentAvailability.at, new Date(from)), lte(agentAvailability.at, new Date(to)), userIds ? inArray(agentAvailability.userId, userIds) : undefined))
    .orderBy(asc(agentAvailability.at), asc(agentAvailability.id));
}
