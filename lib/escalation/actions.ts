import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { recordChange } from "@/lib/realtime/record-change";
import { notify } from "@/lib/notifications/notify";
import { audienceUserIds, isActiveMember, levelAudience } from "./people";
import { markNotificationsRead } from "./resolve-on-reply";

export { resolveOnReply } from "./resolve-on-reply";

// What a manager does with an escalation. Callers check the role and the brand membership;
// every function here is scoped to brandId, audited and recorded as a change.

export const MAX_LEVEL = 2;

type Args = { db: Db; brandId: number; escalationId: number; actor: Actor; now?: number };
type Row = { id: number; conversation_id: number; level: number; status: "open" | "acknowledged" | "resolved"; owner_id: number | null; preview: string };

function load(sqlite: Database.Database, { brandId, escalationId }: { brandId: number; escalationId: number }): Row {
  const row = sqlite
    .prepare(
      `SELECT e.id, e.conversation_id, e.level, e.status, e.owner_id, c.preview FROM escalations e JOIN conversations c ON c.id = e.conversation_id
        WHERE e.id = ? AND e.brand_id = ?`,
    )
    .get(escalationId, brandId) as Row | undefined;
  if (!row) throw new AppError("not_found:escalation", "No such escalation.");
  if (row.status === "resolved") throw new AppError("conflict:escalation", "This escalation is already resolved.");
  return row;
}

function changed(sqlite: Database.Database, { brandId, row, actor, now, data }: { brandId: number; row: Row; actor: Actor; now: number; data: unknown }) {
  recordChange(sqlite, { brandId, kind: "escalation", objectId: row.id, conversationId: row.conversation_id, userId: actor.userId, data, at: now });
}

const quote = (preview: string) => `“${preview.replace(/\s+/g, " ").slice(0, 100)}”`;

/** Takes the escalation on: time to acknowledge is acknowledged_at − created_at. */
export function acknowledgeEscalation({ db, brandId, escalationId, actor, now = Date.now() }: Args): void {
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const row = load(sqlite, { brandId, escalationId });
    if (row.status !== "open") throw new AppError("conflict:escalation", "This escalation was already acknowledged.");
    const ownerId = row.owner_id ?? actor.userId;
    sqlite.prepare("UPDATE escalations SET status = 'acknowledged', acknowledged_by = ?, acknowledged_at = ?, owner_id = ? WHERE id = ?").run(actor.userId, now, ownerId, row.id);
    recordAudit(db, { actor, brandId, action: "escalation.acknowledge", objectType: "escalation", objectId: row.id, before: { status: row.status }, after: { status: "acknowledged", ownerId } });
    changed(sqlite, { brandId, row, actor, now, data: { status: "acknowledged" } });
  }).immediate();
}

/** Hands the escalation to one person of the brand, or to a level (1 managers, 2 admins) with no owner. */
export function rerouteEscalation({ db, brandId, escalationId, actor, userId, level, now = Date.now() }: Args & { userId?: number; level?: number }): void {
  if ((userId == null) === (level == null)) throw new AppError("bad_request:target", "Re-route to one person or one level.");
  if (level != null && (level < 1 || level > MAX_LEVEL)) throw new AppError("bad_request:level", "Level 1 (managers) or 2 (admins).");
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const row = load(sqlite, { brandId, escalationId });
    if (userId != null) {
      if (!isActiveMember(sqlite, brandId, userId)) throw new AppError("bad_request:user", "That person is not an active member of this brand.");
      sqlite.prepare("UPDATE escalations SET owner_id = ? WHERE id = ?").run(userId, row.id);
      recordAudit(db, { actor, brandId, action: "escalation.reroute", objectType: "escalation", objectId: row.id, before: { ownerId: row.owner_id }, after: { ownerId: userId } });
      if (userId !== actor.userId)
        notify(sqlite, { brandId, userIds: [userId], kind: "escalation", text: `Escalation re-routed to you: ${quote(row.preview)}`, conversationId: row.conversation_id, escalationId: row.id, at: now });
    } else {
      sqlite.prepare("UPDATE escalations SET level = ?, owner_id = NULL WHERE id = ?").run(level, row.id);
      raiseConversation(sqlite, row.conversation_id, level!, now);
      recordAudit(db, { actor, brandId, action: "escalation.reroute", objectType: "escalation", objectId: row.id, before: { level: row.level, ownerId: row.owner_id }, after: { level, ownerId: null } });
      notifyLevel(sqlite, { brandId, row, level: level!, actor, now, verb: "re-routed" });
    }
    changed(sqlite, { brandId, row, actor, now, data: { userId, level } });
  }).immediate();
}

