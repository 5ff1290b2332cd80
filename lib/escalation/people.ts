import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import { memberships, users } from "@/db/schema";
import type { Locale } from "@/lib/i18n/messages";

export type Audience = { to: "managers" | "admins" | "assignee" | "users"; userIds: number[] };

// The brand's active members by role, for callers that ask many times in one transaction (the
// rules of an ingest batch): memberships do not change while it runs.
export type RoleMemo = Map<string, Promise<number[]>>;

/**
 * Active members of the brand an action addresses. Level 1 is the managers, level 2 the admins;
 * a brand without managers sends level 1 to its admins so nobody is missed. Named people who
 * left the brand or were disabled are skipped.
 */
export async function audienceUserIds(
  db: Db,
  { brandId, audience, assigneeId, memo }: { brandId: number; audience: Audience; assigneeId?: number | null; memo?: RoleMemo },
): Promise<number[]> {
  if (audience.to === "users" || audience.to === "assignee") {
    const wanted = audience.to === "users" ? audience.userIds : assigneeId ? [assigneeId] : [];
    const active = await activeMembers(db, brandId, wanted);
    return wanted.filter((userId) => active.has(userId));
  }
  const role = audience.to === "managers" ? "manager" : "admin";
  const ids = await byRole(db, brandId, role, memo);
  return ids.length || role === "admin" ? ids : byRole(db, brandId, "admin", memo);
}

export function levelAudience(level: number, userIds: number[] = []): Audience {
  if (userIds.length) return { to: "users", userIds };
  return { to: level >= 2 ? "admins" : "managers", userIds: [] };
}

// Asked for every escalation a rule raises: prepared once per connection.
const prepareByRole = (db: Db) =>
  db
    .select({ id: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.brandId, sql.placeholder("brandId")), eq(memberships.role, sql.placeholder("role")), eq(users.disabled, false)))
    .orderBy(asc(memberships.userId))
    .prepare();

function byRole(db: Db, brandId: number, role: "manager" | "admin", memo?: RoleMemo): Promise<number[]> {
  if (!memo) return readByRole(db, brandId, role);
  const key = `${brandId}:${role}`;
  let ids = memo.get(key);
  if (!ids) memo.set(key, (ids = readByRole(db, brandId, role)));
  return ids;
}

async function readByRole(db: Db, brandId: number, role: "manager" | "admin"): Promise<number[]> {
  const rows = await prepared(db, "escalation.membersByRole", prepareByRole).execute({ brandId, role });
  return rows.map((r) => r.id);
}

async function activeMembers(db: Db, brandId: number, userIds: number[]): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.brandId, brandId), inArray(memberships.userId, userIds), eq(users.disabled, false)));
  return new Set(rows.map((r) => r.id));
}

export async function isActiveMember(db: Db, brandId: number, userId: number): Promise<boolean> {
  return (await activeMembers(db, brandId, [userId])).has(userId);
}

/**
 * Who an e-mail notice goes to, once per address: a member in their interface language; an
 * address typed into the rule belongs to no account, so it gets English.
 */
export async function mailRecipients(db: Db, userIds: number[], addresses: string[]): Promise<{ address: string; locale: Locale }[]> {
  const rows = userIds.length ? await db.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(inArray(users.id, userIds)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const found = new Map<string, Locale>();
  for (const id of userIds) {
    const row = byId.get(id);
    if (row?.email && !found.has(row.email.toLowerCase())) found.set(row.email.toLowerCase(), row.locale);
  }
  for (const address of addresses) if (!found.has(address.toLowerCase())) found.set(address.toLowerCase(), "en");
  return [...found].map(([address, locale]) => ({ address, locale }));
}
