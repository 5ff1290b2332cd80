import type Database from "better-sqlite3";
import { recordChange } from "@/lib/realtime/record-change";

export type NotificationKind = "escalation" | "mention" | "sla_breach" | "brand_alert" | "assignment";

export type NewNotification = {
  brandId: number;
  userIds: number[];
  kind: NotificationKind;
  text: string;
  conversationId?: number | null;
  escalationId?: number | null;
  at?: number;
};

const statements = new WeakMap<Database.Database, Database.Statement>();

// In-app notifications; call inside the transaction of the write that causes them so the bell and the write agree.
export function notify(sqlite: Database.Database, n: NewNotification): number[] {
  let insert = statements.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare(
      "INSERT INTO notifications (user_id, brand_id, kind, conversation_id, escalation_id, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    statements.set(sqlite, insert);
  }
  const at = n.at ?? Date.now();
  const ids: number[] = [];
  for (const userId of new Set(n.userIds)) {
    const id = Number(insert.run(userId, n.brandId, n.kind, n.conversationId ?? null, n.escalationId ?? null, n.text, at).lastInsertRowid);
    ids.push(id);
    recordChange(sqlite, { brandId: n.brandId, kind: "notification", objectId: id, conversationId: n.conversationId ?? null, userId, at });
  }
  return ids;
}
