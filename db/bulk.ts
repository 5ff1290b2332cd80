import { Column, getTableColumns, getTableName, is, sql, type SQL, type Table } from "drizzle-orm";
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
  const keys = Object.keys(rows[0]);
  const columns = columnsOf(table, keys);
  // The app's values (dates, booleans, JSON) as the driver stores them, then as the ingest path writes.
  const values = rows.map((row) => keys.map((key, i) => (row[key] == null ? null : columns[i].mapToDriverValue(row[key]))));
  await insertValues(tx, table, keys, values, { ignoreDuplicates });
}

// The ingest path's statements: many rows of one table in one statement, values given as the
// driver stores them (ms since the epoch, 0/1, JSON text), written by hand on both engines.

type Driver = { run(text: string, params: unknown[]): Promise<void>; placeholder(index: number): string; cast(column: Column, mark: string): string };

const SQLITE_MAX_PARAMETERS = 32_766;
const sqliteStatements = new WeakMap<object, Map<string, { run(...params: unknown[]): unknown }>>();

function driverOf(tx: Tx): Driver {
  const engine = engineOf(tx);
  if (engine.kind === "postgres")
    return {
      run: async (text, params) => void (await engine.client.query(text, params)),
      placeholder: (i) => `$${i}`,
      // VALUES in FROM carries no column types: each value is cast to its column's.
      cast: (column, mark) => `${mark}::${column.getSQLType()}`,
    };
  const writer = engine.writer;
  let cache = sqliteStatements.get(writer);
  if (!cache) sqliteStatements.set(writer, (cache = new Map()));
  const statements = cache;
  return {
    run: async (text, params) => {
      let statement = statements.get(text);
      if (!statement) {
        if (statements.size > 200) statements.clear();
        statements.set(text, (statement = writer.prepare(text)));
      }
      statement.run(...params);
    },
    placeholder: () => "?",
    cast: (_column, mark) => mark,
  };
}

function columnsOf(table: Table, keys: string[]): Column[] {
  const all = getTableColumns(table) as Record<string, Column>;
  return keys.map((key) => {
    const column = all[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return column;
  });
}

// SQLite keeps each statement text it prepared (driverOf), so there rows go in chunks of a few
// fixed sizes, largest first: a batch's statements are then ones already prepared, where a
// statement of exactly its own row count was prepared anew each time (8 % of an ingest's CPU).
// PostgreSQL parses every statement it is sent anyway: one statement as large as allowed.
const SQLITE_CHUNKS = [256, 64, 16, 4, 1];

function* chunks(tx: Tx, total: number, width: number): Generator<[number, number]> {
  const postgres = engineOf(tx).kind === "postgres";
  const most = Math.max(1, Math.floor((postgres ? MAX_PARAMETERS : SQLITE_MAX_PARAMETERS) / width));
  for (let start = 0; start < total; ) {
    const left = Math.min(total - start, most);
    const size = postgres ? left : (SQLITE_CHUNKS.find((c) => c <= left) ?? 1);
    yield [start, start + size];
    start += size;
  }
}

/** Inserts rows (arrays of driver values in the order of `keys`, the table's column keys) in as few statements as the engine allows. */
export async function insertValues(tx: Tx, table: Table, keys: string[], rows: unknown[][], { ignoreDuplicates = false }: { ignoreDuplicates?: boolean } = {}): Promise<void> {
  if (rows.length === 0) return;
  const driver = driverOf(tx);
  const names = columnsOf(table, keys)
    .map((c) => `"${c.name}"`)
    .join(", ");
  for (const [start, end] of chunks(tx, rows.length, keys.length)) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, end).map((row) => `(${row.map((value) => (params.push(value), driver.placeholder(params.length))).join(", ")})`);
    await driver.run(`INSERT INTO "${getTableName(table)}" (${names}) VALUES ${tuples.join(", ")}${ignoreDuplicates ? " ON CONFLICT DO NOTHING" : ""}`, params);
  }
}

/**
 * Updates rows by id, one statement for many: `keys[0]` is "id", each row an array of driver
 * values in the order of `keys`. `set` may give a column's new value as an expression of the
 * row's given values (`value(key)`) and the stored one; other columns take the given value. Only
 * rows of `brandId` are touched.
 */