/** One level up (managers → admins); returns the new level. */
export function raiseEscalation({ db, brandId, escalationId, actor, now = Date.now() }: Args): number {
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const row = load(sqlite, { brandId, escalationId });
    if (row.level >= MAX_LEVEL) throw new AppError("conflict:escalation", "This escalation is already at the highest level (admins).");
    const level = row.level + 1;
    sqlite.prepare("UPDATE escalations SET level = ? WHERE id = ?").run(level, row.id);
    raiseConversation(sqlite, row.conversation_id, level, now);
    recordAudit(db, { actor, brandId, action: "escalation.raise", objectType: "escalation", objectId: row.id, before: { level: row.level }, after: { level } });
    notifyLevel(sqlite, { brandId, row, level, actor, now, verb: "raised" });
    changed(sqlite, { brandId, row, actor, now, data: { level } });
    return level;
  }).immediate();
}

/** Closes the escalation with what was done; resolving also counts as acknowledging it. */
export function resolveEscalation({ db, brandId, escalationId, actor, note, now = Date.now() }: Args & { note: string }): void {
  const text = note.trim();
  if (!text) throw new AppError("bad_request:note", "Write what was done before resolving.");
  if (text.length > 2000) throw new AppError("bad_request:note", "A note is at most 2,000 characters.");
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const row = load(sqlite, { brandId, escalationId });
    sqlite
      .prepare(
        `UPDATE escalations SET status = 'resolved', resolved_by = ?, resolved_at = ?, note = ?,
           acknowledged_at = coalesce(acknowledged_at, ?), acknowledged_by = coalesce(acknowledged_by, ?), owner_id = coalesce(owner_id, ?) WHERE id = ?`,
      )
      .run(actor.userId, now, text, now, actor.userId, actor.userId, row.id);
    markNotificationsRead(sqlite, row.id, now);
    recordAudit(db, { actor, brandId, action: "escalation.resolve", objectType: "escalation", objectId: row.id, before: { status: row.status }, after: { status: "resolved", note: text } });
    changed(sqlite, { brandId, row, actor, now, data: { status: "resolved" } });
  }).immediate();
}

/** A person escalates a conversation by hand (no rule); returns the escalation id. */
export function escalateConversation({ db, brandId, conversationId, level, reason, actor, now = Date.now() }: { db: Db; brandId: number; conversationId: number; level: number; reason: string; actor: Actor; now?: number }): number {
  if (level < 1 || level > MAX_LEVEL) throw new AppError("bad_request:level", "Level 1 (managers) or 2 (admins).");
  const why = reason.trim() || "Escalated by hand";
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const conversation = sqlite.prepare("SELECT id, preview FROM conversations WHERE id = ? AND brand_id = ?").get(conversationId, brandId) as { id: number; preview: string } | undefined;
    if (!conversation) throw new AppError("not_found:conversation");
    if (sqlite.prepare("SELECT 1 FROM escalations WHERE conversation_id = ? AND status != 'resolved'").get(conversationId))
      throw new AppError("conflict:escalation", "This conversation already has an open escalation; raise or re-route it instead.");
    const id = Number(
      sqlite
        .prepare("INSERT INTO escalations (brand_id, conversation_id, level, reason, cues, status, created_by, created_at) VALUES (?, ?, ?, ?, '[]', 'open', ?, ?)")
        .run(brandId, conversationId, level, why.slice(0, 200), actor.userId, now).lastInsertRowid,
    );
    raiseConversation(sqlite, conversationId, level, now);
    recordAudit(db, { actor, brandId, action: "escalation.create", objectType: "escalation", objectId: id, after: { level, reason: why, conversationId } });
    const row: Row = { id, conversation_id: conversationId, level, status: "open", owner_id: null, preview: conversation.preview };
    notifyLevel(sqlite, { brandId, row, level, actor, now, verb: "escalated" });
    changed(sqlite, { brandId, row, actor, now, data: { level, event: "escalation.created" } });
    return id;
  }).immediate();
}

function raiseConversation(sqlite: Database.Database, conversationId: number, level: number, now: number) {
  sqlite.prepare("UPDATE conversations SET escalation_level = max(escalation_level, ?), updated_at = ? WHERE id = ?").run(level, now, conversationId);
  recordChange(sqlite, { brandId: (sqlite.prepare("SELECT brand_id FROM conversations WHERE id = ?").get(conversationId) as { brand_id: number }).brand_id, kind: "conversation", objectId: conversationId, conversationId, at: now });
}

function notifyLevel(sqlite: Database.Database, { brandId, row, level, actor, now, verb }: { brandId: number; row: Row; level: number; actor: Actor; now: number; verb: string }) {
  const people = audienceUserIds(sqlite, { brandId, audience: levelAudience(level) }).filter((id) => id !== actor.userId);
  if (people.length)
    notify(sqlite, { brandId, userIds: people, kind: "escalation", text: `Escalation ${verb} to level ${level}: ${quote(row.preview)}`, conversationId: row.conversation_id, escalationId: row.id, at: now });
}
