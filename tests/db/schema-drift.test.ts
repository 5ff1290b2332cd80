import Database from "better-sqlite3";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";
import { closeDatabase, engineOf } from "@/db/client";
import { onPostgres, tempDir, testDb } from "../helpers/db";

// The two engines' schemas, as their migrations leave them, compared table by table: columns
// (type, nullability, whether there is a default), primary keys, unique and other indexes,
// foreign keys. Runs in the PostgreSQL run (it needs a server). When it fails, each line says
// what differs; `npm run db:generate` writes both engines' migrations from db/schema.ts.

type Shape = {
  columns: Record<string, string>;
  primaryKey: string;
  indexes: Record<string, string>;
  foreignKeys: string[];
};
type Schema = Record<string, Shape>;

// Engine-specific parts of the search, which the engines do differently by design.
const SQLITE_ONLY_TABLES = /^(messages_fts.*|sqlite_.*|__drizzle_migrations)$/;
const POSTGRES_ONLY_INDEXES = new Set(["messages_search"]);

// Types as the other engine would hold the same JS value (db/postgres/table.ts).
const POSTGRES_TYPES: Record<string, string> = { bigint: "integer", boolean: "integer", jsonb: "text", "double precision": "real", text: "text" };

function sqliteSchema(): Schema {
  const conn = new Database(path.join(tempDir(), "drift.db"));
  migrate(drizzle(conn), { migrationsFolder: path.resolve("drizzle") });
  const schema: Schema = {};
  const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const table of tables.filter((t) => !SQLITE_ONLY_TABLES.test(t))) {
    const cols = conn.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    const shape: Shape = { columns: {}, primaryKey: "", indexes: {}, foreignKeys: [] };
    for (const c of cols) shape.columns[c.name] = `${c.type.toLowerCase()}${c.notnull || c.pk ? " not null" : ""}${c.dflt_value !== null ? " default" : ""}`;
    shape.primaryKey = cols.filter((c) => c.pk).sort((a, b) => a.pk - b.pk).map((c) => c.name).join(", ");
    const indexes = conn.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number; origin: string }[];
    for (const ix of indexes.filter((i) => i.origin !== "pk")) {
      const columns = (conn.prepare(`PRAGMA index_info("${ix.name}")`).all() as { seqno: number; name: string }[]).sort((a, b) => a.seqno - b.seqno).map((c) => c.name);
      shape.indexes[ix.name] = `${ix.unique ? "unique " : ""}(${columns.join(", ")})`;
    }
    const fks = conn.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string; from: string; to: string }[];
    shape.foreignKeys = fks.map((f) => `${f.from} -> ${f.table}.${f.to}`).sort();
    schema[table] = shape;
  }
  conn.close();
  return schema;
}

