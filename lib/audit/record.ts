import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";

type Tx = Pick<Db, "insert">;

export type Actor = { userId: number | null; label: string };

export const cliActor: Actor = { userId: null, label: "cli" };

const statements = new WeakMap<object, { run: (...args: unknown[]) => unknown }>();

// On a plain connection the insert is one cached prepared statement (it runs on the ingest hot
// path, for every rule that fires); inside a drizzle transaction it goes through drizzle.
function preparedInsert(tx: Tx) {
  const client = (tx as { $client?: { prepare: (sql: string) => { run: (...args: unknown[]) => unknown } } }).$client;
  if (!client) return null;
  let statement = statements.get(client);
  if (!statement) {
    statement = client.prepare(
      "INSERT INTO audit_log (actor, user_id, brand_id, action, object_type, object_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    statements.set(client, statement);
  }
  return statement;
}

export function recordAudit(
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
): void {
  const statement = preparedInsert(tx);
  if (statement) {
    const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
    statement.run(
      entry.actor.label,
      entry.actor.userId,
      entry.brandId,
      entry.action,
      entry.objectType,
      entry.objectId == null ? null : String(entry.objectId),
      json(entry.before),
      json(entry.after),
    );
    return;
  }
  tx.insert(auditLog)
    .values({
      actor: entry.actor.label,
      userId: entry.actor.userId,
      brandId: entry.brandId,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId == null ? null : String(entry.objectId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}
