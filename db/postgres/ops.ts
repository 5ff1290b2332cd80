import { spawn } from "node:child_process";
import fs from "node:fs";
import type { Db } from "../client";
import { engineOf } from "../client";

// PostgreSQL's twins of db/sqlite/ops.ts: a backup is pg_dump's; a bulk load lifts the foreign
// keys for its length; WAL checkpoints have no counterpart (the server owns its files).

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

// The foreign keys a bulk load took off, by database, to put back when it ends.
const dropped = new WeakMap<object, { table: string; name: string; definition: string }[]>();
const droppedIndexes = new WeakMap<object, { name: string; definition: string }[]>();

/**
 * For a bulk load into a fresh database (the bench's fill): rows may reference rows written
 * later, so the foreign keys come off (a table's owner may do that; disabling their triggers
 * would need a superuser) and go back on at the end, checked over every row at once; so do the
 * indexes that only speed reads up (the full-text GIN index among them), built once. The
 * message rollups' per-row trigger (a third of a millisecond a row) is off too, and the rollups
 * are counted over all messages at the end. Rows written with their own ids leave the id
 * sequences behind: at the end each continues after the highest id. Call outside a transaction.
 */
// The messages' rollup triggers: per statement for inserts, per row for updates and deletes (drizzle-pg/0016).
const ROLLUP_TRIGGERS = ["message_rollups_count", "message_rollups_count_inserted"];

export async function bulkLoadMode(db: Db, on: boolean): Promise<void> {
  const engine = engineOf(db);
  if (engine.kind !== "postgres") throw new Error("Not a PostgreSQL database.");
  await engine.ready;
  const client = await engine.pool.connect();
  try {
    await client.query("BEGIN");
    if (on) {
      const { rows } = await client.query<{ table: string; name: string; definition: string }>(
        `SELECT c.conrelid::regclass::text AS "table", c.conname AS name, pg_get_constraintdef(c.oid) AS definition
           FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
      );
      for (const fk of rows) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
      dropped.set(engine, [...(dropped.get(engine) ?? []), ...rows]);
      for (const trigger of ROLLUP_TRIGGERS) await client.query(`ALTER TABLE "messages" DISABLE TRIGGER "${trigger}"`);
      // Indexes that check nothing (not unique, no constraint) are built once at the end, as pg_restore does.
      const indexes = await client.query<{ name: string; definition: string }>(
        `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
           JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = current_schema()::regnamespace
           JOIN pg_index x ON x.indexrelid = c.oid
          WHERE i.schemaname = current_schema() AND NOT x.indisunique`,
      );
      for (const index of indexes.rows) await client.query(`DROP INDEX "${index.name}"`);
      droppedIndexes.set(engine, [...(droppedIndexes.get(engine) ?? []), ...indexes.rows]);
    } else {
      for (const fk of dropped.get(engine) ?? []) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
      dropped.delete(engine);
      await client.query("SET LOCAL maintenance_work_mem = '256MB'");
      for (const index of droppedIndexes.get(engine) ?? []) await client.query(index.definition);
      droppedIndexes.delete(engine);
      // Counted again from every message, by the trigger's own function (drizzle-pg/0007), once
      // per group of messages that fall into the same rollup row.
      for (const trigger of ROLLUP_TRIGGERS) await client.query(`ALTER TABLE "messages" ENABLE TRIGGER "${trigger}"`);
      await client.query(`DELETE FROM "message_rollups"`);
      await client.query(
        `SELECT "message_rollups_add"(m, g.n) FROM (
           SELECT min("id") AS id, count(*)::int AS n FROM "messages"
            GROUP BY "brand_id", "direction", "created_at" / 900000, "channel_id", "user_id", "automated", "category", "corrected", "corrected_from") g
           JOIN "messages" m ON m."id" = g.id`,
      );
      const { rows } = await client.query<{ table: string; column: string }>(
        `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
          WHERE table_schema = current_schema() AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
      );
      for (const { table, column } of rows)
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max("${column}") FROM "${table}"), 1), (SELECT count(*) > 0 FROM "${table}"))`,
          [`"${table}"`, column],
        );
      // Statistics for the loaded rows, as after pg_restore: until autovacuum gets to it the
      // planner sees the tables as they were before the load (a search on a just-filled table
      // intersected a brand's whole B-tree range instead of the text index: 67 ms against 5).
      await client.query("ANALYZE");
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function checkpoint(_db: Db): Promise<void> {}

// PostgreSQL rewrites a row on update and its index follows at commit; old row versions are
// the server's to reclaim (autovacuum), never readable through SQL.
export async function purgeErased(_db: Db, _options: { full: boolean }): Promise<void> {}
