import { spawn } from "node:child_process";
import fs from "node:fs";
import type { Db } from "../client";
import { engineOf } from "../client";

// PostgreSQL's twins of db/sqlite/ops.ts: a backup is pg_dump's; the file-level settings of a
// SQLite bulk load and WAL checkpoints have no counterpart (the server owns its files).

/**
 * A consistent copy while the app keeps writing: `pg_dump --format=custom` (one snapshot),
 * restorable with pg_restore. Needs pg_dump (Debian: postgresql-client) on the PATH.
 */
export async function backupTo(db: Db, file: string): Promise<{ pages: number }> {
  const engine = engineOf(db);
  if (engine.kind !== "postgres") throw new Error("Not a PostgreSQL database.");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.env.PG_DUMP || "pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${engine.url}`], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => reject(new Error(`pg_dump could not start (${error.message}); install postgresql-client.`)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`pg_dump failed: ${stderr.trim()}`))));
  });
  // Pages of 8 KiB, PostgreSQL's block size, for a figure comparable with SQLite's backup.
  return { pages: Math.ceil(fs.statSync(file).size / 8192) };
}

export async function bulkLoadMode(_db: Db, _on: boolean): Promise<void> {}

export async function checkpoint(_db: Db): Promise<void> {}

// PostgreSQL rewrites a row on update and its index follows at commit; old row versions are
// the server's to reclaim (autovacuum), never readable through SQL.
export async function purgeErased(_db: Db, _options: { full: boolean }): Promise<void> {}
