import { and, desc, eq, gt, lte, ne } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { memberships, presence, users } from "@/db/schema";
import { requireConversation } from "@/lib/inbox/conversation";
import { recordChange } from "@/lib/realtime/record-change";

export const PRESENCE_TTL_MS = 30_000;
// A typing heartbeat that is not renewed decays to viewing: a closed laptop never types forever.
export const TYPING_TTL_MS = 8_000;

export type PresenceState = "viewing" | "typing";
export type Viewer = { userId: number; name: string; state: PresenceState };

type Row = { state: PresenceState; at: Date };

function shown(row: Row | undefined, now: number): PresenceState | "gone" {
  if (!row || row.at.getTime() <= now - PRESENCE_TTL_MS) return "gone";
  return row.state === "typing" && row.at.getTime() <= now - TYPING_TTL_MS ? "viewing" : row.state;
}

// Who else has this conversation open now, as seen by `userId`.
export async function listPresence({ db = database(), brandId, conversationId, excludeUserId, now = Date.now() }: { db?: Db; brandId: number; conversationId: number; excludeUserId: number; now?: number }): Promise<Viewer[]> {
  await requireConversation({ db, brandId, id: conversationId });
  const rows = await db
    .select({ userId: presence.userId, name: users.name, state: presence.state, at: presence.at })
    .from(presence)
    .innerJoin(users, and(eq(users.id, presence.userId), eq(users.disabled, false)))
    .innerJoin(memberships, and(eq(memberships.userId, presence.userId), eq(memberships.brandId, presence.brandId)))
    .where(and(eq(presence.conversationId, conversationId), eq(presence.brandId, brandId), gt(presence.at, new Date(now - PRESENCE_TTL_MS)), ne(presence.userId, excludeUserId)))
    .orderBy(desc(presence.at));
  return rows.map((r) => ({ userId: r.userId, name: r.name, state: shown(r, now) as PresenceState }));
}

// A heartbeat: the change log is written only when what others see changes (arrive, start or
// stop typing), so a steady heartbeat costs one upsert and no live-page traffic.
export async function recordPresence({
  db = database(),
  brandId,
  conversationId,
  userId,
  state,
  now = Date.now(),
}: {
  db?: Db;
  brandId: number;
  conversationId: number;
  userId: number;
  state: PresenceState;
  now?: number;
}): Promise<Viewer[]> {
  return db.transaction(async (tx) => {
    await requireConversation({ db: tx, brandId, id: conversationId });
    const [before] = await tx
      .select({ state: presence.state, at: presence.at })
      .from(presence)
      .where(and(eq(presence.userId, userId), eq(presence.conversationId, conversationId)));
    await tx
      .insert(presence)
      .values({ userId, conversationId, brandId, state, at: new Date(now) })
      .onConflictDoUpdate({ target: [presence.userId, presence.conversationId], set: { brandId, state, at: new Date(now) } });
    if (shown(before, now) !== state) await recordChange(tx, { brandId, kind: "presence", objectId: userId, conversationId, userId, data: { state }, at: now });
    // Expired rows go with the next heartbeat of their conversation or their user (both indexed).
    const expired = lte(presence.at, new Date(now - PRESENCE_TTL_MS));
    await tx.delete(presence).where(and(eq(presence.conversationId, conversationId), eq(presence.brandId, brandId), expired));
    await tx.delete(presence).where(and(eq(presence.userId, userId), eq(presence.brandId, brandId), expired));
    return listPresence({ db: tx, brandId, conversationId, excludeUserId: userId, now });
  });
}

export async function leavePresence({ db = database(), brandId, conversationId, userId, now = Date.now() }: { db?: Db; brandId: number; conversationId: number; userId: number; now?: number }): Promise<void> {
  await db.transaction(async (tx) => {
    await requireConversation({ db: tx, brandId, id: conversationId });
    const mine = and(eq(presence.userId, userId), eq(presence.conversationId, conversationId), eq(presence.brandId, brandId));
    const [before] = await tx.select({ state: presence.state, at: presence.at }).from(presence).where(mine);
    if (!before) return;
    await tx.delete(presence).where(mine);
    if (shown(before, now) !== "gone") await recordChange(tx, { brandId, kind: "presence", objectId: userId, conversationId, userId, data: { state: "left" }, at: now });
  });
}
