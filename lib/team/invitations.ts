import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { brands, invitations, memberships, users, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { generatePassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { createUser, getUserByEmail, setMembership } from "./users";

export type PendingInvitation = { id: number; email: string; name: string; role: Role; createdAt: Date };
export type MyInvitation = { id: number; brandName: string; role: Role; invitedBy: string | null; createdAt: Date };

/**
 * A brand admin adds a person by e-mail. The answer is the same whether the account exists:
 * an invitation and a one-time password. A new account is made with that password (it belongs
 * to this brand); an existing account keeps its own and accepts on its account page.
 */
export async function inviteMember({ db = database(), actor, brandId, email, name, role }: { db?: Db; actor: Principal; brandId: number; email: string; name?: string; role: Role }): Promise<{ email: string; password: string }> {
  const { audit } = authorize({ actor, brandId, needs: "admin" });
  const password = generatePassword();
  const existing = await getUserByEmail({ db, email });
  const user = existing ?? (await createUser({ db, email, password, name, mustChangePassword: true, homeBrandId: brandId, actor: audit }));
  await db.transaction(async (tx) => {
    const [member] = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.brandId, brandId), eq(memberships.userId, user.id)));
    if (member) throw new AppError("conflict:member", "This person is already a member of the brand: change their role in the list.");
    const [pending] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.brandId, brandId), eq(invitations.userId, user.id), eq(invitations.status, "pending")));
    if (pending) await tx.update(invitations).set({ role, invitedBy: audit.userId }).where(and(eq(invitations.id, pending.id), eq(invitations.brandId, brandId)));
    else await tx.insert(invitations).values({ brandId, userId: user.id, role, invitedBy: audit.userId });
    await recordAudit(tx, { actor: audit, brandId, action: "member.invite", objectType: "user", objectId: user.id, after: { role } });
  });
  return { email: user.email, password };
}

export async function listPendingInvitations({ db = database(), actor, brandId }: { db?: Db; actor: Principal; brandId: number }): Promise<PendingInvitation[]> {
  authorize({ actor, brandId, needs: "admin" });
  return db
    .select({ id: invitations.id, email: users.email, name: users.name, role: invitations.role, createdAt: invitations.createdAt })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(and(eq(invitations.brandId, brandId), eq(invitations.status, "pending")))
    .orderBy(asc(users.email));
}

export async function cancelInvitation({ db = database(), actor, brandId, id }: { db?: Db; actor: Principal; brandId: number; id: number }): Promise<void> {
  const { audit } = authorize({ actor, brandId, needs: "admin" });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ status: "cancelled", respondedAt: new Date() })
      .where(and(eq(invitations.id, id), eq(invitations.brandId, brandId), eq(invitations.status, "pending")))
      .returning({ userId: invitations.userId });
    if (!row) throw new AppError("not_found:invitation");
    await recordAudit(tx, { actor: audit, brandId, action: "member.invite_cancel", objectType: "user", objectId: row.userId });
  });
}

/** The signed-in person's own pending invitations, for their account page. */
export async function listMyInvitations({ db = database(), userId }: { db?: Db; userId: number }): Promise<MyInvitation[]> {
  const rows = await db
    .select({ id: invitations.id, brandName: brands.name, role: invitations.role, invitedById: invitations.invitedBy, createdAt: invitations.createdAt })
    .from(invitations)
    .innerJoin(brands, eq(brands.id, invitations.brandId))
    .where(and(eq(invitations.userId, userId), eq(invitations.status, "pending")))
    .orderBy(desc(invitations.createdAt));
  const ids = [...new Set(rows.map((r) => r.invitedById).filter((id): id is number => id != null))];
  const names = new Map(ids.length ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name]) : []);
  return rows.map(({ invitedById, ...r }) => ({ ...r, invitedBy: invitedById == null ? null : (names.get(invitedById) ?? null) }));
}

/** Accepting makes the membership with the invited role; only the invitee can answer. */
export async function answerInvitation({ db = database(), userId, id, accept }: { db?: Db; userId: number; id: number; accept: boolean }): Promise<void> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError("not_found:user");
  const actor = { userId, label: user.email };
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ status: accept ? "accepted" : "declined", respondedAt: new Date() })
      .where(and(eq(invitations.id, id), eq(invitations.userId, userId), eq(invitations.status, "pending")))
      .returning({ brandId: invitations.brandId, role: invitations.role });
    if (!row) throw new AppError("not_found:invitation");
    if (accept) await setMembership({ db: tx, userId, brandId: row.brandId, role: row.role, actor });
    else await recordAudit(tx, { actor, brandId: row.brandId, action: "member.invite_decline", objectType: "user", objectId: userId });
  });
}

/** A new account's invitation from the brand that made it is taken up once its own password is set. */
export async function acceptHomeInvitation({ db = database(), userId }: { db?: Db; userId: number }): Promise<void> {
  const [user] = await db.select({ homeBrandId: users.homeBrandId }).from(users).where(eq(users.id, userId));
  if (!user?.homeBrandId) return;
  const [pending] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.userId, userId), eq(invitations.brandId, user.homeBrandId), eq(invitations.status, "pending")));
  if (pending) await answerInvitation({ db, userId, id: pending.id, accept: true });
}
