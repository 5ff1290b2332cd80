import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { SQL } from "drizzle-orm";
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";
import { runQueriesLean } from "./sqlite/lean";
import { engineKind, isPostgresUrl } from "./engine";
import { openPostgres, type PostgresEngine } from "./postgres/client";

type Drizzle = BetterSQLite3Database<typeof schema>;
type Transact = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

// A handle inside a transaction: reads and writes. Only the builder and the async transaction
// are exposed, so code written against it runs the same on every engine.
export type Tx = Omit<Drizzle, "transaction" | "$client" | "batch" | "run" | "all" | "get" | "values"> & { transaction: Transact };

// The process's handle: reads, and writes only inside `transaction`.
export type Db = Pick<Tx, "select" | "selectDistinct" | "$count" | "query" | "$with" | "with" | "transaction">;

export type SqliteEngine = {
  kind: "sqlite";
  file: string;
  writer: Database.Database;
  reader: Database.Database;
  // The connection a statement of this async context runs on: the writer inside a transaction.
  connection(write: boolean): Database.Database;
  compile(query: SQL): { sql: string; params: unknown[] };
  close(): void;
};

export type Engine = SqliteEngine | PostgresEngine;

export const ENGINE = Symbol.for("replyhour.engine");
const dialect = new SQLiteSyncDialect();

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || "./data/replyhour.db");
}

export function migrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");
}

export function postgresMigrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle-pg");
}

// drizzle prepares every query it runs; the cache makes a repeated query cost one lookup.
function cachedClient(connection: Database.Database, size = 512) {
  const cache = new Map<string, Database.Statement>();
  return {
    prepare(source: string) {
      let statement = cache.get(source);
      if (statement) return statement;
      statement = connection.prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
      cache.set(source, statement);
      return statement;
    },
  } as unknown as Database.Database;
}

function configure(connection: Database.Database): void {
  connection.pragma("busy_timeout = 5000");
  connection.pragma("cache_size = -65536");
  connection.pragma("temp_store = MEMORY");
}

// Migrations that rebuild a table (SQLite's way to add a constrained column) drop the old one:
// they run with foreign keys off, as SQLite prescribes, and every reference is checked after.
function migrateSqlite(writer: Database.Database): void {
  writer.pragma("foreign_keys = OFF");
  try {
    migrate(drizzle(writer, { schema }), { migrationsFolder: migrationsFolder() });
    const broken = writer.pragma("foreign_key_check") as { table: string; parent: string }[];
    if (broken.length > 0) throw new Error(`Migrations left ${broken.length} rows without their parent (first: ${broken[0].table} -> ${broken[0].parent}).`);
  } finally {
    writer.pragma("foreign_keys = ON");
  }
}

/**
 * Opens the SQLite file (`file`) or the PostgreSQL database (`url`, postgres://…) and migrates
 * it unless told not to. On PostgreSQL, `ready` is awaited before the first statement (a test's
 * database being created from the template).
 */
export function openDatabase(options: { file: string; runMigrations?: boolean } | { url: string; runMigrations?: boolean; ready?: Promise<unknown> }): Db {
  // The table objects are built for one engine per process (db/table.ts).
  const wanted = "url" in options ? "postgres" : "sqlite";
  if (engineKind() !== wanted)
    throw new Error(`This process's schema is built for ${engineKind()}; open a ${wanted} database in a process started with ${wanted === "postgres" ? "DATABASE_URL=postgres://…" : "no postgres:// DATABASE_URL"}.`);
  if ("url" in options) return openPostgres({ ...options, migrationsFolder: postgresMigrationsFolder() });
  return openSqlite(options);
}

