import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { closeDatabase, databaseReady } from "@/db/client";
import { brands, messages } from "@/db/schema";
import { cliActor } from "@/lib/audit/record";
import { createBrand } from "@/lib/brands/brands";
import { copyToPostgres } from "@/db/copy";
import { databaseEnv, onPostgres, tempDir, testDb } from "../helpers/db";
import { runScript } from "../helpers/cli";

// A child without DATABASE_URL runs on SQLite (this process's tables are PostgreSQL's).
function run(args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _, ...rest } = process.env;
  const [script, ...scriptArgs] = args;
  return runScript(script, scriptArgs, { env: { ...rest, ...env, DEMO: "1" }, timeout: 120_000 });
}

describe.skipIf(!onPostgres())("npm run db:copy", () => {
  it("copies a SQLite installation into an empty PostgreSQL database, resumes after an interruption, and verifies every table", async () => {
    const file = path.join(tempDir(), "source.db");
    const seeded = run(["tests/helpers/seed-sqlite-demo.ts"], { DATABASE_PATH: file });
    expect(seeded.status, seeded.stderr).toBe(0);
    const source = new Database(file, { readonly: true });
    const count = (table: string) => (source.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const sourceMessages = count("messages");
    const maxBrand = (source.prepare("SELECT max(id) AS id FROM brands").get() as { id: number }).id;
    expect(sourceMessages).toBeGreaterThan(100);

    const { db, file: name } = testDb();
    await databaseReady(db);
    const url = databaseEnv(name).DATABASE_URL;
    // Stops after a few batches, as a crash would.
    let batches = 0;
    const failure = await copyToPostgres({
        file,
        url,
        batchRows: 50,
        log: (line) => {
          if (line.startsWith("\r  messages: ") && ++batches === 3) throw new Error("interrupted");
        },
      }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe("interrupted");
    const partial = await db.$count(messages);
    expect(partial).toBe(150);

    const resumed = run(["scripts/db-copy.ts", "--to", url], { DATABASE_PATH: file });
    expect(resumed.status, resumed.stderr).toBe(0);
    const report = JSON.parse(resumed.stdout) as { resumed: boolean; tables: { table: string; rows: number; copied: number; checksum: string }[] };
    expect(report.resumed).toBe(true);
    const messagesRow = report.tables.find((t) => t.table === "messages")!;
    expect(messagesRow).toMatchObject({ rows: sourceMessages, copied: sourceMessages - 150 });
    expect(messagesRow.checksum).toMatch(/^[0-9a-f]{16}$/);
    for (const t of report.tables) expect(t.rows, t.table).toBe(count(t.table));
    expect(await db.$count(messages)).toBe(sourceMessages);

    // The app goes on from there: new ids follow the copied ones.
    const brand = await createBrand({ db, slug: "after-copy", name: "After the copy", actor: cliActor });
    expect(brand.id).toBe(maxBrand + 1);
    expect(await db.$count(brands)).toBe(count("brands") + 1);

    // A database that holds rows and no interrupted copy is refused.
    const again = run(["scripts/db-copy.ts", "--to", url], { DATABASE_PATH: file });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
    source.close();
    await closeDatabase(db);
  }, 180_000);
});
