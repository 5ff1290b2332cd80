import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getToken } from "next-auth/jwt";
import { cache } from "react";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { getSecrets } from "@/lib/security/secrets";
import { loadSessionUser, type Membership, type SessionUser } from "./access";
import { checkSession } from "./sessions";

// Every page, action and route handler resolves the user from the database on each call:
// a deactivated user or a removed membership takes effect immediately, whatever the JWT says.
// Within one page render (layout, page, metadata) it is read once; every request reads it again.
export const getSignedIn = cache(async function getSignedIn(): Promise<{ user: SessionUser; sessionId: string } | null> {
  const token = await readSessionToken(await headers());
  if (!token) return null;
  const user = await loadSessionUser({ userId: token.userId });
  return user ? { user, sessionId: token.sessionId } : null;
});

/**
 * The signed-in session of a request, as auth() finds it, without its detour: auth() runs
 * Auth.js's whole session endpoint for each call (a Request, the JWT decrypted, checked, encrypted
 * again and a Response parsed), and the renewed cookie it makes is dropped outside a route of
 * Auth.js. Here the cookie Auth.js would read is decrypted and the session row checked, as the jwt
 * callback in next-auth.ts does; nothing is renewed, as before.
 */
export async function readSessionToken(requestHeaders: Headers, { db }: { db?: Db } = {}): Promise<{ userId: number; sessionId: string } | null> {
  const cookie = requestHeaders.get("cookie");
  if (!cookie) return null;
  const token = await getToken({ req: { headers: { cookie } }, secret: getSecrets().authSecret, secureCookie: securedBy(requestHeaders) });
  const userId = Number(token?.uid);
  const sessionId = token?.sid;
  if (!token || !Number.isInteger(userId) || userId <= 0 || typeof sessionId !== "string") return null;
  return (await checkSession({ db, sessionId, userId })) ? { userId, sessionId } : null;
}

// Auth.js names its cookie __Secure-… when the app's URL is https: AUTH_URL's, else the forwarded protocol's (https when unsaid).
function securedBy(requestHeaders: Headers): boolean {
  const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).protocol === "https:";
  return (requestHeaders.get("x-forwarded-proto") ?? "https").replace(/:$/, "") === "https";
}

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
