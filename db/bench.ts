import fs from "node:fs";
import { engineOf, type Db } from "./client";
import * as postgres from "./postgres/bench";
import * as sqlite from "./sqlite/bench";

// The bench's measures below the data layer, on the handle's engine.

/** See db/sqlite/bench.ts and db/postgres/bench.ts: on PostgreSQL the three kinds are one measure. */
export function rawMessageInsertRate(db: Db, options: { afterId: number; fts: "trigger" | "none" | "batch"; batch: number }): Promise<number> {
  return engineOf(db).kind === "postgres" ? postgres.rawMessageInsertRate(db, options) : sqlite.rawMessageInsertRate(db, options);
}

/** The database's size on disk, in MB: the SQLite file, or pg_database_size. */
export async function databaseMb(db: Db): Promise<number> {
  const engine = engineOf(db);
  if (engine.kind === "postgres") return postgres.databaseMb(db);
  return Math.round(fs.statSync(engine.file).size / 1e5) / 10;
}

/** PostgreSQL's `shared_buffers` (e.g. "128MB"); null on SQLite. */
export async function sharedBuffers(db: Db): Promise<string | null> {
  return engineOf(db).kind === "postgres" ? postgres.sharedBuffers(db) : null;
}
