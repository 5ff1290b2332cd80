import type { SQL } from "drizzle-orm";
import { engineOf, type Db, type Tx } from "./client";

// Statements the query builder cannot say (window functions, CTE-heavy reports, FTS). Each
// engine runs them through its own driver; the SQL itself must be written for both or live in
// an engine module (db/sqlite/*).
function compile(handle: Db | Tx, query: SQL) {
  return engineOf(handle).compile(query);
}

function connection(handle: Db | Tx) {
  return engineOf(handle).connection("insert" in handle);
}

export async function selectRows<Row>(handle: Db | Tx, query: SQL): Promise<Row[]> {
  const { sql, params } = compile(handle, query);
  return connection(handle).prepare(sql).all(...params) as Row[];
}

export async function selectRow<Row>(handle: Db | Tx, query: SQL): Promise<Row | undefined> {
  const { sql, params } = compile(handle, query);
  return connection(handle).prepare(sql).get(...params) as Row | undefined;
}

export async function execute(tx: Tx, query: SQL): Promise<{ changes: number }> {
  const { sql, params } = compile(tx, query);
  const info = connection(tx).prepare(sql).run(...params);
  return { changes: info.changes };
}
