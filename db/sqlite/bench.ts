import type Database from "better-sqlite3";
import { sqliteOf, type Db } from "../client";

// What the bench measures below the data layer, on SQLite itself: the raw insert rate of the
// messages table, and each statement's time during an ingest profile.

const COLUMNS = [
  "conversation_id", "brand_id", "channel_id", "cycle_id", "direction", "visibility", "external_id", "in_reply_to_external_id",
  "contact_id", "user_id", "text", "created_at", "received_at", "automated", "language", "category", "complaint", "sentiment",
  "sentiment_score", "confidence", "reasons", "url", "attachments", "edited_at", "nrt_seconds", "delivery_state", "sent_at",
];

class RolledBack extends Error {}

/**
 * Rows per second of the messages stored after `afterId` inserted again (new external ids, the
 * unique index would refuse the same ones) with one prepared statement, `batch` rows per
 * savepoint, inside one transaction that is rolled back. `fts`: the table's own statement-level
 * indexing is not run ("none"), a per-row trigger indexes each row ("trigger"), or each batch is
 * indexed in one statement ("batch").
 */
export async function rawMessageInsertRate(db: Db, { afterId, fts, batch }: { afterId: number; fts: "trigger" | "none" | "batch"; batch: number }): Promise<number> {
  const sqlite = sqliteOf(db).writer;
  let rate = 0;
  try {
    await db.transaction(async () => {
      rate = timeRawInserts(sqlite, { afterId, fts, batch });
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return rate;
}

function timeRawInserts(sqlite: Database.Database, { afterId, fts, batch }: { afterId: number; fts: "trigger" | "none" | "batch"; batch: number }): number {
  const rows = sqlite.prepare(`SELECT ${COLUMNS.join(", ")} FROM messages WHERE id > ? ORDER BY id`).raw().all(afterId) as unknown[][];
  const external = COLUMNS.indexOf("external_id");
  for (const row of rows) row[external] = `${row[external]}~raw`;
  const insert = sqlite.prepare(`INSERT INTO messages (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})`);
  // The per-row trigger the schema had before indexing moved to one statement per transaction: kept as the comparison.
  if (fts === "trigger")
    sqlite.exec("CREATE TEMP TRIGGER bench_fts_per_row AFTER INSERT ON main.messages BEGIN INSERT INTO messages_fts(rowid, text, brand_id) VALUES (new.id, new.text, new.brand_id); END");
  const last = sqlite.prepare("SELECT max(id) AS id FROM messages").pluck();
  const index = sqlite.prepare("INSERT INTO messages_fts (rowid, text, brand_id) SELECT id, text, brand_id FROM messages WHERE id > ?");
  let spent = 0;
  for (let i = 0; i < rows.length; i += batch) {
    const t0 = performance.now();
    sqlite.exec("SAVEPOINT raw_batch");
    const from = fts === "batch" ? (last.get() as number) : 0;
    for (let j = i; j < Math.min(rows.length, i + batch); j++) insert.run(rows[j]);
    if (fts === "batch") index.run(from);
    sqlite.exec("RELEASE raw_batch");
    spent += performance.now() - t0;
  }
  return (rows.length / spent) * 1000;
}

const TIMED_METHODS = new Set(["run", "get", "all", "iterate"]);

/**
 * Times every statement the handle's connections prepare from now on, by its SQL (quotes
 * dropped, whitespace folded, cut short), on run/get/all/iterate. For a handle of its own: the
 * timers stay until it is closed.
 */
export function timeStatements(db: Db, timed: <T>(name: string, fn: () => T) => T): void {
  const { writer, reader } = sqliteOf(db);
  for (const connection of [writer, reader]) instrument(connection, timed);
}

function instrument(sqlite: Database.Database, timed: <T>(name: string, fn: () => T) => T): void {
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    const name = statementName(source);
    const proxy: Database.Statement = new Proxy(statement, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== "function") return value;
        if (!TIMED_METHODS.has(String(key)))
          return (...args: unknown[]) => {
            // raw(), pluck() and the like return the statement: keep timing it.
            const result = value.apply(target, args);
            return result === target ? proxy : result;
          };
        return (...args: unknown[]) => timed(name, () => value.apply(target, args));
      },
    });
    return proxy;
  }) as typeof sqlite.prepare;
}

export function statementName(source: string): string {
  return source
    .replace(/"/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(insert into|insert or ignore into|select distinct|select|update|delete from|with)\b/i, (verb) => verb.toUpperCase())
    .slice(0, 72);
}
