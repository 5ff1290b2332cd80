import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { database, type Db, type Tx } from "@/db/client";
import { memberships, users, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/messages";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { catalogueError } from "@/lib/i18n/errors";
import { endUserSessions } from "@/lib/auth/sessions";
import { translator, type Translate } from "@/lib/i18n/messages";
import { recordAvailability } from "@/lib/staffing/availability";

export type User = typeof users.$inferSelect;
export type PublicUser = Omit<User, "passwordHash">;

export const emailSchema = z.email().max(320).transform((e) => e.trim().toLowerCase());

export function publicUser(user: User): PublicUser {
  const { passwordHash: _omit, ...rest } = user;
  void _omit;
  return rest;
}

export async function createUser({
  db = database(),
  email,
  password,
  name,
  mustChangePassword = false,
  languages = [],
  homeBrandId = null,
  actor,
}: {
  db?: Db;
  email: string;
  password: string;
  name?: string;
  mustChangePassword?: boolean;
  homeBrandId?: number | null;
  languages?: string[];
  actor: Actor;
}): Promise<PublicUser> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) throw catalogueError("bad_request:email", "invalid", { email });
  const problem = passwordProblem(password);
  if (problem) throw catalogueError("bad_request:password", problem);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, parsed.data));
    if (existing) throw catalogueError("conflict:user", "exists", { email: parsed.data });
    const [user] = await tx
      .insert(users)
      .values({ email: parsed.data, name: name?.trim() || parsed.data.split("@")[0], passwordHash, mustChangePassword, languages, homeBrandId })
      .returning();
    await recordAudit(tx, { actor, brandId: null, action: "user.create", objectType: "user", objectId: user.id, after: publicUser(user) });
    return publicUser(user);
  });
}

export async function getUserByEmail({ db = database(), email }: { db?: Db; email: string }): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return user;
}

export async function requireUserByEmail({ db = database(), email }: { db?: Db; email: string }): Promise<User> {
  const user = await getUserByEmail({ db, email });
  if (!user) throw catalogueError("not_found:user", "email", { email });
  return user;
}

// The invariant every path keeps (actions, the admin CLI, imports): a brand never loses its
// last active admin.
async function requireAnotherAdmin(tx: Tx, { brandId, userId, t }: { brandId: number; userId: number; t: Translate }): Promise<void> {
  const admins = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.brandId, brandId), eq(memberships.role, "admin"), eq(users.disabled, false)));
  if (admins.length > 0 && admins.every((a) => a.userId === userId)) throw new AppError("conflict:role", t("team.lastAdmin"));
}

const english = translator("en");

export async function setMembership({
  db = database(),
  userId,
  brandId,
  role,
  actor,
  t = english,
}: {
  db?: Db;
  userId: number;
  brandId: number;
  role: Role;
  actor: Actor;
  t?: Translate;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.brandId, brandId)));
    if (before) {
      if (before.role === "admin" && role !== "admin") await requireAnotherAdmin(tx, { brandId, userId, t });
      await tx.update(memberships).set({ role }).where(and(eq(memberships.id, before.id), eq(memberships.brandId, brandId)));
    } else {
      await tx.insert(memberships).values({ userId, brandId, role });
      // The planner's availability history of this brand starts with the member's switch as it is.
      const [user] = await tx.select({ available: users.available, disabled: users.disabled }).from(users).where(eq(users.id, userId));
      if (user) await recordAvailability(tx, { userId, brandIds: [brandId], status: user.available && !user.disabled ? "available" : "away", at: Date.now() });
    }
    await recordAudit(tx, {
      actor,
      brandId,
      action: before ? "member.role" : "member.add",
      objectType: "user",
      objectId: userId,
      before: before ? { role: before.role } : null,
      after: { role },
    });
  });
}

