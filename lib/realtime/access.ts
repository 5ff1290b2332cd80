import { eq } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { checkSession } from "@/lib/auth/sessions";

/**
 * The brands an open live stream may still show: re-read on every tick, so sign-out, a password
 * reset, deactivation, session expiry or removal from a brand stops delivery at once.
 * Null when the session has ended.
 */
export async function streamBrands({ db = database(), sessionId, userId, now = new Date() }: { db?: Db; sessionId: string; userId: number; now?: Date }): Promise<number[] | null> {
  if (!(await checkSession({ db, sessionId, userId, now }))) return null;
  const rows = await db.select({ brandId: memberships.brandId }).from(memberships).where(eq(memberships.userId, userId));
  return rows.map((r) => r.brandId);
}
