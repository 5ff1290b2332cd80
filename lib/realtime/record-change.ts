import type Database from "better-sqlite3";

export type ChangeKind = "conversation" | "message" | "escalation" | "notification" | "presence" | "brand";

export type Change = {
  brandId: number;
  kind: ChangeKind;
  objectId?: number | null;
  conversationId?: number | null;
  userId?: number | null;
  data?: unknown;
  at?: number;
};

const statements = new WeakMap<Database.Database, Database.Statement>();

// Appended in the same transaction as the write it describes; live pages tail this table.
export function recordChange(sqlite: Database.Database, change: Change): void {
  let insert = statements.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare(
      "INSERT INTO changes (brand_id, kind, object_id, conversation_id, user_id, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    statements.set(sqlite, insert);
  }
  insert.run(
    change.brandId,
    change.kind,
    change.objectId ?? null,
    change.conversationId ?? null,
    change.userId ?? null,
    change.data === undefined ? null : JSON.stringify(change.data),
    change.at ?? Date.now(),
  );
}
