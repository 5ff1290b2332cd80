import crypto from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { postgresMigrationsFolder } from "./client";

// `npm run db:copy`: copies a SQLite installation into an empty PostgreSQL database of the same
// schema version. Each batch is inserted in one PostgreSQL transaction together with the copy's
// progress (replyhour_copy: the last SQLite rowid per table), so an interrupted copy resumes where
// its last batch committed. Verified at the end by row counts and a checksum per table, computed the
// same way from both sides' values; the progress table is dropped once every table matches.

const PROGRESS = "replyhour_copy";
const MAX_PARAMS = 60_000;

type Column = { name: string; type: string };
type Table = { name: string; columns: Column[]; identity: string | null };
export type TableReport = { table: string; rows: number; copied: number; checksum: string };
export type CopyReport = { tables: TableReport[]; resumed: boolean };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

// A value as both engines hold the same thing: booleans as 0/1, JSON by its meaning (jsonb
// reorders keys and drops spaces), numbers and text as they are.
function canonical(value: unknown, type: string): unknown {
  if (value == null) return null;
  if (type === "boolean") return value === true || value === 1 ? 1 : 0;
  if (type === "jsonb") return sortKeys(JSON.parse(String(value)));
  if (typeof value === "bigint") return Number(value);
  return value;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}

// Order-free: the sum of each row's hash, so the two sides need not sort rows the same way.
class Checksum {
  private sum = 0n;
  rows = 0;
  add(row: unknown[]) {
    const digest = crypto.createHash("sha256").update(JSON.stringify(row)).digest();
    this.sum = (this.sum + digest.readBigUInt64BE(0)) & 0xffffffffffffffffn;
    this.rows++;
  }
  get hex() {
    return this.sum.toString(16).padStart(16, "0");
  }
}

async function targetTables(client: pg.Client): Promise<Table[]> {
  const { rows: names } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1`,
    [PROGRESS],
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`,
  );
  const { rows: columns } = await client.query<{ table: string; name: string; type: string; identity: string }>(
    `SELECT table_name AS table, column_name AS name, data_type AS type, is_identity AS identity FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  // Parents before children, so every foreign key finds its row.
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (order.includes(name)) return;
    if (visiting.has(name)) throw new Error(`Foreign keys form a cycle through ${name}; db:copy cannot order it.`);
    visiting.add(name);
    for (const edge of edges) if (edge.child === name && edge.parent !== name) visit(edge.parent);
    visiting.delete(name);
    order.push(name);
  };
  for (const { name } of names.sort((a, b) => a.name.localeCompare(b.name))) visit(name);
  return order.map((name) => {
    const own = columns.filter((c) => c.table === name);
    return { name, columns: own.map((c) => ({ name: c.name, type: c.type })), identity: own.find((c) => c.identity === "YES")?.name ?? null };
  });
}

function checkSource(source: Database.Database, table: Table): void {
  const have = new Set((source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table.name) as { name: string }[]).map((r) => r.name));
  if (have.size === 0) throw new Error(`The SQLite database has no table ${table.name}: is it an older version? Start the app on it once (it migrates), then copy.`);
  const missing = table.columns.filter((c) => !have.has(c.name));
  if (missing.length) throw new Error(`The SQLite table ${table.name} lacks ${missing.map((c) => c.name).join(", ")}: start the app on it once (it migrates), then copy.`);
}

function toTarget(value: unknown, column: Column, table: string, rowid: number): unknown {
  if (value == null) return null;
  if (column.type === "boolean") return value === 1 || value === true;
  if (typeof value === "string" && value.includes("\u0000"))
    throw new Error(`${table} row ${rowid}, column ${column.name} holds a NUL character, which PostgreSQL refuses in text; remove it in SQLite and run db:copy again.`);
  return value;
}

async function copyTable(source: Database.Database, client: pg.Client, table: Table, batchRows: number, log: (line: string) => void): Promise<number> {
  const [progress] = (await client.query<{ last: number; done: boolean }>(`SELECT last_rowid AS last, done FROM ${PROGRESS} WHERE table_name = $1`, [table.name])).rows;
  if (progress?.done) return 0;
  const names = table.columns.map((c) => q(c.name)).join(", ");
  const perBatch = Math.max(1, Math.min(batchRows, Math.floor(MAX_PARAMS / table.columns.length)));
  const read = source.prepare(`SELECT rowid, ${names} FROM ${q(table.name)} WHERE rowid > ? ORDER BY rowid LIMIT ?`).raw(true);
  let last = Number(progress?.last ?? 0);
  let copied = 0;
  for (;;) {
    const rows = read.all(last, perBatch) as unknown[][];
    if (rows.length === 0) break;
    const params: unknown[] = [];
    const tuples = rows.map((row) => {
      const rowid = Number(row[0]);
      const marks = table.columns.map((column, i) => {
        params.push(toTarget(row[i + 1], column, table.name, rowid));
        return `$${params.length}`;
      });
      return `(${marks.join(", ")})`;
    });
    last = Number(rows[rows.length - 1][0]);
    await client.query("BEGIN");
    try {
      // Rows are copied as they are, derived ones too (message_rollups): the tables' own triggers
      // would count them a second time. DDL is transactional, so no other session sees them off.
      await client.query(`ALTER TABLE ${q(table.name)} DISABLE TRIGGER USER`);
      await client.query(`INSERT INTO ${q(table.name)} (${names}) VALUES ${tuples.join(", ")}`, params);
      await client.query(`ALTER TABLE ${q(table.name)} ENABLE TRIGGER USER`);
      await client.query(`INSERT INTO ${PROGRESS} (table_name, last_rowid, done) VALUES ($1, $2, false) ON CONFLICT (table_name) DO UPDATE SET last_rowid = excluded.last_rowid`, [table.name, last]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
    copied += rows.length;
    log(`\r  ${table.name}: ${copied} rows`);
  }
  await client.query("BEGIN");
  // Ids were copied as they were: the identity continues after the highest.
  if (table.identity)
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${q(table.identity)}) FROM ${q(table.name)}), 1), (SELECT count(*) > 0 FROM ${q(table.name)}))`,
      [q(table.name), table.identity],
    );
  await client.query(`INSERT INTO ${PROGRESS} (table_name, last_rowid, done) VALUES ($1, $2, true) ON CONFLICT (table_name) DO UPDATE SET done = true`, [table.name, last]);
  await client.query("COMMIT");
  // The planner's statistics for the copied rows, before the app's first query (see bulkLoadMode).
  await client.query(`ANALYZE ${q(table.name)}`);
  if (copied) log(`\r  ${table.name}: ${copied} rows\n`);
  return copied;
}