export async function removeMembership({ db = database(), userId, brandId, actor, t = english }: { db?: Db; userId: number; brandId: number; actor: Actor; t?: Translate }): Promise<void> {
  await db.transaction(async (tx) => {
    await requireAnotherAdmin(tx, { brandId, userId, t });
    const [removed] = await tx
      .delete(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.brandId, brandId)))
      .returning();
    if (!removed) throw new AppError("not_found:membership");
    await recordAvailability(tx, { userId, brandIds: [brandId], status: "away", at: Date.now() });
    await recordAudit(tx, { actor, brandId, action: "member.remove", objectType: "user", objectId: userId, before: { role: removed.role } });
  });
}

export async function setUserDisabled({
  db = database(),
  userId,
  disabled,
  brandId,
  actor,
  t = english,
}: {
  db?: Db;
  userId: number;
  disabled: boolean;
  brandId: number | null;
  actor: Actor;
  t?: Translate;
}): Promise<void> {
  await db.transaction(async (tx) => {
    if (disabled) {
      const adminOf = await tx
        .select({ brandId: memberships.brandId })
        .from(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.role, "admin")));
      for (const m of adminOf) await requireAnotherAdmin(tx, { brandId: m.brandId, userId, t });
    }
    const [user] = await tx.update(users).set({ disabled }).where(eq(users.id, userId)).returning({ id: users.id, available: users.available });
    if (!user) throw new AppError("not_found:user");
    await recordAvailability(tx, { userId, status: !disabled && user.available ? "available" : "away", at: Date.now() });
    if (disabled) await endUserSessions(tx, { userId });
    await recordAudit(tx, { actor, brandId, action: disabled ? "user.deactivate" : "user.reactivate", objectType: "user", objectId: userId });
  });
}

export async function setPassword({
  db = database(),
  userId,
  password,
  mustChangePassword,
  brandId = null,
  keepSessionId,
  actor,
}: {
  db?: Db;
  userId: number;
  password: string;
  mustChangePassword: boolean;
  brandId?: number | null;
  // The person changing their own password stays signed in here; every other session ends.
  keepSessionId?: string;
  actor: Actor;
}): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw catalogueError("bad_request:password", problem);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [user] = await tx.update(users).set({ passwordHash, mustChangePassword }).where(eq(users.id, userId)).returning({ id: users.id });
    if (!user) throw new AppError("not_found:user");
    await endUserSessions(tx, { userId, except: keepSessionId });
    await recordAudit(tx, { actor, brandId, action: "user.password", objectType: "user", objectId: userId });
  });
}

const languageCode = z.string().regex(/^[a-z]{2}$/, "Languages are two-letter ISO 639-1 codes, such as en, ru, de.");

/** Automatic assignment settings of a person: the languages they answer in and how many open conversations they hold. */
export async function setRouting({ db = database(), userId, languages, capacity, actor }: { db?: Db; userId: number; languages: string[]; capacity: number; actor: Actor }): Promise<void> {
  const parsed = z.array(languageCode).max(20).safeParse(languages);
  if (!parsed.success) throw new AppError("bad_request:languages", parsed.error.issues[0].message);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 500) throw new AppError("bad_request:capacity", "Capacity is a whole number from 1 to 500.");
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ languages: users.languages, capacity: users.capacity }).from(users).where(eq(users.id, userId));
    if (!before) throw new AppError("not_found:user");
    const after = { languages: [...new Set(parsed.data)], capacity };
    await tx.update(users).set(after).where(eq(users.id, userId));
    await recordAudit(tx, { actor, brandId: null, action: "user.routing", objectType: "user", objectId: userId, before, after });
  });
}

export async function setLocale({ db = database(), userId, locale }: { db?: Db; userId: number; locale: Locale }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ locale }).where(eq(users.id, userId));
    await recordAudit(tx, { actor: { userId, label: `user:${userId}` }, brandId: null, action: "user.locale", objectType: "user", objectId: userId, after: { locale } });
  });
}
