import { and, eq, gt, count } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { signInAttempts, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "./password";

// An unknown e-mail is checked against this hash, so it costs the same scrypt work as a wrong
// password and the answer time does not tell which accounts exist.
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword("replyhour-decoy-password-0"));

export const SIGN_IN_LIMIT = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export type SignInResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" | "limited" | "disabled" };

async function failures({ db, column, value, since }: { db: Db; column: typeof signInAttempts.email | typeof signInAttempts.address; value: string; since: Date }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(column, value), eq(signInAttempts.ok, false), gt(signInAttempts.createdAt, since)));
  return row?.n ?? 0;
}

// Failed attempts are counted per account and per address, in the database so every process agrees.
export async function checkSignIn({ db = database(), email, password, address, now = new Date() }: { db?: Db; email: string; password: string; address: string; now?: Date }): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase().slice(0, 320);
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  if (
    (await failures({ db, column: signInAttempts.email, value: normalized, since })) >= SIGN_IN_LIMIT ||
    (await failures({ db, column: signInAttempts.address, value: address, since })) >= SIGN_IN_LIMIT
  )
    return { ok: false, reason: "limited" };
  const [user] = await db.select().from(users).where(eq(users.email, normalized));
  const valid = await verifyPassword({ password, hash: user ? user.passwordHash : await decoyHash() }).then((ok) => ok && !!user);
  await db.transaction((tx) => tx.insert(signInAttempts).values({ email: normalized, address, ok: valid, createdAt: now }));
  if (!user || !valid) return { ok: false, reason: "invalid" };
  if (user.disabled) return { ok: false, reason: "disabled" };
  return { ok: true, userId: user.id };
}
