import { and, count, desc, eq, exists, inArray, isNull, sql, type Placeholder } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import { brands, memberships, notifications } from "@/db/schema";
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
function scope(db: Db, userId: number | Placeholder) {
  const member = db
    .select({ one: sql`1` })
    .from(memberships)
    .where(and(eq(memberships.userId, notifications.userId), eq(memberships.brandId, notifications.brandId)));
  return and(eq(notifications.userId, userId), exists(member));
}

// The bell on every page reads these two: prepared once per connection.
const prepareList = (db: Db) =>
  db
    .select({
      id: notifications.id,
      brandId: notifications.brandId,
      brandSlug: brands.slug,
      kind: notifications.kind,
      text: notifications.text,
      conversationId: notifications.conversationId,
      escalationId: notifications.escalationId,
      readAt: sql<number | null>`${notifications.readAt}`.mapWith(Number),
      createdAt: sql<number>`${notifications.createdAt}`.mapWith(Number),
    })
    .from(notifications)
    .innerJoin(brands, eq(brands.id, notifications.brandId))
    .where(scope(db, sql.placeholder("userId")))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(sql.placeholder("limit") as unknown as number)
    .prepare();

const prepareUnread = (db: Db) =>
  db
    .select({ n: count() })
    .from(notifications)
    .where(and(scope(db, sql.placeholder("userId")), isNull(notifications.readAt)))
    .prepare();

export async function listNotifications({ db = database(), userId, limit = 20 }: { db?: Db; userId: number; limit?: number }): Promise<NotificationItem[]> {
  return prepared(db, "notifications.list", prepareList).execute({ userId, limit: Math.min(Math.max(Math.trunc(limit), 1), 100) });
}

export async function unreadCount({ db = database(), userId }: { db?: Db; userId: number }): Promise<number> {
  const [row] = await prepared(db, "notifications.unread", prepareUnread).execute({ userId });
  return row?.n ?? 0;
}

export async function notificationSummary({ db = database(), userId, limit }: { db?: Db; userId: number; limit?: number }): Promise<NotificationSummary> {
  return { unread: await unreadCount({ db, userId }), items: await listNotifications({ db, userId, limit }) };
}

/**
 * Marks the given notifications (or, without ids, all of them) read for this user only; ids of
 * other users' notifications are ignored. Returns how many changed. A change row per brand lets
 * the user's other tabs update their bell.
 */
export async function markRead({ db = database(), userId, ids, actor, at = Date.now() }: { db?: Db; userId: number; ids?: number[]; actor: Actor; at?: number }): Promise<number> {
  if (ids && ids.length === 0) return 0;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: notifications.id, brandId: notifications.brandId })
      .from(notifications)
      .where(and(scope(tx, userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined));
    if (rows.length === 0) return 0;
    const byBrand = new Map<number, number[]>();
    for (const row of rows) byBrand.set(row.brandId, [...(byBrand.get(row.brandId) ?? []), row.id]);
    for (const [brandId, read] of byBrand) {
      await tx
        .update(notifications)
        .set({ readAt: new Date(at) })
        .where(and(inArray(notifications.id, read), eq(notifications.userId, userId), eq(notifications.brandId, brandId)));
      await recordAudit(tx, { actor, brandId, action: "notification.read", objectType: "notification", objectId: read.length === 1 ? read[0] : null, after: { ids: read } });
      await recordChange(tx, { brandId, kind: "notification", userId, at });
    }
    return rows.length;
  });
}
