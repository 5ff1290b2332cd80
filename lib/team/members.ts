import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, users, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/access";
import { roleAtLeast } from "@/lib/auth/access";

export type Member = { userId: number; email: string; name: string; role: Role; disabled: boolean; available: boolean; languages: string[]; capacity: number };

export function listMembers({ db, brandId }: { db: Db; brandId: number }): Member[] {
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      disabled: users.disabled,
      available: users.available,
      languages: users.languages,
      capacity: users.capacity,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.brandId, brandId))
    .orderBy(users.name)
    .all();
}

export function requireMember({ db, brandId, userId }: { db: Db; brandId: number; userId: number }): Member {
  const member = listMembers({ db, brandId }).find((m) => m.userId === userId);
  if (!member) throw new AppError("not_found:user");
  return member;
}

// Account-wide changes (deactivate, password reset) need admin rights over every brand the user is in.
export function requireAccountAuthority({ db, actor, userId }: { db: Db; actor: SessionUser; userId: number }): void {
  if (actor.id === userId) throw new AppError("forbidden:user", "You cannot do this to your own account here.");
  const theirs = db.select({ brandId: memberships.brandId }).from(memberships).where(eq(memberships.userId, userId)).all();
  const outside = theirs.filter((t) => {
    const mine = actor.memberships.find((m) => m.brandId === t.brandId);
    return !mine || !roleAtLeast(mine.role, "admin");
  });
  if (outside.length > 0)
    throw new AppError("forbidden:user", "This person also belongs to brands you do not administer; remove them from this brand instead.");
}

export function countAdmins({ db, brandId }: { db: Db; brandId: number }): number {
  return db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.brandId, brandId), eq(memberships.role, "admin"), eq(users.disabled, false)))
    .all().length;
}
