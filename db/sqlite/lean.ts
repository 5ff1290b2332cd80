import type Database from "better-sqlite3";
import { Column, getTableName, is, noopDecoder, NoopLogger, Param, Placeholder, SQL, Subquery } from "drizzle-orm";
import { BetterSQLiteSession, PreparedQuery } from "drizzle-orm/better-sqlite3/session";

// How drizzle's queries run on better-sqlite3 here. drizzle builds the SQL, binds the values and
// shapes the rows; on the ingest path its way of running a statement cost more than SQLite did:
// each execution re-derives every parameter and every column's decoder (entity checks per value)
// and goes through a chain of promises although the driver is synchronous. This runs the same
// statement with the parameter list and the row shape worked out once per prepared query, and
// hands back a settled promise. Results are drizzle's to the value (tests/db/lean.test.ts runs
// both over every kind of column and join); anything it does not know (a logger, a result
// mapper of the relational API, a statement without fields) runs drizzle's own code.

type Field = { path: string[]; field: unknown };
type Method = "run" | "all" | "get";
type Values = Record<string, unknown>;
type Runner = {
  stmt: Database.Statement;
  query: { params: unknown[] };
  fields?: Field[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: unknown;
  logger: unknown;
  executeMethod: Method;
  run(values?: Values): unknown;
  all(values?: Values): unknown;
  get(values?: Values): unknown;
  values(values?: Values): unknown;
  execute(values?: Values): unknown;
};
type Decoder = { mapFromDriverValue(value: unknown): unknown };

/** Makes the queries this drizzle database prepares run lean (see above). */
export function runQueriesLean(database: object): void {
  const session = (database as { session?: unknown }).session;
  if (!(session instanceof BetterSQLiteSession)) return;
  const prepare = session.prepareQuery.bind(session) as (...args: unknown[]) => unknown;
  (session as unknown as { prepareQuery: (...args: unknown[]) => unknown }).prepareQuery = (...args) => lean(prepare(...args));
}

function lean<Q>(query: Q): Q {
  if (!(query instanceof PreparedQuery)) return query;
  const q = query as unknown as Runner;
  if (q.customResultMapper || !is(q.logger, NoopLogger) || typeof q.stmt?.run !== "function" || !Array.isArray(q.query?.params)) return query;
  let fill: ((values: Values) => unknown[]) | undefined;
  let shape: ((row: unknown[]) => Record<string, unknown>) | undefined;
  const params = (values: Values | undefined) => (fill ??= filler(q.query.params))(values ?? {});
  q.run = (values) => q.stmt.run(...params(values));
  q.values = (values) => q.stmt.raw(true).all(...params(values));
  if (Array.isArray(q.fields)) {
    const fields = q.fields;
    // joinsNotNullableMap is set on the query after it is prepared: the shape is made on first use.
    const rowOf = () => (shape ??= rowShape(fields, q.joinsNotNullableMap));
    q.all = (values) => (q.stmt.raw(true).all(...params(values)) as unknown[][]).map(rowOf());
    q.get = (values) => {
      const row = q.stmt.raw(true).get(...params(values)) as unknown[] | undefined;
      return row === undefined ? undefined : rowOf()(row);
    };
  }
  // The driver is synchronous: the statement runs now, the caller awaits a settled promise.
  q.execute = (values) => {
    try {
      return Promise.resolve(q[q.executeMethod](values));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return query;
}

// drizzle's fillPlaceholders, with each parameter's kind decided once.
function filler(params: unknown[]): (values: Values) => unknown[] {
  const slots = params.map((p) => {
    if (is(p, Placeholder)) return { name: p.name, encoder: undefined };
    if (is(p, Param) && is(p.value, Placeholder)) return { name: p.value.name, encoder: p.encoder };
    return null;
  });
  if (slots.every((s) => s === null)) return () => params;
  const n = params.length;
  return (values) => {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const slot = slots[i];
      if (slot === null) {
        out[i] = params[i];
        continue;
      }
      const value = values[slot.name];
      if (value === undefined && !(slot.name in values)) throw new Error(`No value for placeholder "${slot.name}" was provided`);
      out[i] = slot.encoder ? slot.encoder.mapToDriverValue(value) : value;
    }
    return out;
  };
}

// A decoder that hands the driver's value back unchanged is not called.
const identity = (decoder: Decoder) => decoder.mapFromDriverValue === Column.prototype.mapFromDriverValue || decoder.mapFromDriverValue === noopDecoder.mapFromDriverValue;

// drizzle's mapResultRow, with each column's decoder (and, in a join, its table) found once.
function rowShape(fields: Field[], joins: Record<string, boolean> | undefined): (row: unknown[]) => Record<string, unknown> {
  const columns = fields.map(({ path, field }) => {
    const column = is(field, Column);
    // SQL's decoder (set by mapWith) is internal to drizzle's types.
    const decoderOf = (sql: unknown) => (sql as { decoder: Decoder }).decoder;
    const decoder = column ? (field as Decoder) : is(field, SQL) ? decoderOf(field) : is(field, Subquery) ? decoderOf(field._.sql) : decoderOf((field as { sql: unknown }).sql);
    // A joined table's columns nullify its object when the join may miss and its first column is null.
    const table = joins && column && path.length === 2 ? getTableName((field as Column).table) : undefined;
    return { path, last: path[path.length - 1], decoder, decode: identity(decoder) ? null : decoder, table };
  });
  if (columns.some((c) => c.path.length > 2)) return nested(columns, joins);
  // drizzle's rule per object of a join: its first table column decides (null: the join missed),
  // unless its table columns come from more than one table.
  const groups = new Map<string, { first: string; table: string | false }>();
  for (const { path, last, table } of columns) {
    if (table === undefined) continue;
    const group = groups.get(path[0]);
    if (!group) groups.set(path[0], { first: last, table });
    else if (group.table !== table) group.table = false;
  }
  const nullable = [...groups].filter(([, g]) => g.table !== false && !joins![g.table]).map(([name, g]) => ({ name, first: g.first }));
  const flat = columns.map(({ path, last, decode }) => ({ group: path.length === 2 ? path[0] : null, key: last, decode }));
  const n = flat.length;
  return (row) => {
    const result: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const { group, key, decode } = flat[i];
      const raw = row[i];
      const value = raw === null ? null : decode === null ? raw : decode.mapFromDriverValue(raw);
      if (group === null) result[key] = value;
      else ((result[group] ??= {}) as Record<string, unknown>)[key] = value;
    }
    for (const { name, first } of nullable) if ((result[name] as Record<string, unknown>)[first] === null) result[name] = null;
    return result;
  };
}

// Objects nested deeper than one level: drizzle's walk, column by column.
function nested(columns: { path: string[]; last: string; decoder: Decoder; table: string | undefined }[], joins: Record<string, boolean> | undefined) {
  return (row: unknown[]) => {
    const result: Record<string, unknown> = {};
    let nullify: Record<string, string | false> | undefined;
    for (let i = 0; i < columns.length; i++) {
      const { path, last, decoder, table } = columns[i];
      let node = result;
      for (let j = 0; j < path.length - 1; j++) {
        if (!(path[j] in node)) node[path[j]] = {};
        node = node[path[j]] as Record<string, unknown>;
      }
      const raw = row[i];
      const value = (node[last] = raw === null ? null : decoder.mapFromDriverValue(raw));
      if (table !== undefined) {
        const objectName = path[0];
        nullify ??= {};
        if (!(objectName in nullify)) nullify[objectName] = value === null ? table : false;
        else if (typeof nullify[objectName] === "string" && nullify[objectName] !== table) nullify[objectName] = false;
      }
    }
    if (nullify) for (const [objectName, table] of Object.entries(nullify)) if (typeof table === "string" && !joins![table]) result[objectName] = null;
    return result;
  };
}
