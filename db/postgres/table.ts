import { getTableColumns, getTableName, is, SQL, sql, type Column } from "drizzle-orm";
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  type PgColumnBuilderBase,
  type PgTableWithColumns,
} from "drizzle-orm/pg-core";

// The PostgreSQL twin of a table declared in db/schema.ts. Types follow SQLite's so that lib/
// sees the same JS values and its SQL over them means the same:
//   integer              -> bigint (SQLite integers are 64-bit; read back as a JS number)
//   integer timestamp_ms -> bigint of ms since the epoch, read back as a Date
//   integer boolean      -> boolean
//   text json            -> jsonb (the JS value goes in and comes out)
//   real                 -> double precision;  text (with or without enum) -> text
// The created-at default `unixepoch('subsec') * 1000` becomes the same instant in ms.

export const NOW_MS = sql`(floor(extract(epoch from clock_timestamp()) * 1000))::bigint`;

const epochMs = customType<{ data: Date; driverData: number | string; driverParam: number }>({
  dataType: () => "bigint",
  // lib/ binds written values as SQLite stores them (`bind` in db/prepared.ts): ms pass through.
  toDriver: (value) => (value instanceof Date ? value.getTime() : (value as unknown as number)),
  fromDriver: (value) => new Date(Number(value)),
});

const byName = new Map<string, PgTableWithColumns<never>>();

/** The PostgreSQL table of the given name, once declared (for the engine modules). */
export function postgresTable(name: string) {
  const found = byName.get(name);
  if (!found) throw new Error(`No PostgreSQL table ${name}.`);
  return found;
}

export function postgresTables(): PgTableWithColumns<never>[] {
  return [...byName.values()];
}

function columnBuilder(column: SQLiteColumn): PgColumnBuilderBase {
  const name = column.name;
  const kind = column.columnType;
  let builder;
  switch (kind) {
    case "SQLiteInteger":
      builder = bigint(name, { mode: "number" });
      if ((column as unknown as { autoIncrement?: boolean }).autoIncrement) builder = builder.generatedByDefaultAsIdentity();
      break;
    case "SQLiteTimestamp":
      builder = epochMs(name);
      break;
    case "SQLiteBoolean":
      builder = boolean(name);
      break;
    case "SQLiteTextJson":
      builder = jsonb(name);
      break;
    case "SQLiteText":
      builder = text(name, column.enumValues?.length ? { enum: column.enumValues as [string, ...string[]] } : {});
      break;
    case "SQLiteReal":
      builder = doublePrecision(name);
      break;
    default:
      throw new Error(`Column ${name}: no PostgreSQL type for ${kind}; add it in db/postgres/table.ts.`);
  }
  const b = builder as unknown as {
    primaryKey(): unknown;
    notNull(): unknown;
    default(value: unknown): unknown;
    unique(name?: string): unknown;
  };
  if (column.primary) b.primaryKey();
  else if (column.notNull) b.notNull();
  if (column.default !== undefined) b.default(defaultOf(column));
  if (column.isUnique) b.unique(column.uniqueName);
  return builder as PgColumnBuilderBase;
}

function defaultOf(column: SQLiteColumn): unknown {
  const value = column.default;
  if (!is(value, SQL)) return value;
  const said = value.queryChunks.map((chunk) => ((chunk as { value?: string[] }).value ?? []).join("")).join("");
  if (/unixepoch\('subsec'\)\s*\*\s*1000/.test(said)) return NOW_MS;
  throw new Error(`Column ${column.name}: no PostgreSQL default for ${said}; add it in db/postgres/table.ts.`);
}

export function toPostgres<T extends SQLiteTable>(declared: T): T {
  const config = getTableConfig(declared);
  const keyOf = new Map<string, string>();
  const columns: Record<string, PgColumnBuilderBase> = {};
  for (const [key, column] of Object.entries(declared[Symbol.for("drizzle:Columns") as never] as Record<string, SQLiteColumn>)) {
    keyOf.set(column.name, key);
    columns[key] = columnBuilder(column);
  }
  type Cols = Record<string, never>;
  const pick = (t: Cols, cols: readonly Column[]) => cols.map((c) => t[keyOf.get(c.name)!]) as [never, ...never[]];
  const foreign = (col: Column) => {
    const target = postgresTable(getTableName(col.table));
    const found = (Object.values(getTableColumns(target)) as Column[]).find((c) => c.name === col.name);
    if (!found) throw new Error(`No column ${col.name} in PostgreSQL table ${getTableName(col.table)}.`);
    return found as never;
  };
  const built = (pgTable as unknown as (name: string, columns: object, extra: (t: Cols) => unknown[]) => unknown)(config.name, columns, (t: Cols) => [
    ...config.indexes.map((ix) => {
      const make = ix.config.unique ? uniqueIndex : index;
      return make(ix.config.name).on(...pick(t, ix.config.columns as Column[]));
    }),
    ...config.primaryKeys.map((pk) => primaryKey({ name: pk.getName(), columns: pick(t, pk.columns) })),
    ...config.foreignKeys.map((fk) => {
      const ref = fk.reference();
      const built = foreignKey({ name: fk.getName(), columns: pick(t, ref.columns), foreignColumns: ref.foreignColumns.map(foreign) as [never, ...never[]] });
      if (fk.onDelete) built.onDelete(fk.onDelete);
      if (fk.onUpdate) built.onUpdate(fk.onUpdate);
      return built;
    }),
  ]);
  byName.set(config.name, built as unknown as PgTableWithColumns<never>);
  return built as unknown as T;
}