// One writer connection, serialised by a promise chain, and one read-only connection that sees
// only committed data (WAL), so a read never waits for a writer nor sees its uncommitted rows.
function openSqlite({ file, runMigrations = true }: { file: string; runMigrations?: boolean }): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Created 0600: SQLite gives the WAL and shared-memory files the database file's mode.
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, "a", 0o600));
  const writer = new Database(file);
  writer.pragma("journal_mode = WAL");
  writer.pragma("foreign_keys = ON");
  // WAL with NORMAL sync loses no committed transaction on a process crash, only on power loss.
  writer.pragma("synchronous = NORMAL");
  // Freed space is zeroed, so an erased text leaves no copy in free pages (lib/privacy).
  writer.pragma("secure_delete = ON");
  // A checkpoint after every 10,000 pages of WAL (40 MB), not SQLite's 1,000: an ingest batch
  // writes thousands of pages, so each commit used to copy them into the file again at once
  // (in-process ingest 3,530-3,630 -> 3,930-3,990 events/s on a 20k bench database).
  writer.pragma("wal_autocheckpoint = 10000");
  configure(writer);
  if (runMigrations) migrateSqlite(writer);
  const reader = new Database(file, { readonly: true });
  configure(reader);

  const writerClient = cachedClient(writer);
  const readerClient = cachedClient(reader);
  const write = drizzle(writerClient, { schema }) as unknown as Tx & Drizzle;
  const read = drizzle(readerClient, { schema }) as unknown as Tx & Drizzle;
  for (const handle of [write, read]) runQueriesLean(handle);
  const holder = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  let savepoints = 0;

  const nested: Transact = async (fn) => {
    const name = `sp${++savepoints}`;
    writer.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn(write);
      writer.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      writer.exec(`ROLLBACK TO ${name}`);
      writer.exec(`RELEASE ${name}`);
      throw error;
    }
  };

  const outer: Transact = (fn) => {
    if (holder.getStore()) return nested(fn);
    const run = tail.then(() =>
      holder.run(true, async () => {
        writer.exec("BEGIN IMMEDIATE");
        try {
          const result = await fn(write);
          writer.exec("COMMIT");
          return result;
        } catch (error) {
          if (writer.inTransaction) writer.exec("ROLLBACK");
          throw error;
        }
      }),
    );
    tail = run.catch(() => undefined);
    return run;
  };
  Object.defineProperty(write, "transaction", { value: outer });

  // Inside a transaction's async context, reads go to the writer and see its own changes.
  const pick = () => (holder.getStore() ? write : read);
  const engine: SqliteEngine = {
    kind: "sqlite",
    file,
    writer,
    reader,
    compile: (query) => dialect.sqlToQuery(query),
    connection: (writeAccess) => (writeAccess || holder.getStore() ? writerClient : readerClient),
    close() {
      reader.close();
      writer.close();
    },
  };
  const db: Db = {
    select: ((...args: never[]) => (pick().select as (...a: never[]) => unknown)(...args)) as Db["select"],
    selectDistinct: ((...args: never[]) => (pick().selectDistinct as (...a: never[]) => unknown)(...args)) as Db["selectDistinct"],
    $count: ((...args: never[]) => (pick().$count as (...a: never[]) => unknown)(...args)) as Db["$count"],
    $with: ((...args: never[]) => (pick().$with as (...a: never[]) => unknown)(...args)) as Db["$with"],
    with: ((...args: never[]) => (pick().with as (...a: never[]) => unknown)(...args)) as Db["with"],
    get query() {
      return pick().query;
    },
    transaction: outer,
  };
  for (const handle of [db, write]) Object.defineProperty(handle, ENGINE, { value: engine });
  return db;
}

// The engine behind a handle, for the engine-specific functions in db/ only.
export function engineOf(handle: Db | Tx): Engine {
  const engine = (handle as unknown as { [ENGINE]?: Engine })[ENGINE];
  if (!engine) throw new Error("Not a Replyhour database handle.");
  return engine;
}

/**
 * A write of one statement, atomic by itself (an upsert of a counter). On PostgreSQL it runs at
 * once on a pooled connection, beside a transaction this process has in progress, rather than
 * queued after it; on SQLite it is a transaction of its own.
 */
export function writeAlone<T>(db: Db, fn: (w: Tx) => Promise<T>): Promise<T> {
  const engine = engineOf(db);
  // A handle of its own: what a transaction in progress keeps by its handle (kept writes) is not this write's.
  return engine.kind === "postgres" ? fn(Object.create(engine.handle) as Tx) : db.transaction(fn);
}

/**
 * True when the handle's engine runs one write transaction at a time (SQLite): inside one,
 * nothing is stored but by the transaction itself.
 */
export function writesOneAtATime(handle: Db | Tx): boolean {
  return engineOf(handle).kind === "sqlite";
}

// The SQLite engine behind a handle, for db/sqlite/* only.
export function sqliteOf(handle: Db | Tx): SqliteEngine {
  const engine = engineOf(handle);
  if (engine.kind !== "sqlite") throw new Error("This operation is for the SQLite engine only.");
  return engine;
}

const globalForDb = globalThis as unknown as { replyhourDb?: { file: string; db: Db } };

// One database per process, migrated on first use: PostgreSQL when DATABASE_URL is a
// postgres:// URL, else the SQLite file of DATABASE_PATH; keyed so tests can switch.
export function database(): Db {
  const url = process.env.DATABASE_URL;
  const key = engineKind() === "postgres" && isPostgresUrl(url) ? url : databasePath();
  const cached = globalForDb.replyhourDb;
  if (cached && cached.file === key) return cached.db;
  const db = key === url ? openDatabase({ url: key }) : openDatabase({ file: key });
  globalForDb.replyhourDb = { file: key, db };
  return db;
}

// Closes the handle's connections; on PostgreSQL the pool ends once its queries are done.
export function closeDatabase(db?: Db): Promise<void> {
  const target = db ?? globalForDb.replyhourDb?.db;
  if (!target) return Promise.resolve();
  if (globalForDb.replyhourDb?.db === target) globalForDb.replyhourDb = undefined;
  return Promise.resolve(engineOf(target).close());
}

/** Resolves once the database is open and migrated (PostgreSQL migrates in the background). */
export async function databaseReady(db: Db = database()): Promise<void> {
  const engine = engineOf(db);
  if (engine.kind === "postgres") await engine.ready;
}

/** What the process's database is, for logs: the SQLite file, or the PostgreSQL URL without its password. */
export function databaseLabel(): string {
  const url = process.env.DATABASE_URL;
  if (engineKind() !== "postgres" || !isPostgresUrl(url)) return databasePath();
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

export { schema };
