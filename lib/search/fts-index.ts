import type Database from "better-sqlite3";

const statements = new WeakMap<Database.Database, { cursor: Database.Statement; index: Database.Statement; advance: Database.Statement }>();

/**
 * Adds every message past the cursor to the full-text index in one statement, and moves the
 * cursor. Called at the end of each transaction that stores messages (ingest, replies, notes),
 * and by the worker as a safety net; SQLite's single writer makes the cursor race-free.
 */
export function indexNewMessages(sqlite: Database.Database, now = Date.now()): number {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      cursor: sqlite.prepare("SELECT CAST(value AS INTEGER) AS id FROM worker_state WHERE key = 'fts-cursor'"),
      index: sqlite.prepare("INSERT INTO messages_fts (rowid, text, brand_id) SELECT id, text, brand_id FROM messages WHERE id > ? ORDER BY id"),
      advance: sqlite.prepare(
        `INSERT INTO worker_state (key, value, updated_at) VALUES ('fts-cursor', (SELECT coalesce(max(id), 0) FROM messages), ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ),
    };
    statements.set(sqlite, s);
  }
  const statement = s;
  return sqlite.transaction(() => {
    const from = (statement.cursor.get() as { id: number } | undefined)?.id ?? 0;
    const added = statement.index.run(from).changes;
    if (added > 0) statement.advance.run(now);
    return added;
  })();
}