export async function updateValues(
  tx: Tx,
  table: Table,
  { brandId, keys, rows, set = {} }: { brandId: number; keys: string[]; rows: unknown[][]; set?: Record<string, (value: (key: string) => string, stored: string) => string> },
): Promise<void> {
  if (rows.length === 0) return;
  if (keys[0] !== "id") throw new Error("updateValues: the first key is the row id");
  const driver = driverOf(tx);
  const columns = columnsOf(table, [...keys, "brandId"]);
  const name = getTableName(table);
  const value = (key: string) => {
    const i = keys.indexOf(key);
    if (i < 0) throw new Error(`updateValues: no value for ${key}`);
    return driver.cast(columns[i], `v.column${i + 1}`);
  };
  const assignments = keys
    .slice(1)
    .map((key, i) => {
      const column = columns[i + 1];
      const t = `"${name}"."${column.name}"`;
      return `"${column.name}" = ${set[key] ? set[key](value, t) : value(key)}`;
    })
    .join(", ");
  for (const [start, end] of chunks(tx, rows.length, keys.length)) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, end).map((row) => `(${row.map((value) => (params.push(value), driver.placeholder(params.length))).join(", ")})`);
    params.push(brandId);
    const where = `"${name}"."id" = ${driver.cast(columns[0], "v.column1")} AND "${name}"."${columns[columns.length - 1].name}" = ${driver.placeholder(params.length)}`;
    await driver.run(`UPDATE "${name}" SET ${assignments} FROM (VALUES ${tuples.join(", ")}) AS v WHERE ${where}`, params);
  }
}

/**
 * Ids for rows a transaction will insert with the ids given: `count` per table, in order. On
 * SQLite (one writer at a time) the next ids after the table's sequence; on PostgreSQL drawn
 * from the table's identity sequence, so concurrent writers never receive the same.
 */
export async function reserveIds(tx: Tx, tables: Table[], count: number): Promise<number[][]> {
  const engine = engineOf(tx);
  const names = tables.map((t) => getTableName(t));
  if (engine.kind === "postgres") {
    const select = names.map((n, i) => `nextval(pg_get_serial_sequence('"${n}"', 'id')) AS c${i}`).join(", ");
    const result = await engine.client.query(`SELECT ${select} FROM generate_series(1, $1)`, [count]);
    return names.map((_, i) => result.rows.map((row: Record<string, string>) => Number(row[`c${i}`])));
  }
  const writer = engine.writer;
  return names.map((n) => {
    const seq = writer.prepare("SELECT seq FROM sqlite_sequence WHERE name = ?").pluck().get(n) as number | undefined;
    const max = writer.prepare(`SELECT coalesce(max(id), 0) FROM "${n}"`).pluck().get() as number;
    const from = Math.max(seq ?? 0, max) + 1;
    return Array.from({ length: count }, (_, i) => from + i);
  });
}

/**
 * Ids of `table` handed out one at a time as a transaction needs them, for rows it writes later
 * with those ids: reserved a block at a time on PostgreSQL; on SQLite counted on from the first
 * reservation, so every insert into the table in the transaction must take its id here.
 */
export function idSource(tx: Tx, table: Table, block = 32): () => Promise<number> {
  const postgres = engineOf(tx).kind === "postgres";
  let ids: number[] = [];
  let last: number | undefined;
  return async () => {
    if (!postgres && last !== undefined) return ++last;
    if (ids.length === 0) [ids] = await reserveIds(tx, [table], block);
    last = ids.shift()!;
    return last;
  };
}

/** On PostgreSQL, makes the transaction the brand's only ingest writer until it ends; SQLite runs one writer at a time anyway. */
export async function lockBrandIngest(tx: Tx, brandId: number): Promise<void> {
  const engine = engineOf(tx);
  if (engine.kind === "postgres") await engine.client.query("SELECT pg_advisory_xact_lock($1, $2)", [INGEST_LOCK, brandId]);
}

const INGEST_LOCK = 7_321;

/**
 * Rows named by (channel, key) pairs, many at once. On PostgreSQL a statement reads from the
 * pairs given as two arrays (placeholders `pairChannels` and `pairKeys`) and, for each, the rows
 * of `table` under the table's own name, one index probe a pair whatever their number. As a
 * plain join, the planner hashed a whole table of a few hundred thousand rows (45 ms) rather than
 * probe it a few hundred times (2 ms); the lateral subquery (OFFSET 0 keeps it one) cannot be
 * hashed. Lists of channels and of keys, padded to a few prepared sizes, made it scan the whole
 * table once the lists were long. SQLite takes the lists.
 */
export const lookupByPairs = (tx: Tx): boolean => engineOf(tx).kind === "postgres";
export function fromPairs(table: Table, channel: Column, key: Column): SQL {
  const name = sql.identifier(getTableName(table));
  return sql`unnest(${sql.placeholder("pairChannels")}::bigint[], ${sql.placeholder("pairKeys")}::text[]) AS pair(channel_id, key) CROSS JOIN LATERAL (SELECT * FROM ${name} WHERE ${name}.${sql.identifier(channel.name)} = pair.channel_id AND ${name}.${sql.identifier(key.name)} = pair.key OFFSET 0) AS ${name}`;
}
/** A select's fields for rows read from fromPairs: its columns said as SQL (the query builder looks for a column's table among its joins), decoded as the columns are. */
export const pairFields = <T extends Record<string, Column | SQL>>(fields: T): { [K in keyof T]: SQL } =>
  Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, is(f, Column) ? sql`${sql.identifier(getTableName(f.table))}.${sql.identifier(f.name)}`.mapWith(f) : f])) as { [K in keyof T]: SQL };
