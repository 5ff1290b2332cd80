import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";

const wrapped = new WeakMap<Database.Database, Db>();

// The ingest pipeline and the SLA timer hand us the raw connection; drizzle over the same
// connection writes inside their open transaction (recordAudit needs the drizzle form).
export function dbFor(sqlite: Database.Database): Db {
  let db = wrapped.get(sqlite);
  if (!db) {
    db = drizzle(sqlite, { schema }) as Db;
    wrapped.set(sqlite, db);
  }
  return db;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

// Prepared once per connection: these run on the ingest hot path.
export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let perDb = statements.get(sqlite);
  if (!perDb) {
    perDb = new Map();
    statements.set(sqlite, perDb);
  }
  let statement = perDb.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    perDb.set(sql, statement);
  }
  return statement;
}
