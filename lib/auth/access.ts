import { eq, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import { brands, memberships, users, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/messages";
import { catalogueError } from "@/lib/i18n/errors";

const RANK: Record<Role, number> = { agent: 1, manager: 2, admin: 3 };

export type Membership = { brandId: number; slug: string; name: string; timezone: string; role: Role };
export type SessionUser = {
  id: number;
  email: string;
  name: string;
  locale: Locale;
  timezone: string | null;
  available: boolean;
  mustChangePassword: boolean;
  memberships: Membership[];
};

export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

// Every page and every call reads these: prepared once per connection, not built per request.
const prepareUser = (db: Db) => db.select().from(users).where(eq(users.id, sql.placeholder("userId"))).prepare();
const prepareMemberships = (db: Db) =>
  db
    .select({ brandId: brands.id, slug: brands.slug, name: brands.name, timezone: brands.timezone, role: memberships.role })
    .from(memberships)
    .innerJoin(brands, eq(brands.id, memberships.brandId))
    .where(eq(memberships.userId, sql.placeholder("userId")))
    .orderBy(brands.name)
    .prepare();

export async function loadSessionUser({ db = database(), userId }: { db?: Db; userId: number }): Promise<SessionUser | null> {
  const [user] = await prepared(db, "auth.user", prepareUser).execute({ userId });
  if (!user || user.disabled) return null;
  const rows = await prepared(db, "auth.memberships", prepareMemberships).execute({ userId });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    timezone: user.timezone,
    available: user.available,
    mustChangePassword: user.mustChangePassword,
    memberships: rows,
  };
}

// A brand the user does not belong to does not exist for them: 404, never 403.
export function requireMembership({ user, brandId, role = "agent" }: { user: SessionUser; brandId: number; role?: Role }): Membership {
  const membership = user.memberships.find((m) => m.brandId === brandId);
  if (!membership) throw new AppError("not_found:brand");
  if (!roleAtLeast(membership.role, role)) throw catalogueError("forbidden:role", "needs", { role, brand: membership.name });
  return membership;
}
