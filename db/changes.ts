import { sql, type SQL } from "drizzle-orm";
import { insertValues, reserveIds } from "./bulk";
import { engineOf, type Db, type Tx } from "./client";
import { listenForChanges, sequenceAtCommit } from "./postgres/changes";
import { changes } from "./schema";

// The change log's commit order (`changes.seq`) and how tails learn of new changes, per engine.
// SQLite has one writer at a time, so a change takes the next number as it is inserted; on
// PostgreSQL the number is given at COMMIT (db/postgres/changes.ts).

/** The value `seq` is inserted with. */
export function insertedChangeSeq(tx: Tx): SQL {
  return engineOf(tx).kind === "postgres" ? sql`null` : sql`(SELECT coalesce(max("seq"), 0) + 1 FROM "changes")`;
}

/** Called with the id of each change row inserted: on PostgreSQL it is numbered at COMMIT. */
export function changeInserted(tx: Tx, id: number): void {
  const engine = engineOf(tx);
  if (engine.kind === "postgres") sequenceAtCommit(engine, id);
}

/** A change as stored: `data` is JSON text, `createdAt` ms since the epoch. */
export type ChangeRow = { brandId: number; kind: string; objectId: number | null; conversationId: number | null; userId: number | null; data: string | null; createdAt: number };

const CHANGE_KEYS = ["id", "brandId", "kind", "objectId", "conversationId", "userId", "data", "createdAt", "seq"];

/** Many changes in one statement, numbered in commit order as one at a time would be. */
export async function insertChanges(tx: Tx, rows: ChangeRow[]): Promise<void> {
  if (rows.length === 0) return;
  const engine = engineOf(tx);
  const [ids] = await reserveIds(tx, [changes], rows.length);
  const values = (seq: (i: number) => number | null) => rows.map((r, i) => [ids[i], r.brandId, r.kind, r.objectId, r.conversationId, r.userId, r.data, r.createdAt, seq(i)]);
  if (engine.kind === "postgres") {
    await insertValues(tx, changes, CHANGE_KEYS, values(() => null));
    for (const id of ids) sequenceAtCommit(engine, id);
    return;
  }
  const top = engine.writer.prepare('SELECT coalesce(max("seq"), 0) FROM "changes"').pluck().get() as number;
  await insertValues(tx, changes, CHANGE_KEYS, values((i) => top + i + 1));
}

/**
 * Subscribes `wake` to commits of changes by any server. Returns the unsubscribe and how often a
 * tail should look anyway: on PostgreSQL a notification wakes it (the interval only re-checks
 * access and covers a lost listener); on SQLite other processes' commits are seen by looking.
 */
export function watchChanges(db: Db, wake: () => void): { stop: () => void; everyMs: number } {
  const engine = engineOf(db);
  if (engine.kind === "postgres") return { stop: listenForChanges(engine, wake), everyMs: 2_000 };
  return { stop: () => undefined, everyMs: 300 };
}
