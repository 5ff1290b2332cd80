import type { Db } from "@/db/client";

export type QueueStatus = "open" | "acknowledged";

export type QueueItem = {
  id: number;
  conversationId: number;
  level: number;
  reason: string;
  cues: string[];
  ruleId: number | null;
  ruleName: string | null;
  status: QueueStatus;
  createdAt: number;
  ageSeconds: number;
  ownerId: number | null;
  ownerName: string | null;
  acknowledgedByName: string | null;
  acknowledgedAt: number | null;
  preview: string;
  contactName: string | null;
  channelKind: string;
  conversationStatus: string;
};

export type QueueFilter = { status?: QueueStatus; level?: number };

/**
 * Unresolved escalations of one brand, highest level first, then oldest: the order a manager
 * should work them. Filters narrow by status and level.
 */
export function openEscalations({ db, brandId, filter = {}, limit = 200, now = Date.now() }: { db: Db; brandId: number; filter?: QueueFilter; limit?: number; now?: number }): QueueItem[] {
  const where = ["e.brand_id = ?", filter.status ? "e.status = ?" : "e.status IN ('open', 'acknowledged')"];
  const params: (number | string)[] = [brandId];
  if (filter.status) params.push(filter.status);
  if (filter.level) {
    where.push("e.level = ?");
    params.push(filter.level);
  }
  const rows = db.$client
    .prepare(
      `SELECT e.id, e.conversation_id AS conversationId, e.level, e.reason, e.cues, e.rule_id AS ruleId, r.name AS ruleName,
              e.status, e.created_at AS createdAt, e.owner_id AS ownerId, o.name AS ownerName, a.name AS acknowledgedByName,
              e.acknowledged_at AS acknowledgedAt, c.preview, ct.name AS contactName, ct.handle AS contactHandle,
              ch.kind AS channelKind, c.status AS conversationStatus
         FROM escalations e
         JOIN conversations c ON c.id = e.conversation_id AND c.brand_id = e.brand_id
         JOIN contacts ct ON ct.id = c.contact_id
         JOIN channels ch ON ch.id = c.channel_id
         LEFT JOIN escalation_rules r ON r.id = e.rule_id AND r.brand_id = e.brand_id
         LEFT JOIN users o ON o.id = e.owner_id
         LEFT JOIN users a ON a.id = e.acknowledged_by
        WHERE ${where.join(" AND ")}
        ORDER BY e.level DESC, e.created_at, e.id LIMIT ?`,
    )
    .all(...params, limit) as (Omit<QueueItem, "cues" | "ageSeconds"> & { cues: string | null; contactHandle: string | null })[];
  return rows.map(({ contactHandle, ...r }) => ({
    ...r,
    cues: parseCues(r.cues),
    contactName: r.contactName ?? contactHandle,
    ageSeconds: Math.max(0, Math.round((now - r.createdAt) / 1000)),
  }));
}

export function queueCounts({ db, brandId }: { db: Db; brandId: number }): Record<QueueStatus, number> {
  const rows = db.$client
    .prepare("SELECT status, count(*) AS n FROM escalations WHERE brand_id = ? AND status IN ('open', 'acknowledged') GROUP BY status")
    .all(brandId) as { status: QueueStatus; n: number }[];
  const counts: Record<QueueStatus, number> = { open: 0, acknowledged: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

export type RouteTarget = { id: number; name: string; role: string };

// The people an escalation can be re-routed to: active members of the brand.
export function routeTargets({ db, brandId }: { db: Db; brandId: number }): RouteTarget[] {
  return db.$client
    .prepare(
      `SELECT u.id, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.brand_id = ? AND u.disabled = 0
        ORDER BY CASE m.role WHEN 'admin' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, u.name`,
    )
    .all(brandId) as RouteTarget[];
}

function parseCues(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value = JSON.parse(raw) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
