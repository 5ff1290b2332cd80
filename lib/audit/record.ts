import type { Tx } from "@/db/client";
import { insertValues } from "@/db/bulk";
import { keptWrites } from "@/db/kept-writes";
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
  const row = {
    actor: entry.actor.label,
    userId: entry.actor.userId ?? null,
    brandId: entry.brandId ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId == null ? null : String(entry.objectId),
    before: json(entry.before),
    after: json(entry.after),
  };
  const kept = keptAudits.of(tx);
  if (kept) kept.push({ row, after: entry.after });
  else await prepared(tx, "audit.insert", prepareInsert).execute(row);
}

type KeptAudit = { row: Record<(typeof AUDIT_KEYS)[number], unknown>; after: unknown };
const AUDIT_KEYS = ["actor", "userId", "brandId", "action", "objectType", "objectId", "before", "after"] as const;

const keptAudits = keptWrites<KeptAudit>((tx, kept) => insertValues(tx, auditLog, [...AUDIT_KEYS], kept.map((k) => AUDIT_KEYS.map((key) => k.row[key]))));

/** Runs `fn` with the transaction's audit entries kept and written in one statement at its end. */
export const keepingAudits = <T>(tx: Tx, fn: () => Promise<T>): Promise<T> => keptAudits.around(tx, fn);

/** Entries of this transaction not written yet that match `test` (their `after` as given). */
export function keptAudit(tx: Tx, test: (entry: { action: string; objectType: string; objectId: unknown; after: unknown }) => boolean): boolean {
  return keptAudits.of(tx)?.some((k) => test({ action: k.row.action as string, objectType: k.row.objectType as string, objectId: k.row.objectId, after: k.after })) ?? false;
}
