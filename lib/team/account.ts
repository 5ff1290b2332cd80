import { eq } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/password";
import { setPassword } from "./users";
import { acceptHomeInvitation } from "./invitations";

/**
 * "Change my password": the current password proves it is the person, not a borrowed screen.
 * Every other session of theirs ends; the one they are using stays.
 */
export async function changeOwnPassword({ db = database(), userId, sessionId, current, next }: { db?: Db; userId: number; sessionId: string; current: string; next: string }): Promise<void> {
  const [user] = await db.select({ passwordHash: users.passwordHash, email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError("not_found:user");
  if (!(await verifyPassword({ password: current, hash: user.passwordHash }))) throw new AppError("bad_request:password", "The current password is not right.");
  if (current === next) throw new AppError("bad_request:password", "Choose a password different from the current one.");
  await setPassword({ db, userId, password: next, mustChangePassword: false, keepSessionId: sessionId, actor: { userId, label: user.email } });
  await acceptHomeInvitation({ db, userId });
}
