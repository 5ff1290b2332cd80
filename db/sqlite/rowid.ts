// The id SQLite gave the row an INSERT without RETURNING just stored. RETURNING costs SQLite a
// temporary table per statement, too much on the ingest path; PostgreSQL will use RETURNING.
export function insertedRowId(result: { lastInsertRowid: number | bigint }): number {
  return Number(result.lastInsertRowid);
}
