import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import type Database from "better-sqlite3";
import { sqliteOf, openDatabase, type Db, type Tx } from "@/db/client";
import { createBrand } from "@/lib/brands/brands";
import { cliActor } from "@/lib/audit/record";
import { createUser, setMembership } from "@/lib/team/users";
import type { Role } from "@/db/schema";

export function tempDir(prefix = "replyhour-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// A real SQLite file built from the real migrations.
export function testDb(): { db: Db; file: string } {
  const file = path.join(tempDir(), "test.db");
  return { db: openDatabase({ file }), file };
}

// Tests arrange and inspect rows with plain SQL on the same file (the app itself goes through db/).
export function sqlite(db: Db | Tx): Database.Database {
  return sqliteOf(db).writer;
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
