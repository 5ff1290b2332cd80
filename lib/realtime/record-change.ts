import type { Tx } from "@/db/client";
import { bind, prepared } from "@/db/prepared";
import { changes } from "@/db/schema";
import { changeInserted, insertChanges, insertedChangeSeq, type ChangeRow } from "@/db/changes";
import { keptWrites } from "@/db/kept-writes";

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
      createdAt: bind("createdAt"),
      seq: insertedChangeSeq(tx),
    })
    .prepare();
}

// The stored row of a change: `data` as JSON text, the time now unless given.
function changeRow(change: Change, now: number): ChangeRow {
  return {
    brandId: change.brandId,
    kind: change.kind,
    objectId: change.objectId ?? null,
    conversationId: change.conversationId ?? null,
    userId: change.userId ?? null,
    data: change.data === undefined ? null : JSON.stringify(change.data),
    createdAt: change.at ?? now,
  };
}

// Appended in the same transaction as the write it describes; live pages tail this table in
// commit order (`seq`).
export async function recordChange(tx: Tx, change: Change): Promise<void> {
  const row = changeRow(change, Date.now());
  const kept = keptChanges.of(tx);
  if (kept) {
    kept.push(row);
    return;
  }
  const result = await prepared(tx, "realtime.change", prepareInsert).execute(row);
  changeInserted(tx, Number(result.lastInsertRowid));
}

/** Several changes of one transaction in one statement (an ingest batch's conversations). */
export async function recordChanges(tx: Tx, list: Change[]): Promise<void> {
  const now = Date.now();
  await insertChanges(tx, list.map((c) => changeRow(c, now)));
}

// A transaction's changes kept to be written together (an ingest batch's rules).
const keptChanges = keptWrites<ChangeRow>(insertChanges);

/** Runs `fn` with the transaction's changes kept and written in one statement at its end. */
export const keepingChanges = <T>(tx: Tx, fn: () => Promise<T>): Promise<T> => keptChanges.around(tx, fn);
