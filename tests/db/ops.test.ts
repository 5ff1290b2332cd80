import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeDatabase, sqliteOf, openDatabase } from "@/db/client";
import { brands, conversations } from "@/db/schema";
import { backupTo, bulkLoadMode, checkpoint } from "@/db/ops";
import { spawnSync } from "node:child_process";
import { makeBrand, onPostgres, tempDir, testDb } from "../helpers/db";

describe("operations on the database", () => {
  it.skipIf(onPostgres())("backs up a consistent copy that opens as a database of its own", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const file = path.join(tempDir(), "copy.db");
    const { pages } = await backupTo(db, file);
    expect(pages).toBeGreaterThan(0);
    const copy = openDatabase({ file });
    expect(await copy.select({ slug: brands.slug }).from(brands).where(eq(brands.id, brand.id))).toEqual([{ slug: brand.slug }]);
    closeDatabase(copy);
    closeDatabase(db);
  });

  it.runIf(onPostgres())("backs up with pg_dump, a copy that pg_restore reads", async () => {
    const { db } = testDb();
    await makeBrand({ db });
    const file = path.join(tempDir(), "copy.dump");
    const { pages } = await backupTo(db, file);
    expect(pages).toBeGreaterThan(0);
    const listing = spawnSync("pg_restore", ["--list", file], { encoding: "utf8" });
    expect(listing.stdout).toMatch(/TABLE DATA public brands/);
    expect(listing.stdout).toMatch(/INDEX public messages_search/);
    closeDatabase(db);
  });

  it.skipIf(onPostgres())("turns the foreign-key checks and fsync off for a bulk load, and back on", async () => {
    const { db } = testDb();
    const writer = sqliteOf(db).writer;
    await bulkLoadMode(db, true);
    expect(writer.pragma("foreign_keys", { simple: true })).toBe(0);
    expect(writer.pragma("synchronous", { simple: true })).toBe(0);
    // A row may reference one written later.
    const row = { brandId: 999, channelId: 999, contactId: 999, kind: "public_comment" as const, lastMessageAt: new Date(), updatedAt: new Date() };
    await db.transaction((tx) => tx.insert(conversations).values(row));
    await bulkLoadMode(db, false);
    expect(writer.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(writer.pragma("synchronous", { simple: true })).toBe(1);
    await expect(db.transaction((tx) => tx.insert(conversations).values(row))).rejects.toThrow(/FOREIGN KEY/);
    closeDatabase(db);
  });

  it.skipIf(onPostgres())("empties the write-ahead log into the database file", async () => {
    const { db, file } = testDb();
    await makeBrand({ db });
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    await checkpoint(db);
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    closeDatabase(db);
  });
});
