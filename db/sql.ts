import { sql, type SQL } from "drizzle-orm";
import { engineOf, type Db, type Tx } from "./client";
import { engineKind } from "./engine";

// Statements the query builder cannot say (window functions, CTE-heavy reports, FTS). Each
// engine runs them through its own driver; the SQL itself must be written for both or live in
// an engine module (db/sqlite/*, db/postgres/*).
async function run(handle: Db | Tx, query: SQL, write: boolean) {
  const engine = engineOf(handle);
  const { sql, params } = engine.compile(query);
  if (engine.kind === "postgres") {
    const result = await engine.client.query(sql, params);
    return { rows: result.rows as unknown[], changes: result.rowCount ?? 0 };
  }
  const statement = engine.connection("insert" in handle).prepare(sql);
  if (write) return { rows: [], changes: statement.run(...params).changes };
  return { rows: statement.all(...params), changes: 0 };
}

export async function selectRows<Row>(handle: Db | Tx, query: SQL): Promise<Row[]> {
  return (await run(handle, query, false)).rows as Row[];
}

export async function selectRow<Row>(handle: Db | Tx, query: SQL): Promise<Row | undefined> {
  return (await run(handle, query, false)).rows[0] as Row | undefined;
}

export async function execute(tx: Tx, query: SQL): Promise<{ changes: number }> {
  return { changes: (await run(tx, query, true)).changes };
}

// The larger of two values: SQLite's two-argument max(), PostgreSQL's greatest().
export function greatest(a: unknown, b: unknown): SQL {
  return engineKind() === "postgres" ? sql`greatest(${a}, ${b})` : sql`max(${a}, ${b})`;
}
