import { and, count, eq, exists, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, conversations, responseCycles, users } from "@/db/schema";
import { repliesByAgent } from "./rollups";
import { median } from "./percentile";
import type { DashboardRange } from "./local-time";

export type AgentRow = {
  userId: number;
  name: string;
  replies: number;
  answeredFirst: number;
  medianFirstResponseSeconds: number | null;
  resolved: number;
  reopened: number;
};

type Scope = { db: Db; brandId: number; range: DashboardRange; channelId?: number | null };

/**
 * Per person in the range: replies sent (by a person, not automated); the exact median FRT of
 * the request cycles they answered first; conversations they resolved, and how many of those
 * came back (a later cycle started after the resolution).
 */
export async function agentsTable({ db, brandId, range, channelId, cycles }: Scope & { cycles: { frt: number | null; category: string; responder: number | null }[] }): Promise<AgentRow[]> {
  const from = new Date(range.from);
  const to = new Date(range.to);
  const replies = await repliesByAgent({ db, brandId, range, channelId });
  const a = auditLog;
  const objectId = sql`CAST(${a.objectId} AS INTEGER)`;
  const reopenedLater = db
    .select({ one: sql`1` })
    .from(responseCycles)
    .where(and(eq(responseCycles.conversationId, objectId), sql`${responseCycles.startedAt} > ${a.createdAt}`));
  const inChannel = (id: number) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(conversations)
        .where(and(eq(conversations.id, objectId), eq(conversations.brandId, a.brandId), eq(conversations.channelId, id))),
    );
  const resolved = await db
    .select({ userId: sql<number>`${a.userId}`, n: count(), reopened: sql<number>`sum(CASE WHEN ${exists(reopenedLater)} THEN 1 ELSE 0 END)`.mapWith(Number) })
    .from(a)
    .where(
      and(
        eq(a.brandId, brandId),
        gte(a.createdAt, from),
        lt(a.createdAt, to),
        eq(a.action, "conversation.resolve"),
        isNotNull(a.userId),
        channelId ? inChannel(channelId) : undefined,
      ),
    )
    .groupBy(a.userId);
  const frts = new Map<number, number[]>();
  for (const c of cycles) {
    if (c.responder == null || c.frt == null || c.category !== "request") continue;
    const list = frts.get(c.responder) ?? [];
    list.push(c.frt);
    frts.set(c.responder, list);
  }
  const ids = new Set<number>([...replies.map((r) => r.userId), ...resolved.map((r) => r.userId), ...frts.keys()]);
  if (ids.size === 0) return [];
  const names = new Map((await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...ids]))).map((u) => [u.id, u.name]));
  const replyCount = new Map(replies.map((r) => [r.userId, r.n]));
  const resolvedRow = new Map(resolved.map((r) => [r.userId, r]));
  return [...ids]
    .map((userId) => ({
      userId,
      name: names.get(userId) ?? `User ${userId}`,
      replies: replyCount.get(userId) ?? 0,
      answeredFirst: frts.get(userId)?.length ?? 0,
      medianFirstResponseSeconds: median({ values: frts.get(userId) ?? [] }),
      resolved: resolvedRow.get(userId)?.n ?? 0,
      reopened: resolvedRow.get(userId)?.reopened ?? 0,
    }))
    .sort((a, b) => b.replies - a.replies || a.name.localeCompare(b.name));
}
