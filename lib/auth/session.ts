import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { auth } from "./next-auth";
import { loadSessionUser, type Membership, type SessionUser } from "./access";

// Every page, action and route handler resolves the user from the database on each call:
// a deactivated user or a removed membership takes effect immediately, whatever the JWT says.
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return loadSessionUser({ userId: id });
}

export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

export async function requireActionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized:session");
  return user;
}

// The brand a page works on; a brand the user does not belong to is a 404.
export function pageMembership({ user, slug }: { user: SessionUser; slug?: string | null }): Membership {
  const membership = slug ? user.memberships.find((m) => m.slug === slug) : user.memberships[0];
  if (!membership) notFound();
  return membership;
}
