import type { Db } from "@/db/client";
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
export function agentsTable({ db, brandId, range, channelId, cycles }: Scope & { cycles: { frt: number | null; category: string; responder: number | null }[] }): AgentRow[] {
  const sqlite = db.$client;
  const byChannel = channelId ? [channelId] : [];
  const replies = sqlite
    .prepare(
      `SELECT user_id AS userId, count(*) AS n FROM messages
        WHERE brand_id = ? AND created_at >= ? AND created_at < ? AND direction = 'outbound' AND automated = 0
          AND user_id IS NOT NULL${channelId ? " AND channel_id = ?" : ""}
        GROUP BY user_id`,
    )
    .all(brandId, range.from, range.to, ...byChannel) as { userId: number; n: number }[];
  const resolved = sqlite
    .prepare(
      `SELECT a.user_id AS userId, count(*) AS n,
              sum(EXISTS (SELECT 1 FROM response_cycles r WHERE r.conversation_id = CAST(a.object_id AS INTEGER) AND r.started_at > a.created_at)) AS reopened
         FROM audit_log a
        WHERE a.brand_id = ? AND a.created_at >= ? AND a.created_at < ? AND a.action = 'conversation.resolve' AND a.user_id IS NOT NULL
          ${channelId ? "AND EXISTS (SELECT 1 FROM conversations c WHERE c.id = CAST(a.object_id AS INTEGER) AND c.brand_id = a.brand_id AND c.channel_id = ?)" : ""}
        GROUP BY a.user_id`,
    )
    .all(brandId, range.from, range.to, ...byChannel) as { userId: number; n: number; reopened: number }[];
  const frts = new Map<number, number[]>();
  for (const c of cycles) {
    if (c.responder == null || c.frt == null || c.category !== "request") continue;
    const list = frts.get(c.responder) ?? [];
    list.push(c.frt);
    frts.set(c.responder, list);
  }
  const ids = new Set<number>([...replies.map((r) => r.userId), ...resolved.map((r) => r.userId), ...frts.keys()]);
  if (ids.size === 0) return [];
  const names = new Map(
    (sqlite.prepare(`SELECT id, name FROM users WHERE id IN (${[...ids].map(() => "?").join(",")})`).all(...ids) as { id: number; name: string }[]).map((u) => [u.id, u.name]),
  );
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
