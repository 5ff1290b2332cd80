import type Database from "better-sqlite3";
import { recordAudit } from "@/lib/audit/record";
import { recordChange } from "@/lib/realtime/record-change";
import { dbFor, prepared } from "./sql";

export const REPLY_NOTE = "Resolved by a reply in the conversation.";

/**
 * A person's reply answers the escalation: its open escalations are resolved in the reply's
 * transaction. A reply before anyone acknowledged also counts as the acknowledgement, so time
 * to acknowledge is never left open on answered escalations. Their notifications are marked read.
 */
export function resolveOnReply(sqlite: Database.Database, { brandId, conversationId, messageId, userId, now }: { brandId: number; conversationId: number; messageId: number; userId: number | null; now: number }): number {
  const open = prepared(sqlite, "SELECT id, status FROM escalations WHERE conversation_id = ? AND brand_id = ? AND status != 'resolved'").all(conversationId, brandId) as { id: number; status: string }[];
  if (open.length === 0) return 0;
  const actor = userId != null ? { userId, label: userLabel(sqlite, userId) } : { userId: null, label: "system:reply" };
  for (const e of open) {
    prepared(
      sqlite,
      `UPDATE escalations SET status = 'resolved', resolved_by = ?, resolved_at = ?, note = ?,
         acknowledged_at = coalesce(acknowledged_at, ?), acknowledged_by = coalesce(acknowledged_by, ?) WHERE id = ?`,
    ).run(userId, now, REPLY_NOTE, now, userId, e.id);
    markNotificationsRead(sqlite, e.id, now);
    recordAudit(dbFor(sqlite), { actor, brandId, action: "escalation.resolve", objectType: "escalation", objectId: e.id, before: { status: e.status }, after: { status: "resolved", note: REPLY_NOTE, messageId, auto: true } });
    recordChange(sqlite, { brandId, kind: "escalation", objectId: e.id, conversationId, userId, data: { status: "resolved" }, at: now });
  }
  return open.length;
}

export function userLabel(sqlite: Database.Database, userId: number): string {
  return (prepared(sqlite, "SELECT email FROM users WHERE id = ?").get(userId) as { email: string } | undefined)?.email ?? `user ${userId}`;
}

// A resolved escalation needs nobody any more; its bell entries stop counting as unread.
export function markNotificationsRead(sqlite: Database.Database, escalationId: number, now: number): void {
  const rows = prepared(sqlite, "SELECT id, user_id, brand_id FROM notifications WHERE escalation_id = ? AND read_at IS NULL").all(escalationId) as {
    id: number;
    user_id: number;
    brand_id: number;
  }[];
  for (const row of rows) {
    prepared(sqlite, "UPDATE notifications SET read_at = ? WHERE id = ?").run(now, row.id);
    recordChange(sqlite, { brandId: row.brand_id, kind: "notification", objectId: row.id, userId: row.user_id, at: now });
  }
}
