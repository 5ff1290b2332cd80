import { eq, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { messages, workerState } from "../schema";
import { execute, selectRows } from "../sql";

// SQLite FTS5 over message texts (messages_fts, external content: the text lives once, in
// messages). New messages are indexed in one statement per writing transaction, past a cursor
// kept in worker_state; edits and deletions of indexed messages are kept by triggers.

const CURSOR = "fts-cursor";

/**
 * Adds every message past the cursor to the full-text index and moves the cursor. Called at the
 * end of each transaction that stores messages (ingest, replies, notes), joining it, and by the
 * worker as a safety net; the one writer makes the cursor race-free.
 */
export async function indexNewMessages(db: Db, now = Date.now()): Promise<number> {
  return db.transaction(async (tx) => {
    const [cursor] = await tx
      .select({ id: sql<number>`CAST(${workerState.value} AS INTEGER)`.mapWith(Number) })
      .from(workerState)
      .where(eq(workerState.key, CURSOR));
    const { changes } = await execute(
      tx,
      sql`INSERT INTO messages_fts (rowid, text, brand_id) SELECT id, text, brand_id FROM messages WHERE id > ${cursor?.id ?? 0} ORDER BY id`,
    );
    if (changes > 0) await moveCursor(tx, now);
    return changes;
  });
}

// Each word quoted (FTS5 syntax cannot leak in), all must match, the last one as a prefix.
export function ftsMatch(words: readonly string[]): string {
  return words.map((w, i) => (i === words.length - 1 ? `"${w.replace(/"/g, "")}"*` : `"${w.replace(/"/g, "")}"`)).join(" ");
}

/**
 * The conversations of the brand's newest messages that contain every word (the last one as a
 * prefix), newest first, one per matching message. The brand is a column of the index, so the
 * match never walks other brands' messages; `+` keeps the planner on the full-text index.
 */
export async function searchConversationIds(db: Db, { brandId, words, limit }: { brandId: number; words: readonly string[]; limit: number }): Promise<number[]> {
  if (words.length === 0 || !Number.isSafeInteger(brandId)) return [];
  const rows = await selectRows<{ conversation_id: number }>(db, searchHitsQuery({ match: searchMatch(brandId, words), brandId, limit }));
  return rows.map((r) => r.conversation_id);
}

// The full-text query of searchConversationIds: the brand's column and the words.
export function searchMatch(brandId: number, words: readonly string[]): string {
  if (!Number.isSafeInteger(brandId)) throw new Error("brand id must be an integer");
  return `brand_id : "${brandId}" AND text : (${ftsMatch(words)})`;
}

// The statement of searchConversationIds, to stand as a subquery of a larger query (`match` from
// searchMatch; either value may be a placeholder of a prepared query).
export function searchHitsQuery({ match, brandId, limit }: { match: string | SQL; brandId: number | SQL; limit: number }): SQL {
  return sql`SELECT m.conversation_id FROM messages_fts f JOIN messages m ON m.id = f.rowid
       WHERE messages_fts MATCH ${match} AND +m.brand_id = ${brandId}
       ORDER BY f.rowid DESC LIMIT ${sql.raw(String(Math.trunc(limit)))}`;
}

/** FTS5's own consistency check of the index against the messages; throws when they differ. */
export async function checkSearchIndex(db: Db): Promise<void> {
  await db.transaction((tx) => execute(tx, sql`INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)`));
}

/**
 * Rebuilds the index from all messages after a bulk load that bypassed the cursor, merges its
 * segments into one (a rebuild leaves many half-merged ones that later inserts would go on
 * merging), and moves the cursor past every message.
 */
export async function rebuildSearchIndex(db: Db, now = Date.now()): Promise<void> {
  await db.transaction(async (tx) => {
    await execute(tx, sql`INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')`);
    await execute(tx, sql`INSERT INTO messages_fts (messages_fts) VALUES ('optimize')`);
    await moveCursor(tx, now);
  });
}

async function moveCursor(tx: Tx, now: number): Promise<void> {
  await tx
    .insert(workerState)
    .values({ key: CURSOR, value: sql`(SELECT coalesce(max(${messages.id}), 0) FROM ${messages})`, updatedAt: new Date(now) })
    .onConflictDoUpdate({ target: workerState.key, set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` } });
}
