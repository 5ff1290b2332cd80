import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { channels, contacts, conversations, escalationRules, escalations, memberships, users } from "@/db/schema";
import { epochMs, epochMsOrNull } from "./sql";

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

const UNRESOLVED: QueueStatus[] = ["open", "acknowledged"];

/**
 * Unresolved escalations of one brand, highest level first, then oldest: the order a manager
 * should work them. Filters narrow by status and level.
 */
export async function openEscalations({ db = database(), brandId, filter = {}, limit = 200, now = Date.now() }: { db?: Db; brandId: number; filter?: QueueFilter; limit?: number; now?: number }): Promise<QueueItem[]> {
  const rows = await db
    .select({
      id: escalations.id,
      conversationId: escalations.conversationId,
      level: escalations.level,
      reason: escalations.reason,
      cues: escalations.cues,
      ruleId: escalations.ruleId,
      ruleName: escalationRules.name,
      status: escalations.status,
      createdAt: epochMs(escalations.createdAt),
      ownerId: escalations.ownerId,
      acknowledgedBy: escalations.acknowledgedBy,
      acknowledgedAt: epochMsOrNull(escalations.acknowledgedAt),
      preview: conversations.preview,
      contactName: contacts.name,
      contactHandle: contacts.handle,
      channelKind: channels.kind,
      conversationStatus: conversations.status,
    })
    .from(escalations)
    .innerJoin(conversations, and(eq(conversations.id, escalations.conversationId), eq(conversations.brandId, escalations.brandId)))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .leftJoin(escalationRules, and(eq(escalationRules.id, escalations.ruleId), eq(escalationRules.brandId, escalations.brandId)))
    .where(
      and(
        eq(escalations.brandId, brandId),
        filter.status ? eq(escalations.status, filter.status) : inArray(escalations.status, UNRESOLVED),
        filter.level ? eq(escalations.level, filter.level) : undefined,
      ),
    )
    .orderBy(desc(escalations.level), asc(escalations.createdAt), asc(escalations.id))
    .limit(limit);
  const names = await userNames(db, rows.flatMap((r) => [r.ownerId, r.acknowledgedBy]));
  return rows.map(({ contactHandle, acknowledgedBy, ...r }) => ({
    ...r,
    ownerName: r.ownerId != null ? (names.get(r.ownerId) ?? null) : null,
    acknowledgedByName: acknowledgedBy != null ? (names.get(acknowledgedBy) ?? null) : null,
    status: r.status as QueueStatus,
    cues: Array.isArray(r.cues) ? r.cues.map(String) : [],
    contactName: r.contactName ?? contactHandle,
    ageSeconds: Math.max(0, Math.round((now - r.createdAt) / 1000)),
  }));
}

async function userNames(db: Db, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id != null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function queueCounts({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<Record<QueueStatus, number>> {
  const rows = await db
    .select({ status: escalations.status, n: sql<number>`count(*)`.mapWith(Number) })
    .from(escalations)
    .where(and(eq(escalations.brandId, brandId), inArray(escalations.status, UNRESOLVED)))
    .groupBy(escalations.status);
  const counts: Record<QueueStatus, number> = { open: 0, acknowledged: 0 };
  for (const r of rows) counts[r.status as QueueStatus] = r.n;
  return counts;
}

export type RouteTarget = { id: number; name: string; role: string };

// The people an escalation can be re-routed to: active members of the brand.
export async function routeTargets({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<RouteTarget[]> {
  return db
    .select({ id: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.brandId, brandId), eq(users.disabled, false)))
    .orderBy(sql`CASE ${memberships.role} WHEN 'admin' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END`, asc(users.name));
}
