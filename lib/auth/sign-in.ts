import { and, count, desc, eq, gt, max } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { signInAttempts, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "./password";

// An unknown e-mail is checked against this hash, so it costs the same scrypt work as a wrong
// password and the answer time does not tell which accounts exist.
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword("replyhour-decoy-password-0"));

export const SIGN_IN_LIMIT = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failures of one account from one address before each further try must wait, 1 s doubling. */
export const PAIR_FREE_FAILURES = 3;
const PAIR_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_WAIT_MS = 15 * 60 * 1000;
const FAMILIAR_MS = 30 * 24 * 60 * 60 * 1000;

export type SignInResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" | "limited" | "disabled" };

type Where = ReturnType<typeof and>;

async function failuresWhere(db: Db, where: Where): Promise<{ n: number; last: Date | null }> {
  const [row] = await db.select({ n: count(), last: max(signInAttempts.createdAt) }).from(signInAttempts).where(where);
  return { n: row?.n ?? 0, last: row?.last ?? null };
}

/**
 * How long this try must still wait, from the attempts in the database (so every server agrees):
 * - one account from one address: after PAIR_FREE_FAILURES failures, 1 s, 2 s, 4 s … up to 15 min;
 * - one address across accounts (spraying): SIGN_IN_LIMIT failures in 15 minutes stop it;
 * - one account from many addresses: beyond SIGN_IN_LIMIT failures in 15 minutes, an address that
 *   never signed in to it waits 15 s, doubling; the owner's familiar addresses are not slowed.
 */
export async function signInWait({ db = database(), email, address, now = new Date() }: { db?: Db; email: string; address: string; now?: Date }): Promise<number> {
  const at = now.getTime();
  const [lastOk] = await db
    .select({ at: signInAttempts.createdAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.address, address), eq(signInAttempts.ok, true)))
    .orderBy(desc(signInAttempts.createdAt))
    .limit(1);
  const pairSince = Math.max(at - PAIR_WINDOW_MS, lastOk?.at.getTime() ?? 0);
  const pair = await failuresWhere(db, and(eq(signInAttempts.email, email), eq(signInAttempts.address, address), eq(signInAttempts.ok, false), gt(signInAttempts.createdAt, new Date(pairSince))));
  let wait = 0;
  if (pair.n >= PAIR_FREE_FAILURES && pair.last) wait = Math.max(wait, pair.last.getTime() + Math.min(1000 * 2 ** (pair.n - PAIR_FREE_FAILURES), MAX_WAIT_MS) - at);
  const since = new Date(at - SIGN_IN_WINDOW_MS);
  const spray = await failuresWhere(db, and(eq(signInAttempts.address, address), eq(signInAttempts.ok, false), gt(signInAttempts.createdAt, since)));
  if (spray.n >= SIGN_IN_LIMIT && spray.last) wait = Math.max(wait, spray.last.getTime() + SIGN_IN_WINDOW_MS - at);
  const familiar = lastOk && lastOk.at.getTime() > at - FAMILIAR_MS;
  if (!familiar) {
    const account = await failuresWhere(db, and(eq(signInAttempts.email, email), eq(signInAttempts.ok, false), gt(signInAttempts.createdAt, since)));
    if (account.n >= SIGN_IN_LIMIT && account.last) wait = Math.max(wait, account.last.getTime() + Math.min(15_000 * 2 ** (account.n - SIGN_IN_LIMIT), MAX_WAIT_MS) - at);
  }
  return Math.max(0, wait);
}

export async function checkSignIn({ db = database(), email, password, address, now = new Date() }: { db?: Db; email: string; password: string; address: string; now?: Date }): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase().slice(0, 320);
  // A refused try is not recorded, so waiting out the delay is always enough.
  if ((await signInWait({ db, email: normalized, address, now })) > 0) return { ok: false, reason: "limited" };
  const [user] = await db.select().from(users).where(eq(users.email, normalized));
  const valid = await verifyPassword({ password, hash: user ? user.passwordHash : await decoyHash() }).then((ok) => ok && !!user);
  await db.transaction((tx) => tx.insert(signInAttempts).values({ email: normalized, address, ok: valid, createdAt: now }));
  if (!user || !valid) return { ok: false, reason: "invalid" };
  if (user.disabled) return { ok: false, reason: "disabled" };
  return { ok: true, userId: user.id };
}
