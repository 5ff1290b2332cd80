import type { Db } from "@/db/client";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { recordChange } from "@/lib/realtime/record-change";

export type NotificationItem = {
  id: number;
  brandId: number;
  brandSlug: string;
  kind: string;
  text: string;
  conversationId: number | null;
  escalationId: number | null;
  readAt: number | null;
  createdAt: number;
};

export type NotificationSummary = { unread: number; items: NotificationItem[] };

// Only brands the user still belongs to: a removed membership takes its notifications with it.
const SCOPE = "n.user_id = ? AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = n.user_id AND m.brand_id = n.brand_id)";

export function listNotifications({ db, userId, limit = 20 }: { db: Db; userId: number; limit?: number }): NotificationItem[] {
  return db.$client
    .prepare(
      `SELECT n.id, n.brand_id AS brandId, b.slug AS brandSlug, n.kind, n.text, n.conversation_id AS conversationId,
              n.escalation_id AS escalationId, n.read_at AS readAt, n.created_at AS createdAt
         FROM notifications n JOIN brands b ON b.id = n.brand_id
        WHERE ${SCOPE} ORDER BY n.created_at DESC, n.id DESC LIMIT ?`,
    )
    .all(userId, Math.min(Math.max(limit, 1), 100)) as NotificationItem[];
}

export function unreadCount({ db, userId }: { db: Db; userId: number }): number {
  return (db.$client.prepare(`SELECT count(*) AS n FROM notifications n WHERE ${SCOPE} AND n.read_at IS NULL`).get(userId) as { n: number }).n;
}

export function notificationSummary({ db, userId, limit }: { db: Db; userId: number; limit?: number }): NotificationSummary {
  return { unread: unreadCount({ db, userId }), items: listNotifications({ db, userId, limit }) };
}

/**
 * Marks the given notifications (or, without ids, all of them) read for this user only; ids of
 * other users' notifications are ignored. Returns how many changed. A change row per brand lets
 * the user's other tabs update their bell.
 */
export function markRead({ db, userId, ids, actor, at = Date.now() }: { db: Db; userId: number; ids?: number[]; actor: Actor; at?: number }): number {
  const sqlite = db.$client;
  if (ids && ids.length === 0) return 0;
  const only = ids ? ` AND n.id IN (${ids.map(() => "?").join(",")})` : "";
  return sqlite.transaction(() => {
    const rows = sqlite
      .prepare(`SELECT n.id, n.brand_id AS brandId FROM notifications n WHERE ${SCOPE} AND n.read_at IS NULL${only}`)
      .all(userId, ...(ids ?? [])) as { id: number; brandId: number }[];
    if (rows.length === 0) return 0;
    const update = sqlite.prepare("UPDATE notifications SET read_at = ? WHERE id = ?");
    const byBrand = new Map<number, number[]>();
    for (const row of rows) {
      update.run(at, row.id);
      byBrand.set(row.brandId, [...(byBrand.get(row.brandId) ?? []), row.id]);
    }
    for (const [brandId, read] of byBrand) {
      recordAudit(db, { actor, brandId, action: "notification.read", objectType: "notification", objectId: read.length === 1 ? read[0] : null, after: { ids: read } });
      recordChange(sqlite, { brandId, kind: "notification", userId, at });
    }
    return rows.length;
  })();
}
