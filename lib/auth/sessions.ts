import crypto from "node:crypto";
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { database, type Db, type Tx } from "@/db/client";
import { prepared } from "@/db/prepared";
import { sessions, users } from "@/db/schema";

// A session ends after 12 hours without a request, and after 7 days whatever happens, so a
// copied cookie cannot be kept alive by renewing it.
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
// lastSeenAt is written at most this often per session: one write a minute, not one a request.
const TOUCH_MS = 60 * 1000;

export type SessionRow = typeof sessions.$inferSelect;
export type SessionSummary = Pick<SessionRow, "id" | "userAgent" | "address" | "createdAt" | "lastSeenAt">;

export async function startSession({ db = database(), userId, userAgent = "", address = "", now = new Date() }: { db?: Db; userId: number; userAgent?: string; address?: string; now?: Date }): Promise<string> {
  const id = crypto.randomBytes(24).toString("base64url");
  await db.transaction((tx) =>
    tx.insert(sessions).values({ id, userId, userAgent: userAgent.slice(0, 300), address: address.slice(0, 100), createdAt: now, lastSeenAt: now }),
  );
  return id;
}

function live(row: SessionRow | undefined, userId: number, now: Date): row is SessionRow {
  if (!row || row.userId !== userId || row.endedAt) return false;
  return now.getTime() - row.lastSeenAt.getTime() < SESSION_IDLE_MS && now.getTime() - row.createdAt.getTime() < SESSION_MAX_MS;
}

// Read on every request: prepared once per connection.
const prepareSession = (db: Db) =>
  db
    .select({ session: sessions, disabled: users.disabled })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("sessionId")))
    .prepare();

/** Whether the session is still open for this user (an active account); counts as activity. */
export async function checkSession({ db = database(), sessionId, userId, now = new Date() }: { db?: Db; sessionId: string; userId: number; now?: Date }): Promise<boolean> {
  const [row] = await prepared(db, "auth.session", prepareSession).execute({ sessionId });
  if (!row || row.disabled || !live(row.session, userId, now)) return false;
  if (now.getTime() - row.session.lastSeenAt.getTime() >= TOUCH_MS)
    await db.transaction((tx) => tx.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt))));
  return true;
}

export async function endSession({ db = database(), sessionId, now = new Date() }: { db?: Db; sessionId: string; now?: Date }): Promise<void> {
  await db.transaction((tx) => tx.update(sessions).set({ endedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt))));
}

/** Ends every open session of a user, except the one named (the person changing their own password keeps theirs). */
export async function endUserSessions(tx: Tx, { userId, except, now = new Date() }: { userId: number; except?: string; now?: Date }): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), except ? ne(sessions.id, except) : undefined))
    .returning({ id: sessions.id });
  return ended.length;
}

export async function listOpenSessions({ db = database(), userId, now = new Date() }: { db?: Db; userId: number; now?: Date }): Promise<SessionSummary[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(200);
  return rows
    .filter((r) => live(r, userId, now))
    .map(({ id, userAgent, address, createdAt, lastSeenAt }) => ({ id, userAgent, address, createdAt, lastSeenAt }));
}

/** Signs the user out of one of their own sessions (another device) from the account page. */
export async function endOwnSession({ db = database(), userId, sessionId, now = new Date() }: { db?: Db; userId: number; sessionId: string; now?: Date }): Promise<boolean> {
  const ended = await db.transaction((tx) =>
    tx
      .update(sessions)
      .set({ endedAt: now })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.endedAt)))
      .returning({ id: sessions.id }),
  );
  return ended.length > 0;
}

export async function endAllOwnSessions({ db = database(), userId, now = new Date() }: { db?: Db; userId: number; now?: Date }): Promise<number> {
  return db.transaction((tx) => endUserSessions(tx, { userId, now }));
}
