// The id an INSERT without RETURNING just stored. RETURNING costs SQLite a temporary table per
// statement, too much on the ingest path; on PostgreSQL the engine adds RETURNING "id" to an
// insert into a table with an id and reports it the same way (db/postgres/client.ts).
export function insertedRowId(result: { lastInsertRowid: number | bigint }): number {
  return Number(result.lastInsertRowid);
}
