import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import type Database from "better-sqlite3";
import pg from "pg";
import { engineKind } from "@/db/engine";
import { databaseUrl } from "@/scripts/lib/postgres";
import { engineOf, sqliteOf, openDatabase, type Db, type Tx } from "@/db/client";
import { createBrand } from "@/lib/brands/brands";
import { cliActor } from "@/lib/audit/record";
import { createUser, setMembership } from "@/lib/team/users";
import type { Role } from "@/db/schema";

export function tempDir(prefix = "replyhour-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

let admin: pg.Client | undefined;
let created = Promise.resolve();
const creations = new Map<string, Promise<unknown>>();

// The PostgreSQL server of the PostgreSQL run (tests/postgres-setup.ts): DATABASE_URL names its
// maintenance database, so the process builds its tables for PostgreSQL.
const server = () => process.env.DATABASE_URL!;

// A database of the PostgreSQL run: a copy of the migrated template.
function postgresTestDb(): { db: Db; file: string } {
  const template = process.env.TEST_POSTGRES_TEMPLATE;
  if (!template) throw new Error("PostgreSQL tests run with vitest.postgres.config.ts, which makes the template.");
  const name = `test_${process.pid}_${crypto.randomBytes(5).toString("hex")}`;
  if (!admin) {
    admin = new pg.Client(server());
    created = admin.connect().then(() => undefined);
  }
  const client = admin;
  // CREATE DATABASE … TEMPLATE wants the template to itself: one at a time per worker.
  const ready = (created = created.then(() => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)).then(() => undefined));
  creations.set(name, ready);
  return { db: openDatabase({ url: databaseUrl(server(), name), runMigrations: false, ready }), file: name };
}

/** The environment for a child process (a CLI) that should open this test database. */
export function databaseEnv(file: string): Record<string, string> {
  return engineKind() === "postgres" ? { DATABASE_URL: databaseUrl(server(), file) } : { DATABASE_PATH: file };
}

// A real database built from the real migrations: a SQLite file, or on the PostgreSQL run a
// PostgreSQL database.
export function testDb(): { db: Db; file: string } {
  if (engineKind() === "postgres") return postgresTestDb();
  const file = path.join(tempDir(), "test.db");
  return { db: openDatabase({ file }), file };
}

export const onPostgres = () => engineKind() === "postgres";

// A second handle on a test database (as a second process would open it): `file` as testDb() gave it.
export function openAgain(file: string): Db {
  if (engineKind() === "postgres") return openDatabase({ url: databaseUrl(server(), file), runMigrations: false, ready: creations.get(file) });
  return openDatabase({ file });
}

// Tests arrange and inspect rows with plain SQL on the same file (the app itself goes through db/).
export function sqlite(db: Db | Tx): Database.Database {
  return sqliteOf(db).writer;
}

// Plain SQL with `?` placeholders on either engine, for tests that arrange or inspect rows the
// app has no function for. Write SQL both engines read: `true`/`false` for booleans, no
// SQLite-only functions; column aliases in camelCase need double quotes on PostgreSQL. Rows come
// back as SQLite shows them (booleans as 0 / 1) on both engines.
async function rawQuery(db: Db | Tx, text: string, params: unknown[]): Promise<{ rows: unknown[]; changes: number }> {
  const engine = engineOf(db);
  if (engine.kind === "postgres") {
    await engine.ready;
    let n = 0;
    const result = await engine.client.query(text.replace(/\?/g, () => `$${++n}`), params);
    // Rows as SQLite gives them, so one expectation holds on both: booleans as 0 / 1.
    const rows = result.rows.map((r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "boolean" ? Number(v) : v])));
    return { rows, changes: result.rowCount ?? 0 };
  }
  const statement = engine.writer.prepare(text);
  if (statement.reader) return { rows: statement.all(...params), changes: 0 };
  return { rows: [], changes: statement.run(...params).changes };
}

export async function rows<Row = Record<string, unknown>>(db: Db | Tx, text: string, ...params: unknown[]): Promise<Row[]> {
  return (await rawQuery(db, text, params)).rows as Row[];
}

export async function row<Row = Record<string, unknown>>(db: Db | Tx, text: string, ...params: unknown[]): Promise<Row | undefined> {
  return (await rawQuery(db, text, params)).rows[0] as Row | undefined;
}

// count(*) as a number on both engines
export async function count(db: Db | Tx, text: string, ...params: unknown[]): Promise<number> {
  const first = (await rawQuery(db, text, params)).rows[0] as Record<string, unknown> | undefined;
  return Number(first ? Object.values(first)[0] : 0);
}

export async function run(db: Db | Tx, text: string, ...params: unknown[]): Promise<number> {
  return (await rawQuery(db, text, params)).changes;
}

export function uniqueSlug(prefix = "b"): string {
  return `${prefix}-${crypto.randomBytes(4).toString("hex")}`;
}

export async function makeBrand({ db, timezone = "UTC" }: { db: Db; timezone?: string }) {
  return createBrand({ db, slug: uniqueSlug(), name: "Test brand", timezone, actor: cliActor });
}

export async function makeMember({ db, brandId, role, password = "correct-horse-42" }: { db: Db; brandId: number; role: Role; password?: string }) {
  const email = `${role}-${crypto.randomBytes(4).toString("hex")}@example.test`;
  const user = await createUser({ db, email, password, name: `${role} user`, actor: cliActor });
  await setMembership({ db, userId: user.id, brandId, role, actor: cliActor });
  return { ...user, password };
}
