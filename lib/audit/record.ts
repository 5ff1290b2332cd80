import type { Tx } from "@/db/client";
import { bind, prepared } from "@/db/prepared";
import { auditLog } from "@/db/schema";

export type Actor = { userId: number | null; label: string };

export const cliActor: Actor = { userId: null, label: "cli" };

// Written with most changes, several times per escalation: prepared once per connection.
function prepareInsert(tx: Tx) {
  return tx
    .insert(auditLog)
    .values({
      actor: bind("actor"),
      userId: bind("userId"),
      brandId: bind("brandId"),
      action: bind("action"),
      objectType: bind("objectType"),
      objectId: bind("objectId"),
      before: bind("before"),
      after: bind("after"),
    })
    .prepare();
}

// The JSON columns as drizzle stores them: SQL NULL for none, else the JSON text.
const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

// Append-only: written in the same transaction as the change it records.
export async function recordAudit(
  tx: Tx,
  entry: {
    actor: Actor;
    brandId: number | null;
    action: string;
    objectType: string;
    objectId: string | number | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await prepared(tx, "audit.insert", prepareInsert).execute({
    actor: entry.actor.label,
    userId: entry.actor.userId ?? null,
    brandId: entry.brandId ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId == null ? null : String(entry.objectId),
    before: json(entry.before),
    after: json(entry.after),
  });
}