async function postgresSchema(): Promise<Schema> {
  const { db } = testDb();
  const run = async <T,>(query: string) => {
    const engine = engineOf(db);
    if (engine.kind !== "postgres") throw new Error("not PostgreSQL");
    return (await engine.client.query(query)).rows as T[];
  };
  const schema: Schema = {};
  const columns = await run<{ table: string; name: string; type: string; nullable: string; dflt: string | null; identity: string }>(
    `SELECT table_name AS table, column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS dflt, is_identity AS identity
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  for (const c of columns) {
    const shape = (schema[c.table] ??= { columns: {}, primaryKey: "", indexes: {}, foreignKeys: [] });
    const type = POSTGRES_TYPES[c.type] ?? `${c.type} (no SQLite twin)`;
    // An identity column is SQLite's INTEGER PRIMARY KEY AUTOINCREMENT: no default of its own there.
    shape.columns[c.name] = `${type}${c.nullable === "NO" ? " not null" : ""}${c.dflt !== null ? " default" : ""}`;
  }
  const indexes = await run<{ table: string; name: string; unique: boolean; primary: boolean; columns: string[] | string | null }>(
    `SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
            array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n) AS columns
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace s ON s.oid = t.relnamespace WHERE s.nspname = 'public'`,
  );
  for (const ix of indexes) {
    const shape = schema[ix.table];
    const cols = Array.isArray(ix.columns) ? ix.columns : String(ix.columns ?? "").replace(/[{}]/g, "").split(",").filter(Boolean);
    if (ix.primary) shape.primaryKey = cols.join(", ");
    else if (!POSTGRES_ONLY_INDEXES.has(ix.name)) shape.indexes[ix.name] = `${ix.unique ? "unique " : ""}(${cols.join(", ")})`;
  }
  const fks = await run<{ table: string; from: string; to_table: string; to: string }>(
    `SELECT t.relname AS table, a.attname AS from, ft.relname AS to_table, fa.attname AS to
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class ft ON ft.oid = c.confrelid
       JOIN pg_namespace s ON s.oid = t.relnamespace
       JOIN LATERAL unnest(c.conkey, c.confkey) AS k(col, fcol) ON true
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.col
       JOIN pg_attribute fa ON fa.attrelid = ft.oid AND fa.attnum = k.fcol
      WHERE c.contype = 'f' AND s.nspname = 'public'`,
  );
  for (const f of fks) schema[f.table].foreignKeys.push(`${f.from} -> ${f.to_table}.${f.to}`);
  for (const shape of Object.values(schema)) shape.foreignKeys.sort();
  closeDatabase(db);
  return schema;
}

// Every difference as one line a person can act on.
export function drift(sqlite: Schema, postgres: Schema): string[] {
  const lines: string[] = [];
  const tables = [...new Set([...Object.keys(sqlite), ...Object.keys(postgres)])].sort();
  for (const table of tables) {
    const [s, p] = [sqlite[table], postgres[table]];
    if (!s || !p) {
      lines.push(`table ${table}: exists only on ${s ? "SQLite" : "PostgreSQL"}`);
      continue;
    }
    for (const column of [...new Set([...Object.keys(s.columns), ...Object.keys(p.columns)])]) {
      const [a, b] = [s.columns[column], p.columns[column]];
      if (a === b) continue;
      if (!a || !b) lines.push(`table ${table}: column ${column} exists only on ${a ? `SQLite (${a})` : `PostgreSQL (${b})`}`);
      else lines.push(`table ${table}: column ${column} is ${a} on SQLite but ${b} on PostgreSQL`);
    }
    if (s.primaryKey !== p.primaryKey) lines.push(`table ${table}: primary key is (${s.primaryKey}) on SQLite but (${p.primaryKey}) on PostgreSQL`);
    for (const index of [...new Set([...Object.keys(s.indexes), ...Object.keys(p.indexes)])].sort()) {
      const [a, b] = [s.indexes[index], p.indexes[index]];
      if (a === b) continue;
      if (!a || !b) lines.push(`table ${table}: index ${index} ${a ?? b} exists only on ${a ? "SQLite" : "PostgreSQL"}`);
      else lines.push(`table ${table}: index ${index} is ${a} on SQLite but ${b} on PostgreSQL`);
    }
    for (const fk of s.foreignKeys.filter((f) => !p.foreignKeys.includes(f))) lines.push(`table ${table}: foreign key ${fk} exists only on SQLite`);
    for (const fk of p.foreignKeys.filter((f) => !s.foreignKeys.includes(f))) lines.push(`table ${table}: foreign key ${fk} exists only on PostgreSQL`);
  }
  return lines;
}

describe("the PostgreSQL schema is the SQLite schema", () => {
  it("names each kind of difference", () => {
    const base: Shape = { columns: { id: "integer not null", brand_id: "integer not null" }, primaryKey: "id", indexes: { t_brand: "(brand_id)" }, foreignKeys: ["brand_id -> brands.id"] };
    const changed: Shape = { columns: { id: "integer not null", brand_id: "integer" }, primaryKey: "id", indexes: { t_brand: "unique (brand_id)" }, foreignKeys: [] };
    expect(drift({ t: base, only: base }, { t: changed })).toEqual([
      "table only: exists only on SQLite",
      "table t: column brand_id is integer not null on SQLite but integer on PostgreSQL",
      "table t: index t_brand is (brand_id) on SQLite but unique (brand_id) on PostgreSQL",
      "table t: foreign key brand_id -> brands.id exists only on SQLite",
    ]);
  });

  it.runIf(onPostgres())("after both engines' migrations: same tables, columns, keys, indexes and foreign keys", async () => {
    const [sqlite, postgres] = [sqliteSchema(), await postgresSchema()];
    expect(Object.keys(sqlite).length).toBeGreaterThan(20);
    const lines = drift(sqlite, postgres);
    expect(lines, `The engines' schemas differ; run \`npm run db:generate\` (both engines' migrations) and see db/postgres/table.ts:\n${lines.join("\n")}`).toEqual([]);
  });
});
