import { and, desc, eq, gt, lte, ne } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { memberships, presence, users } from "@/db/schema";
import { requireConversation } from "@/lib/inbox/conversation";
import { recordChange } from "@/lib/realtime/record-change";
import type { SessionUser } from "@/lib/auth/access";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";

export const PRESENCE_TTL_MS = 30_000;
// A typing heartbeat that is not renewed decays to viewing: a closed laptop never types forever.
export const TYPING_TTL_MS = 8_000;

export type PresenceState = "viewing" | "typing";
export type Viewer = { userId: number; name: string; state: PresenceState };

type Row = { state: PresenceState | "left"; at: Date; view?: string | null };

// One agent's page view of one conversation, as a heartbeat or a leave names it.
type Beat = { db?: Db; brandId: number; conversationId: number; userId: number; view?: string | null; now?: number };

function shown(row: Row | undefined, now: number): PresenceState | "gone" {
  if (!row || row.state === "left" || row.at.getTime() <= now - PRESENCE_TTL_MS) return "gone";
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
    .where(
      and(
        eq(presence.conversationId, conversationId),
        eq(presence.brandId, brandId),
        gt(presence.at, new Date(now - PRESENCE_TTL_MS)),
        ne(presence.state, "left"),
        ne(presence.userId, excludeUserId),
      ),
    )
    .orderBy(desc(presence.at));
  return rows.map((r) => ({ userId: r.userId, name: r.name, state: shown(r, now) as PresenceState }));
}

// A heartbeat: the change log is written only when what others see changes (arrive, start or
// stop typing), so a steady heartbeat costs one upsert and no live-page traffic.
// `view` names the page view that sends it: requests of one view may arrive out of order (a
// heartbeat still in flight when the tab navigates away), and one that arrives after that
// view's leave is stale.
// `alive`: the view itself proves it is open (its live stream connected again), so an earlier
// leave of that view does not hold.
export async function recordPresence({ db = database(), brandId, conversationId, userId, state, view = null, now = Date.now(), alive = false }: Beat & { state: PresenceState; alive?: boolean }): Promise<Viewer[]> {
  return db.transaction(async (tx) => {
    await requireConversation({ db: tx, brandId, id: conversationId });
    const [before] = await tx
      .select({ state: presence.state, at: presence.at, view: presence.view })
      .from(presence)
      .where(and(eq(presence.userId, userId), eq(presence.conversationId, conversationId)));
    const stale = !alive && view !== null && before?.state === "left" && before.view === view && shown({ ...before, state: "viewing" }, now) !== "gone";
    if (stale) return listPresence({ db: tx, brandId, conversationId, excludeUserId: userId, now });
    await tx
      .insert(presence)
      .values({ userId, conversationId, brandId, state, at: new Date(now), view })
      .onConflictDoUpdate({ target: [presence.userId, presence.conversationId], set: { brandId, state, at: new Date(now), view } });
    if (shown(before, now) !== state) await recordChange(tx, { brandId, kind: "presence", objectId: userId, conversationId, userId, data: { state }, at: now });
    // Expired rows go with the next heartbeat of their conversation or their user (both indexed).
    const expired = lte(presence.at, new Date(now - PRESENCE_TTL_MS));
    await tx.delete(presence).where(and(eq(presence.conversationId, conversationId), eq(presence.brandId, brandId), expired));
    await tx.delete(presence).where(and(eq(presence.userId, userId), eq(presence.brandId, brandId), expired));
    return listPresence({ db: tx, brandId, conversationId, excludeUserId: userId, now });
  });
}

// Leaving ends only the view that says so: when the same agent has the conversation open in
// another tab, or a remounted pane already announced itself, that newer view stays. The row
// becomes a tombstone of the view until it expires (see recordPresence).
export async function leavePresence({ db = database(), brandId, conversationId, userId, view = null, now = Date.now() }: Beat): Promise<void> {
  await db.transaction(async (tx) => {
    await requireConversation({ db: tx, brandId, id: conversationId });
    const mine = and(eq(presence.userId, userId), eq(presence.conversationId, conversationId), eq(presence.brandId, brandId));
    const [before] = await tx.select({ state: presence.state, at: presence.at, view: presence.view }).from(presence).where(mine);
    if (view === null) {
      if (!before) return;
      await tx.delete(presence).where(mine);
    } else {
      if (before && before.view !== null && before.view !== view && shown(before, now) !== "gone") return;
      await tx
        .insert(presence)
        .values({ userId, conversationId, brandId, state: "left", at: new Date(now), view })
        .onConflictDoUpdate({ target: [presence.userId, presence.conversationId], set: { brandId, state: "left", at: new Date(now), view } });
      if (!before) return;
    }
    if (shown(before, now) !== "gone") await recordChange(tx, { brandId, kind: "presence", objectId: userId, conversationId, userId, data: { state: "left" }, at: now });
  });
}

const STREAM_VIEW = /^(\d{1,15})\.(\d{1,15})\.([A-Za-z0-9-]{8,64})$/;

/**
 * The page view a live stream belongs to (`brandId.conversationId.view`, from the stream's
 * `presence` parameter): the stream's end is the view's leave, since a closed tab, a lost
 * connection or a navigation that cut the page's own leave request off all end it; a stream that
 * connects again brings the view back. Null when the stream names no view.
 */
export function streamPresence({ db = database(), param, user }: { db?: Db; param: string | null; user: SessionUser }): { arrive(): Promise<void>; leave(): Promise<void> } | null {
  if (param == null) return null;
  const match = STREAM_VIEW.exec(param);
  if (!match) throw new AppError("bad_request:presence", "presence: brandId.conversationId.view expected");
  const [brandId, conversationId] = [Number(match[1]), Number(match[2])];
  const view = match[3];
  authorize({ actor: { kind: "member", user }, brandId, needs: "agent" });
  let left = false;
  return {
    arrive: async () => {
      await recordPresence({ db, brandId, conversationId, userId: user.id, state: "viewing", view, alive: true });
    },
    leave: async () => {
      if (left) return;
      left = true;
      await leavePresence({ db, brandId, conversationId, userId: user.id, view });
    },
  };
}
