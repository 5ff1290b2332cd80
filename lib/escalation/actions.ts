import { and, eq, ne, sql } from "drizzle-orm";
import { database, type Db, type Tx } from "@/db/client";
import { conversations, escalations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { requireConversation } from "@/lib/inbox/conversation";
import { recordChange } from "@/lib/realtime/record-change";
import { notify } from "@/lib/notifications/notify";
import { audienceUserIds, isActiveMember, levelAudience } from "./people";
import { markNotificationsRead } from "./resolve-on-reply";
import { raisedLevel } from "./sql";

export { resolveOnReply } from "./resolve-on-reply";

// What a manager does with an escalation (the queue is a manager's tool). Every function here
// authorizes the actor for the brand, is scoped to brandId, audited and recorded as a change.

export const MAX_LEVEL = 2;

type Args = { db?: Db; brandId: number; escalationId: number; actor: Principal; now?: number };
type Row = { id: number; conversationId: number; level: number; status: "open" | "acknowledged" | "resolved"; ownerId: number | null; preview: string };

async function load(tx: Tx, { brandId, escalationId }: { brandId: number; escalationId: number }): Promise<Row> {
  const [row] = await tx
    .select({ id: escalations.id, conversationId: escalations.conversationId, level: escalations.level, status: escalations.status, ownerId: escalations.ownerId, preview: conversations.preview })
    .from(escalations)
    .innerJoin(conversations, eq(conversations.id, escalations.conversationId))
    .where(and(eq(escalations.id, escalationId), eq(escalations.brandId, brandId)));
  if (!row) throw new AppError("not_found:escalation", "No such escalation.");
  if (row.status === "resolved") throw new AppError("conflict:escalation", "This escalation is already resolved.");
  return row;
}

const scoped = (brandId: number, id: number) => and(eq(escalations.id, id), eq(escalations.brandId, brandId));

async function changed(tx: Tx, { brandId, row, actor, now, data }: { brandId: number; row: Row; actor: Actor; now: number; data: unknown }) {
  await recordChange(tx, { brandId, kind: "escalation", objectId: row.id, conversationId: row.conversationId, userId: actor.userId, data, at: now });
}

const clip = (preview: string) => preview.replace(/\s+/g, " ").slice(0, 100);

/** Takes the escalation on: time to acknowledge is acknowledged_at − created_at. */
export async function acknowledgeEscalation({ db = database(), brandId, escalationId, actor: principal, now = Date.now() }: Args): Promise<void> {
  const actor = authorize({ actor: principal, brandId, needs: "manager" }).audit;
  await db.transaction(async (tx) => {
    const row = await load(tx, { brandId, escalationId });
    if (row.status !== "open") throw new AppError("conflict:escalation", "This escalation was already acknowledged.");
    const ownerId = row.ownerId ?? actor.userId;
    await tx.update(escalations).set({ status: "acknowledged", acknowledgedBy: actor.userId, acknowledgedAt: new Date(now), ownerId }).where(scoped(brandId, row.id));
    await recordAudit(tx, { actor, brandId, action: "escalation.acknowledge", objectType: "escalation", objectId: row.id, before: { status: row.status }, after: { status: "acknowledged", ownerId } });
    await changed(tx, { brandId, row, actor, now, data: { status: "acknowledged" } });
  });
}

/** Hands the escalation to one person of the brand, or to a level (1 managers, 2 admins) with no owner. */
export async function rerouteEscalation({ db = database(), brandId, escalationId, actor: principal, userId, level, now = Date.now() }: Args & { userId?: number; level?: number }): Promise<void> {
  const actor = authorize({ actor: principal, brandId, needs: "manager" }).audit;
  if ((userId == null) === (level == null)) throw new AppError("bad_request:target", "Re-route to one person or one level.");
  if (level != null && (level < 1 || level > MAX_LEVEL)) throw new AppError("bad_request:level", "Level 1 (managers) or 2 (admins).");
  await db.transaction(async (tx) => {
    const row = await load(tx, { brandId, escalationId });
    if (userId != null) {
      if (!(await isActiveMember(tx, brandId, userId))) throw new AppError("bad_request:user", "That person is not an active member of this brand.");
      await tx.update(escalations).set({ ownerId: userId }).where(scoped(brandId, row.id));
      await recordAudit(tx, { actor, brandId, action: "escalation.reroute", objectType: "escalation", objectId: row.id, before: { ownerId: row.ownerId }, after: { ownerId: userId } });
      if (userId !== actor.userId)
        await notify(tx, { brandId, userIds: [userId], kind: "escalation", text: (t) => t("notify.rerouted", { preview: clip(row.preview) }), conversationId: row.conversationId, escalationId: row.id, at: now });
    } else {
      await tx.update(escalations).set({ level, ownerId: null }).where(scoped(brandId, row.id));
      await raiseConversation(tx, { brandId, conversationId: row.conversationId, level: level!, now });
      await recordAudit(tx, { actor, brandId, action: "escalation.reroute", objectType: "escalation", objectId: row.id, before: { level: row.level, ownerId: row.ownerId }, after: { level, ownerId: null } });
      await notifyLevel(tx, { brandId, row, level: level!, actor, now, verb: "re-routed" });
    }
    await changed(tx, { brandId, row, actor, now, data: { userId, level } });
  });
}

/** One level up (managers → admins); returns the new level. */
export async function raiseEscalation({ db = database(), brandId, escalationId, actor: principal, now = Date.now() }: Args): Promise<number> {
  const actor = authorize({ actor: principal, brandId, needs: "manager" }).audit;
  return db.transaction(async (tx) => {
    const row = await load(tx, { brandId, escalationId });
    if (row.level >= MAX_LEVEL) throw new AppError("conflict:escalation", "This escalation is already at the highest level (admins).");
    const level = row.level + 1;
    await tx.update(escalations).set({ level }).where(scoped(brandId, row.id));
    await raiseConversation(tx, { brandId, conversationId: row.conversationId, level, now });
    await recordAudit(tx, { actor, brandId, action: "escalation.raise", objectType: "escalation", objectId: row.id, before: { level: row.level }, after: { level } });
    await notifyLevel(tx, { brandId, row, level, actor, now, verb: "raised" });
    await changed(tx, { brandId, row, actor, now, data: { level } });
    return level;
  });
}

/** Closes the escalation with what was done; resolving also counts as acknowledging it. */
export async function resolveEscalation({ db = database(), brandId, escalationId, actor: principal, note, now = Date.now() }: Args & { note: string }): Promise<void> {
  const actor = authorize({ actor: principal, brandId, needs: "manager" }).audit;
  const text = note.trim();
  if (!text) throw new AppError("bad_request:note", "Write what was done before resolving.");
  if (text.length > 2000) throw new AppError("bad_request:note", "A note is at most 2,000 characters.");
  await db.transaction(async (tx) => {
    const row = await load(tx, { brandId, escalationId });
    await tx
      .update(escalations)
      .set({
        status: "resolved",
        resolvedBy: actor.userId,
        resolvedAt: new Date(now),
        note: text,
        acknowledgedAt: sql`coalesce(${escalations.acknowledgedAt}, ${now})`,
        acknowledgedBy: sql`coalesce(${escalations.acknowledgedBy}, ${actor.userId})`,
        ownerId: sql`coalesce(${escalations.ownerId}, ${actor.userId})`,
      })
      .where(scoped(brandId, row.id));
    await markNotificationsRead(tx, { brandId, escalationId: row.id, now });
    await recordAudit(tx, { actor, brandId, action: "escalation.resolve", objectType: "escalation", objectId: row.id, before: { status: row.status }, after: { status: "resolved", note: text } });
    await changed(tx, { brandId, row, actor, now, data: { status: "resolved" } });
  });
}

/** A person escalates a conversation by hand (no rule); returns the escalation id. */
export async function escalateConversation({ db = database(), brandId, conversationId, level, reason, actor: principal, now = Date.now() }: { db?: Db; brandId: number; conversationId: number; level: number; reason: string; actor: Principal; now?: number }): Promise<number> {
  const actor = authorize({ actor: principal, brandId, needs: "manager" }).audit;
  if (level < 1 || level > MAX_LEVEL) throw new AppError("bad_request:level", "Level 1 (managers) or 2 (admins).");
  const why = reason.trim() || "Escalated by hand";
  return db.transaction(async (tx) => {
    const conversation = await requireConversation({ db: tx, brandId, id: conversationId });
    const [open] = await tx
      .select({ id: escalations.id })
      .from(escalations)
      .where(and(eq(escalations.conversationId, conversationId), eq(escalations.brandId, brandId), ne(escalations.status, "resolved")))
      .limit(1);
    if (open) throw new AppError("conflict:escalation", "This conversation already has an open escalation; raise or re-route it instead.");
    const [created] = await tx
      .insert(escalations)
      .values({ brandId, conversationId, level, reason: why.slice(0, 200), cues: [], status: "open", createdBy: actor.userId, createdAt: new Date(now) })
      .returning({ id: escalations.id });
    const id = created.id;
    await raiseConversation(tx, { brandId, conversationId, level, now });
    await recordAudit(tx, { actor, brandId, action: "escalation.create", objectType: "escalation", objectId: id, after: { level, reason: why, conversationId } });
    const row: Row = { id, conversationId, level, status: "open", ownerId: null, preview: conversation.preview };
    await notifyLevel(tx, { brandId, row, level, actor, now, verb: "escalated" });
    await changed(tx, { brandId, row, actor, now, data: { level, event: "escalation.created" } });
    return id;
  });
}

async function raiseConversation(tx: Tx, { brandId, conversationId, level, now }: { brandId: number; conversationId: number; level: number; now: number }) {
  await tx
    .update(conversations)
    .set({ escalationLevel: raisedLevel(conversations.escalationLevel, level), updatedAt: new Date(now) })
    .where(and(eq(conversations.id, conversationId), eq(conversations.brandId, brandId)));
  await recordChange(tx, { brandId, kind: "conversation", objectId: conversationId, conversationId, at: now });
}

async function notifyLevel(tx: Tx, { brandId, row, level, actor, now, verb }: { brandId: number; row: Row; level: number; actor: Actor; now: number; verb: "escalated" | "raised" | "re-routed" }) {
  const people = (await audienceUserIds(tx, { brandId, audience: levelAudience(level) })).filter((id) => id !== actor.userId);
  if (people.length)
    await notify(tx, { brandId, userIds: people, kind: "escalation", text: (t) => t(`notify.level.${verb}`, { level, preview: clip(row.preview) }), conversationId: row.conversationId, escalationId: row.id, at: now });
}
