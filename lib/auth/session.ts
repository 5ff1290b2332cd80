import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { auth } from "./next-auth";
import { loadSessionUser, type Membership, type SessionUser } from "./access";

// Every page, action and route handler resolves the user from the database on each call:
// a deactivated user or a removed membership takes effect immediately, whatever the JWT says.
// auth() has already checked the session row (see the jwt callback in next-auth.ts). Within one
// page render (layout, page, metadata) it is read once; every request reads it again.
export const getSignedIn = cache(async function getSignedIn(): Promise<{ user: SessionUser; sessionId: string } | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  const sessionId = (session as { sid?: unknown } | null)?.sid;
  if (!Number.isInteger(id) || id <= 0 || typeof sessionId !== "string") return null;
  const user = await loadSessionUser({ userId: id });
  return user ? { user, sessionId } : null;
});

export async function getSessionUser(): Promise<SessionUser | null> {
  return (await getSignedIn())?.user ?? null;
}

export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

// A one-time password must be replaced before anything else is done with it.
export async function requireActionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized:session");
  if (user.mustChangePassword) throw new AppError("forbidden:password", "Choose your own password first (Account).");
  return user;
}

// The brand a page works on; a brand the user does not belong to is a 404.
export function pageMembership({ user, slug }: { user: SessionUser; slug?: string | null }): Membership {
  const membership = slug ? user.memberships.find((m) => m.slug === slug) : user.memberships[0];
  if (!membership) notFound();
  return membership;
}
