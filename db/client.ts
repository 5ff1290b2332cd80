import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || "./data/replyhour.db");
}

export function migrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");
}

export function openDatabase({ file, runMigrations = true }: { file: string; runMigrations?: boolean }): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // WAL with NORMAL sync loses no committed transaction on a process crash, only on power loss.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("cache_size = -65536");
  sqlite.pragma("temp_store = MEMORY");
  const db = drizzle(sqlite, { schema }) as Db;
  if (runMigrations) migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

const globalForDb = globalThis as unknown as { replyhourDb?: { file: string; db: Db } };

// One connection per process, migrated on first use; keyed by path so tests can switch files.
export function getDb(): Db {
  const file = databasePath();
  const cached = globalForDb.replyhourDb;
  if (cached && cached.file === file) return cached.db;
  const db = openDatabase({ file });
  globalForDb.replyhourDb = { file, db };
  return db;
}

export function closeDb(): void {
  globalForDb.replyhourDb?.db.$client.close();
  globalForDb.replyhourDb = undefined;
}

export { schema };
