import { getTableColumns, getTableName, type Column, type Table } from "drizzle-orm";
import { engineOf, type Tx } from "./client";

// Many rows of one table in one statement, for bulk loads (the bench's fill). On PostgreSQL the
// statement is written here, one placeholder a value: the query builder spends a millisecond a
// row building a statement of thousands of rows, ten times what the server spends inserting them.

const MAX_PARAMETERS = 65_535;

/**
 * Inserts `rows` (objects keyed by the table's column keys, all with the keys of the first row)
 * into `table`; `ignoreDuplicates` skips rows a unique index already holds. Inside a transaction.
 */
export async function insertRows(tx: Tx, table: Table, rows: Record<string, unknown>[], { ignoreDuplicates = false }: { ignoreDuplicates?: boolean } = {}): Promise<void> {
  if (rows.length === 0) return;
  const engine = engineOf(tx);
  if (engine.kind !== "postgres") {
    const insert = tx.insert(table as never).values(rows as never);
    await (ignoreDuplicates ? insert.onConflictDoNothing() : insert);
    return;
  }
  const all = getTableColumns(table) as Record<string, Column>;
  const keys = Object.keys(rows[0]).filter((key) => key in all);
  const unknown = Object.keys(rows[0]).find((key) => !(key in all));
  if (unknown) throw new Error(`${getTableName(table)} has no column ${unknown}`);
  const columns = keys.map((key) => all[key]);
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / keys.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of slice) {
      const marks: string[] = [];
      for (let i = 0; i < keys.length; i++) {
        const value = row[keys[i]];
        params.push(value == null ? null : columns[i].mapToDriverValue(value));
        marks.push(`$${params.length}`);
      }
      tuples.push(`(${marks.join(", ")})`);
    }
    await engine.client.query(`INSERT INTO "${getTableName(table)}" (${names}) VALUES ${tuples.join(", ")}${ignoreDuplicates ? " ON CONFLICT DO NOTHING" : ""}`, params);
  }
}
