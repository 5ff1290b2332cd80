import type { Db } from "@/db/client";
import { UNRESOLVED_ESCALATIONS_SQL, type View } from "./list";

/*
 * The view counts, each read from an index rather than the table: the status index covers the
 * per-status counts, the queue index the waiting count, a person's assignments the rest.
 * Resolved is not counted: it only grows, and nobody works from that number.
 */
export function countViews({ db, brandId, userId }: { db: Db; brandId: number; userId: number }): Record<View, number | null> {
  const sqlite = db.$client;
  const groups = sqlite
    .prepare(
      `SELECT c.status, c.category, count(*) AS n FROM conversations c
        WHERE c.brand_id = ? AND c.status IN ('open', 'pending', 'snoozed') GROUP BY c.status, c.category`,
    )
    .all(brandId) as { status: string; category: string; n: number }[];
  const sum = (test: (g: { status: string; category: string }) => boolean) => groups.filter(test).reduce((total, g) => total + g.n, 0);
  const one = (sql: string, ...params: unknown[]) => (sqlite.prepare(sql).get(...params) as { n: number }).n;
  const waiting = one(
    "SELECT count(*) AS n FROM conversations c WHERE c.brand_id = ? AND c.awaiting_first_response = 1 AND c.category = 'request'",
    brandId,
  );
  const mine = one(
    "SELECT count(*) AS n FROM conversations c WHERE c.assignee_id = ? AND c.status IN ('open', 'pending', 'snoozed') AND +c.brand_id = ?",
    userId,
    brandId,
  );
  // Assigned conversations are few next to the open backlog, so unassigned = open requests - assigned ones.
  const assignedRequests = one(
    `SELECT count(*) AS n FROM conversations c
      WHERE c.assignee_id IN (SELECT user_id FROM memberships WHERE brand_id = ?) AND c.status IN ('open', 'pending', 'snoozed') AND +c.brand_id = ? AND +c.category = 'request'`,
    brandId,
    brandId,
  );
  const escalated = (
    sqlite
      .prepare(
        `SELECT count(*) AS n FROM conversations c
          WHERE c.id IN (${UNRESOLVED_ESCALATIONS_SQL}) AND c.escalation_level > 0 AND c.status IN ('open', 'pending', 'snoozed')`,
      )
      .get({ brandId }) as { n: number }
  ).n;
  return {
    waiting,
    mine,
    unassigned: sum((g) => g.category === "request") - assignedRequests,
    open: sum((g) => g.status === "open" && g.category === "request"),
    pending: sum((g) => g.status === "pending"),
    snoozed: sum((g) => g.status === "snoozed"),
    resolved: null,
    noise: sum((g) => g.category === "noise"),
    escalated,
  };
}
