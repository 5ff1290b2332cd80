import { describe, expect, it } from "vitest";
import { closeDatabase, sqliteOf, openDatabase } from "@/db/client";
import { brands, channels, contacts, conversations, messages } from "@/db/schema";
import { rawMessageInsertRate, statementName, timeStatements } from "@/db/sqlite/bench";
import { makeBrand, onPostgres, testDb } from "../helpers/db";

async function withMessages(count: number) {
  const { db, file } = testDb();
  const brand = await makeBrand({ db });
  await db.transaction(async (tx) => {
    const [channel] = await tx.insert(channels).values({ brandId: brand.id, kind: "web", name: "Site" }).returning();
    const [contact] = await tx.insert(contacts).values({ brandId: brand.id, channelId: channel.id, externalId: "c1" }).returning();
    const at = new Date("2026-03-01T10:00:00Z");
    const [conversation] = await tx
      .insert(conversations)
      .values({ brandId: brand.id, channelId: channel.id, contactId: contact.id, kind: "public_comment", lastMessageAt: at, updatedAt: at })
      .returning();
    for (let i = 0; i < count; i++)
      await tx.insert(messages).values({ conversationId: conversation.id, brandId: brand.id, channelId: channel.id, direction: "inbound", externalId: `m${i}`, text: `question ${i}`, createdAt: at, receivedAt: at });
  });
  return { db, file };
}

// What the bench measures below the data layer is SQLite's own (db/sqlite/bench.ts).
describe.skipIf(onPostgres())("bench measures on SQLite", () => {
  it("times raw inserts of stored messages and rolls them back, trigger and all", async () => {
    const { db } = await withMessages(7);
    const writer = sqliteOf(db).writer;
    const before = writer.prepare("SELECT count(*) AS n FROM messages").get();
    for (const fts of ["none", "trigger", "batch"] as const) expect(await rawMessageInsertRate(db, { afterId: 0, fts, batch: 3 })).toBeGreaterThan(0);
    expect(writer.prepare("SELECT count(*) AS n FROM messages").get()).toEqual(before);
    expect(writer.prepare("SELECT count(*) AS n FROM temp.sqlite_master WHERE type = 'trigger'").get()).toEqual({ n: 0 });
    expect(writer.inTransaction).toBe(false);
    closeDatabase(db);
  });

  it("times each statement a handle runs, named by its SQL", async () => {
    const { db, file } = await withMessages(1);
    closeDatabase(db);
    const timed = openDatabase({ file, runMigrations: false });
    const names: string[] = [];
    timeStatements(timed, (name, fn) => {
      names.push(name);
      return fn();
    });
    expect(await timed.select({ slug: brands.slug }).from(brands)).toHaveLength(1);
    await timed.transaction((tx) => tx.update(brands).set({ name: "Renamed" }));
    expect(names).toEqual(['SELECT slug from brands', "UPDATE brands set name = ?"]);
    closeDatabase(timed);
    expect(statementName('insert into "messages" ("id", "text")\n  values (?, ?)')).toBe("INSERT INTO messages (id, text) values (?, ?)");
  });
});
