import type { Tx } from "@/db/client";
import { bind, prepared } from "@/db/prepared";
import { changes } from "@/db/schema";
import { changeInserted, insertChanges, insertedChangeSeq } from "@/db/changes";

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

// Written for nearly every ingested message: prepared once per connection.
function prepareInsert(tx: Tx) {
  return tx
    .insert(changes)
    .values({
      brandId: bind("brandId"),
      kind: bind("kind"),
      objectId: bind("objectId"),
      conversationId: bind("conversationId"),
      userId: bind("userId"),
      data: bind("data"),
      createdAt: bind("at"),
      seq: insertedChangeSeq(tx),
    })
    .prepare();
}

// Appended in the same transaction as the write it describes; live pages tail this table in
// commit order (`seq`).
export async function recordChange(tx: Tx, change: Change): Promise<void> {
  const kept = keptChanges.get(tx);
  if (kept) {
    kept.push({ ...change, at: change.at ?? Date.now() });
    return;
  }
  const result = await prepared(tx, "realtime.change", prepareInsert).execute({
    brandId: change.brandId,
    kind: change.kind,
    objectId: change.objectId ?? null,
    conversationId: change.conversationId ?? null,
    userId: change.userId ?? null,
    data: change.data === undefined ? null : JSON.stringify(change.data),
    at: change.at ?? Date.now(),
  });
  changeInserted(tx, Number(result.lastInsertRowid));
}

/** Several changes of one transaction in one statement (an ingest batch's conversations). */
export async function recordChanges(tx: Tx, list: Change[]): Promise<void> {
  const at = Date.now();
  await insertChanges(
    tx,
    list.map((c) => ({
      brandId: c.brandId,
      kind: c.kind,
      objectId: c.objectId ?? null,
      conversationId: c.conversationId ?? null,
      userId: c.userId ?? null,
      data: c.data === undefined ? null : JSON.stringify(c.data),
      createdAt: c.at ?? at,
    })),
  );
}

// A transaction's changes kept to be written together (an ingest batch's rules). One process runs
// one transaction at a time on either engine, so the handle names this one while it runs.
const keptChanges = new WeakMap<object, Change[]>();

/** Runs `fn` with the transaction's changes kept and written in one statement at its end. */
export async function keepingChanges<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  const kept: Change[] = [];
  keptChanges.set(tx, kept);
  try {
    const result = await fn();
    keptChanges.delete(tx);
    await recordChanges(tx, kept);
    return result;
  } finally {
    keptChanges.delete(tx);
  }
}