async function verify(source: Database.Database, url: string, table: Table): Promise<{ rows: number; checksum: string }> {
  const names = table.columns.map((c) => q(c.name)).join(", ");
  const mine = new Checksum();
  for (const row of source.prepare(`SELECT ${names} FROM ${q(table.name)}`).raw(true).iterate() as Iterable<unknown[]>) mine.add(row.map((v, i) => canonical(v, table.columns[i].type)));
  // A cursor, so a large table is read in pages rather than held in memory.
  const theirs = new Checksum();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`DECLARE rows NO SCROLL CURSOR FOR SELECT ${table.columns.map((c) => (c.type === "jsonb" ? `${q(c.name)}::text` : q(c.name))).join(", ")} FROM ${q(table.name)}`);
    for (;;) {
      const { rows } = await client.query({ text: "FETCH 5000 FROM rows", rowMode: "array" });
      if (rows.length === 0) break;
      for (const row of rows as unknown[][]) theirs.add(row.map((v, i) => canonical(v, table.columns[i].type)));
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  if (mine.rows !== theirs.rows) throw new Error(`${table.name}: ${mine.rows} rows in SQLite, ${theirs.rows} in PostgreSQL. Was the app still writing? Stop it, empty the PostgreSQL database and copy again.`);
  if (mine.hex !== theirs.hex) throw new Error(`${table.name}: the checksums differ (SQLite ${mine.hex}, PostgreSQL ${theirs.hex}) although both have ${mine.rows} rows. Was the app still writing? Stop it, empty the PostgreSQL database and copy again.`);
  return { rows: mine.rows, checksum: mine.hex };
}

/**
 * Copies the SQLite file `file` (migrated to the current version) into the PostgreSQL database
 * at `url`, which must be empty or hold an interrupted copy. Stop the app first: rows written
 * meanwhile would make the verification fail.
 */
export async function copyToPostgres({ file, url, batchRows = 2_000, log = () => undefined }: { file: string; url: string; batchRows?: number; log?: (line: string) => void }): Promise<CopyReport> {
  const source = new Database(file, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: postgresMigrationsFolder() });
    const tables = await targetTables(client);
    for (const table of tables) checkSource(source, table);
    const [{ exists }] = (await client.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [PROGRESS])).rows;
    if (!exists) {
      // Empty: no table with ids holds a row. Tables without ids hold state the migrations may
      // have written (worker_state); the installation's own state replaces it.
      for (const table of tables.filter((t) => t.identity)) {
        const { rows } = await client.query(`SELECT 1 FROM ${q(table.name)} LIMIT 1`);
        if (rows.length) throw new Error(`The PostgreSQL database is not empty (${table.name} has rows) and holds no interrupted copy; copy into an empty database.`);
      }
      await client.query("BEGIN");
      for (const table of tables.filter((t) => !t.identity)) await client.query(`DELETE FROM ${q(table.name)}`);
      await client.query(`CREATE TABLE ${PROGRESS} (table_name text PRIMARY KEY, last_rowid bigint NOT NULL, done boolean NOT NULL)`);
      await client.query("COMMIT");
    }
    const report: TableReport[] = [];
    const copied = new Map<string, number>();
    for (const table of tables) copied.set(table.name, await copyTable(source, client, table, batchRows, log));
    for (const table of tables) {
      const { rows, checksum } = await verify(source, url, table);
      report.push({ table: table.name, rows, copied: copied.get(table.name) ?? 0, checksum });
    }
    await client.query(`DROP TABLE ${PROGRESS}`);
    return { tables: report, resumed: exists };
  } finally {
    await client.end();
    source.close();
  }
}
