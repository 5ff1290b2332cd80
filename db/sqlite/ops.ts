import { sql } from "drizzle-orm";
import { sqliteOf, type Db } from "../client";
import { execute } from "../sql";

// SQLite operations on the file itself: online backup, bulk-load settings, WAL checkpoints. Each
// has a twin to write for another engine (pg_dump, session settings, nothing).

/** An online backup: a consistent copy of the database while the app keeps writing. */
export async function backupTo(db: Db, file: string): Promise<{ pages: number }> {
  const result = await sqliteOf(db).writer.backup(file);
  return { pages: result.totalPages };
}

/**
 * For a bulk load into a fresh file: rows may reference rows written later and commits skip
 * fsync. Off again restores the checks and the durable default. Call outside a transaction.
 */
export async function bulkLoadMode(db: Db, on: boolean): Promise<void> {
  const { writer } = sqliteOf(db);
  writer.pragma(on ? "foreign_keys = OFF" : "foreign_keys = ON");
  writer.pragma(on ? "synchronous = OFF" : "synchronous = NORMAL");
}

/** Copies the write-ahead log into the database file and truncates it. */
export async function checkpoint(db: Db): Promise<void> {
  sqliteOf(db).writer.pragma("wal_checkpoint(TRUNCATE)");
}

/**
 * After an erasure: the full-text index drops erased words from its segments on delete
 * (FTS5 secure-delete, on from now), `full` merges every segment into one, and the WAL is
 * copied into the file and truncated, so no old page with an erased text stays in either file.
 */
export async function purgeErased(db: Db, { full }: { full: boolean }): Promise<void> {
  await db.transaction(async (tx) => {
    await execute(tx, sql`INSERT INTO messages_fts (messages_fts, rank) VALUES ('secure-delete', 1)`);
    if (full) await execute(tx, sql`INSERT INTO messages_fts (messages_fts) VALUES ('optimize')`);
  });
  sqliteOf(db).writer.pragma("wal_checkpoint(TRUNCATE)");
}
