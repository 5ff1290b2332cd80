import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, users, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { hashPassword, passwordProblem } from "@/lib/auth/password";

export type User = typeof users.$inferSelect;
export type PublicUser = Omit<User, "passwordHash">;

export const emailSchema = z.email().max(320).transform((e) => e.trim().toLowerCase());

export function publicUser(user: User): PublicUser {
  const { passwordHash: _omit, ...rest } = user;
  void _omit;
  return rest;
}

export async function createUser({
  db,
  email,
  password,
  name,
  mustChangePassword = false,
  languages = [],
  actor,
}: {
  db: Db;
  email: string;
  password: string;
  name?: string;
  mustChangePassword?: boolean;
  languages?: string[];
  actor: Actor;
}): Promise<PublicUser> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) throw new AppError("bad_request:email", `Not an e-mail address: ${email}`);
  const problem = passwordProblem(password);
  if (problem) throw new AppError("bad_request:password", `Weak password: ${problem}`);
  const passwordHash = await hashPassword(password);
  return db.transaction((tx) => {
    const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, parsed.data)).get();
    if (existing) throw new AppError("conflict:user", `A user with e-mail ${parsed.data} already exists.`);
    const user = tx
      .insert(users)
      .values({ email: parsed.data, name: name?.trim() || parsed.data.split("@")[0], passwordHash, mustChangePassword, languages })
      .returning()
      .get();
    recordAudit(tx, { actor, brandId: null, action: "user.create", objectType: "user", objectId: user.id, after: publicUser(user) });
    return publicUser(user);
  });
}

export function getUserByEmail({ db, email }: { db: Db; email: string }): User | undefined {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export function requireUserByEmail({ db, email }: { db: Db; email: string }): User {
  const user = getUserByEmail({ db, email });
  if (!user) throw new AppError("not_found:user", `No user with e-mail ${email}.`);
  return user;
}

export function setMembership({
  db,
  userId,
  brandId,
  role,
  actor,
}: {
  db: Db;
  userId: number;
  brandId: number;
  role: Role;
  actor: Actor;
}): void {
  db.transaction((tx) => {
    const before = tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.brandId, brandId)))
      .get();
    if (before) {
      tx.update(memberships).set({ role }).where(eq(memberships.id, before.id)).run();
    } else {
      tx.insert(memberships).values({ userId, brandId, role }).run();
    }
    recordAudit(tx, {
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

export function removeMembership({ db, userId, brandId, actor }: { db: Db; userId: number; brandId: number; actor: Actor }): void {
  db.transaction((tx) => {
    const removed = tx
      .delete(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.brandId, brandId)))
      .returning()
      .get();
    if (!removed) throw new AppError("not_found:membership");
    recordAudit(tx, { actor, brandId, action: "member.remove", objectType: "user", objectId: userId, before: { role: removed.role } });
  });
}

export function setUserDisabled({ db, userId, disabled, brandId, actor }: { db: Db; userId: number; disabled: boolean; brandId: number | null; actor: Actor }): void {
  db.transaction((tx) => {
    const user = tx.update(users).set({ disabled }).where(eq(users.id, userId)).returning().get();
    if (!user) throw new AppError("not_found:user");
    recordAudit(tx, { actor, brandId, action: disabled ? "user.deactivate" : "user.reactivate", objectType: "user", objectId: userId });
  });
}

export async function setPassword({
  db,
  userId,
  password,
  mustChangePassword,
  brandId = null,
  actor,
}: {
  db: Db;
  userId: number;
  password: string;
  mustChangePassword: boolean;
  brandId?: number | null;
  actor: Actor;
}): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new AppError("bad_request:password", `Weak password: ${problem}`);
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    const user = tx.update(users).set({ passwordHash, mustChangePassword }).where(eq(users.id, userId)).returning().get();
    if (!user) throw new AppError("not_found:user");
    recordAudit(tx, { actor, brandId, action: "user.password", objectType: "user", objectId: userId });
  });
}

const languageCode = z.string().regex(/^[a-z]{2}$/, "Languages are two-letter ISO 639-1 codes, such as en, ru, de.");

/** Automatic assignment settings of a person: the languages they answer in and how many open conversations they hold. */
export function setRouting({ db, userId, languages, capacity, actor }: { db: Db; userId: number; languages: string[]; capacity: number; actor: Actor }): void {
  const parsed = z.array(languageCode).max(20).safeParse(languages);
  if (!parsed.success) throw new AppError("bad_request:languages", parsed.error.issues[0].message);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 500) throw new AppError("bad_request:capacity", "Capacity is a whole number from 1 to 500.");
  db.transaction((tx) => {
    const before = tx.select({ languages: users.languages, capacity: users.capacity }).from(users).where(eq(users.id, userId)).get();
    if (!before) throw new AppError("not_found:user");
    const after = { languages: [...new Set(parsed.data)], capacity };
    tx.update(users).set(after).where(eq(users.id, userId)).run();
    recordAudit(tx, { actor, brandId: null, action: "user.routing", objectType: "user", objectId: userId, before, after });
  });
}

export function setLocale({ db, userId, locale }: { db: Db; userId: number; locale: "en" | "ru" }): void {
  db.transaction((tx) => {
    tx.update(users).set({ locale }).where(eq(users.id, userId)).run();
    recordAudit(tx, { actor: { userId, label: `user:${userId}` }, brandId: null, action: "user.locale", objectType: "user", objectId: userId, after: { locale } });
  });
}
