import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { engineOf, type Tx } from "./client";

/**
 * A condition for an UPDATE that claims one piece of work: its `id` is the first row of `table`
 * matching `where` in `orderBy` order. On PostgreSQL the row is locked as it is picked and rows
 * another server is claiming right now are skipped (FOR UPDATE SKIP LOCKED), so servers claiming
 * at once take different rows instead of queueing behind each other. SQLite has one writer at a
 * time and needs neither.
 */
export function nextUnclaimed(tx: Tx, { table, id, where, orderBy }: { table: SQLiteTable; id: SQLiteColumn; where: SQL | undefined; orderBy: SQLiteColumn }): SQL {
  const skipLocked = engineOf(tx).kind === "postgres" ? sql` FOR UPDATE SKIP LOCKED` : sql``;
  // "=" and a scalar subquery: PostgreSQL runs it once; under "IN" it may run it for every row
  // the UPDATE scans, each time locking the next one.
  return sql`${id} = (SELECT ${id} FROM ${table} WHERE ${where} ORDER BY ${orderBy} LIMIT 1${skipLocked})`;
}
