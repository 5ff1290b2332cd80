import { and, asc, eq } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { memberships, users, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/access";
import { roleAtLeast } from "@/lib/auth/access";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { generatePassword } from "@/lib/auth/password";
import { translator, type Translate } from "@/lib/i18n/messages";
import { createUser, getUserByEmail, removeMembership, setMembership, setPassword, setRouting, setUserDisabled } from "./users";

export type Member = { userId: number; email: string; name: string; role: Role; disabled: boolean; available: boolean; languages: string[]; capacity: number };

const memberColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  role: memberships.role,
  disabled: users.disabled,
  available: users.available,
  languages: users.languages,
  capacity: users.capacity,
};

export async function listMembers({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<Member[]> {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.brandId, brandId))
    .orderBy(asc(users.name));
}

export async function requireMember({ db = database(), brandId, userId }: { db?: Db; brandId: number; userId: number }): Promise<Member> {
  const [member] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.brandId, brandId), eq(memberships.userId, userId)));
  if (!member) throw new AppError("not_found:user");
  return member;
}

// Account-wide changes (deactivate, password reset) need admin rights over the brand that made
// the account, or over every brand the user is in: joining another brand by invitation does not
// take the account away from its own admins, and never hands it to the inviting brand's.
export async function requireAccountAuthority({ db, actor, userId }: { db: Db; actor: Principal; userId: number }): Promise<void> {
  if (actor.kind !== "member") return;
  const user: SessionUser = actor.user;
  if (user.id === userId) throw new AppError("forbidden:user", "You cannot do this to your own account here.");
  const [account] = await db.select({ homeBrandId: users.homeBrandId }).from(users).where(eq(users.id, userId));
  const home = account?.homeBrandId != null ? user.memberships.find((m) => m.brandId === account.homeBrandId) : undefined;
  if (home && roleAtLeast(home.role, "admin")) {
    const [stillHome] = await db.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.brandId, home.brandId)));
    if (stillHome) return;
  }
  const theirs = await db.select({ brandId: memberships.brandId }).from(memberships).where(eq(memberships.userId, userId));
  const outside = theirs.filter((t) => {
    const mine = user.memberships.find((m) => m.brandId === t.brandId);
    return !mine || !roleAtLeast(mine.role, "admin");
  });
  if (outside.length > 0)
    throw new AppError("forbidden:user", "This person also belongs to brands you do not administer; remove them from this brand instead.");
}

function translate(actor: Principal): Translate {
  return translator(actor.kind === "member" ? actor.user.locale : "en");
}

type MemberInput = { db?: Db; actor: Principal; brandId: number };

// The operator (admin CLI) adds a person directly: an existing account joins the brand; a new one
// gets a one-time password. A brand admin invites instead (lib/team/invitations).
export async function addMember({ db = database(), actor, brandId, email, name, role }: MemberInput & { email: string; name?: string; role: Role }) {
  const { audit } = authorize({ actor, brandId, needs: "admin" });
  if (actor.kind === "member") throw new AppError("forbidden:user", "Brand admins invite people; they join by accepting.");
  const t = translate(actor);
  const existing = await getUserByEmail({ db, email });
  if (existing) {
    await setMembership({ db, userId: existing.id, brandId, role, actor: audit, t });
    return { user: { id: existing.id, email: existing.email }, password: null };
  }
  const password = generatePassword();
  const user = await createUser({ db, email, password, name, mustChangePassword: true, actor: audit });
  await setMembership({ db, userId: user.id, brandId, role, actor: audit, t });
  return { user: { id: user.id, email: user.email }, password };
}

export async function changeMemberRole({ db = database(), actor, brandId, userId, role }: MemberInput & { userId: number; role: Role }): Promise<Member> {
  const { audit } = authorize({ actor, brandId, needs: "admin" });
  const member = await requireMember({ db, brandId, userId });
  await setMembership({ db, userId, brandId, role, actor: audit, t: translate(actor) });
  return member;
}

export async function removeMember({ db = database(), actor, brandId, userId }: MemberInput & { userId: number }): Promise<Member> {
  const { audit } = authorize({ actor, brandId, needs: "admin" });
  const member = await requireMember({ db, brandId, userId });
  await removeMembership({ db, userId, brandId, actor: audit, t: translate(actor) });
  return member;
}

export async function setMemberActive({ db = database(), actor, brandId, userId, active }: MemberInput & { userId: number; active: boolean }): Promise<Member> {
  const { audit } = authorize({ actor, brandId, needs: "admin" });
  const member = await requireMember({ db, brandId, userId });
  await requireAccountAuthority({ db, actor, userId });
  await setUserDisabled({ db, userId, disabled: !active, brandId, actor: audit, t: translate(actor) });
  return member;
}

export async function resetMemberPassword({ db = database(), actor, brandId, userId }: MemberInput & { userId: number }): Promise<{ member: Member; password: string }> {
  const { audit } = authorize({ actor, brandId, needs: "admin" });
  const member = await requireMember({ db, brandId, userId });
  await requireAccountAuthority({ db, actor, userId });
  const password = generatePassword();
  await setPassword({ db, userId, password, mustChangePassword: true, brandId, actor: audit });
  return { member, password };
}

// Languages and capacity hold across brands: only someone who administers all of the person's brands changes another's.
export async function setMemberRouting({ db = database(), actor, brandId, userId, languages, capacity }: MemberInput & { userId: number; languages: string[]; capacity: number }): Promise<void> {
  const { audit } = authorize({ actor, brandId, needs: "admin" });
  await requireMember({ db, brandId, userId });
  if (!(actor.kind === "member" && actor.user.id === userId)) await requireAccountAuthority({ db, actor, userId });
  await setRouting({ db, userId, languages, capacity, actor: audit });
}
