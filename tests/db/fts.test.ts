import { describe, expect, it } from "vitest";
import { desc, eq, sql } from "drizzle-orm";
import { channels, contacts, conversations, messages, workerState } from "@/db/schema";
import { checkSearchIndex, indexNewMessages, rebuildSearchIndex, searchConversationIds } from "@/db/search";
import { ftsMatch } from "@/db/sqlite/fts";
import { tsQuery } from "@/db/postgres/fts";
import type { Db } from "@/db/client";
import { selectRows } from "@/db/sql";
import { makeBrand, onPostgres, sqlite, testDb } from "../helpers/db";

const T0 = new Date("2026-06-01T08:00:00Z");

// A conversation of its own per message, written straight to the tables (not through ingest).
async function addMessages(db: Db, brandId: number, texts: string[]): Promise<number[]> {
  return db.transaction(async (tx) => {
    const [channel] = await tx.insert(channels).values({ brandId, kind: "facebook", name: "Page" }).returning();
    const [contact] = await tx.insert(contacts).values({ brandId, channelId: channel.id, externalId: "a1" }).returning();
    const ids: number[] = [];
    for (const text of texts) {
      const [conversation] = await tx
        .insert(conversations)
        .values({ brandId, channelId: channel.id, contactId: contact.id, kind: "public_comment", lastMessageAt: T0, updatedAt: T0 })
        .returning();
      await tx.insert(messages).values({ conversationId: conversation.id, brandId, channelId: channel.id, direction: "inbound", text, createdAt: T0, receivedAt: T0 });
      ids.push(conversation.id);
    }
    return ids;
  });
}

const lastMessageId = async (db: Db) => (await db.select({ id: messages.id }).from(messages).orderBy(desc(messages.id)).limit(1))[0]?.id;
const cursor = async (db: Db) => Number((await db.select().from(workerState).where(eq(workerState.key, "fts-cursor")))[0]?.value);

// Run on both engines (tests/postgres-setup.ts). PostgreSQL's GIN index is current at every
// commit; SQLite's FTS5 index is current once indexNewMessages ran, at the end of each writing transaction.
describe("full-text search", () => {
  it("indexes messages past the cursor once, and moves the cursor", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const [first, second] = await addMessages(db, brand.id, ["Lost luggage in Lisbon", "Refund for the Lisbon flight"]);
    if (!onPostgres()) expect(await searchConversationIds(db, { brandId: brand.id, words: ["lisbon"], limit: 10 })).toEqual([]);
    expect(await indexNewMessages(db)).toBe(2);
    expect(await cursor(db)).toBe(await lastMessageId(db));
    expect(await indexNewMessages(db)).toBe(0);
    expect(await searchConversationIds(db, { brandId: brand.id, words: ["lisbon"], limit: 10 })).toEqual([second, first]);
    await checkSearchIndex(db);
  });

  it("matches every word, the last as a prefix, newest first, at most the limit, within the brand", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const other = await makeBrand({ db });
    const [a, b, c] = await addMessages(db, brand.id, ["refund for my bag", "my bag arrived", "refunded bag, thanks"]);
    await addMessages(db, other.id, ["refund for my bag"]);
    await indexNewMessages(db);
    const search = (words: string[], limit = 10) => searchConversationIds(db, { brandId: brand.id, words, limit });
    expect(await search(["bag", "refund"])).toEqual([c, a]);
    expect(await search(["bag"], 2)).toEqual([c, b]);
    expect(await search(["nothing"])).toEqual([]);
    expect(await search([])).toEqual([]);
  });

  it("quotes each word so FTS5 or tsquery syntax in what a person types cannot leak in", async () => {
    expect(ftsMatch(["a", 'b"c', "OR"])).toBe('"a" "bc" "OR"*');
    expect(tsQuery(["a", "b'c", "|", "x\\"])).toBe("'a' & 'b''c' & '|' & 'x':*");
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const [id] = await addMessages(db, brand.id, ['say "NEAR" OR AND * & | ! it\'s']);
    await indexNewMessages(db);
    expect(await searchConversationIds(db, { brandId: brand.id, words: ["NEAR", "OR", "AND"], limit: 10 })).toEqual([id]);
    expect(await searchConversationIds(db, { brandId: brand.id, words: ["&", "|", "!", "it's"], limit: 10 })).toEqual([id]);
  });

  it("joins the caller's transaction, which can still roll it back", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    await addMessages(db, brand.id, ["walrus"]);
    const before = await cursor(db);
    await expect(
      db.transaction(async (tx) => {
        expect(await indexNewMessages(tx)).toBe(1);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await cursor(db)).toBe(before);
    if (!onPostgres()) expect(await searchConversationIds(db, { brandId: brand.id, words: ["walrus"], limit: 10 })).toHaveLength(0);
  });

  it("rebuilds the index from every message and moves the cursor past them", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const [id] = await addMessages(db, brand.id, ["bulk loaded walrus"]);
    await rebuildSearchIndex(db);
    expect(await indexNewMessages(db)).toBe(0);
    expect(await searchConversationIds(db, { brandId: brand.id, words: ["walrus"], limit: 10 })).toEqual([id]);
    await checkSearchIndex(db);
  });

  it("folds case and accents, and finds Cyrillic words by prefix", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const [cafe, order] = await addMessages(db, brand.id, ["Le CAFÉ était fermé", "Где мой заказ?"]);
    await indexNewMessages(db);
    const search = (words: string[]) => searchConversationIds(db, { brandId: brand.id, words, limit: 10 });
    expect(await search(["cafe", "etait"])).toEqual([cafe]);
    expect(await search(["ferme"])).toEqual([cafe]);
    expect(await search(["заказ"])).toEqual([order]);
    expect(await search(["мой", "зак"])).toEqual([order]);
  });

  it.skipIf(onPostgres())("reports an index that disagrees with the messages (SQLite's FTS5 integrity check)", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    await addMessages(db, brand.id, ["walrus"]);
    await indexNewMessages(db);
    sqlite(db).prepare("INSERT INTO messages_fts (rowid, text, brand_id) VALUES (999999, 'ghost', ?)").run(brand.id);
    await expect(checkSearchIndex(db)).rejects.toThrow();
  });

  it.runIf(onPostgres())("finds the newest matches stretch by stretch from the newest message back, the same as one gathering of every match", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const other = await makeBrand({ db });
    const texts = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? `refund ${i}` : i % 7 === 0 ? `refunded bag ${i}` : `hello ${i}`));
    texts.push("user_name here", "name user there", "l'avion d\\'abord");
    // ids 30,000 apart: the messages lie in many stretches of 65,536 ids, some stretches empty
    for (const text of texts) {
      await selectRows(db, sql`SELECT setval(pg_get_serial_sequence('messages', 'id'), nextval(pg_get_serial_sequence('messages', 'id')) + 30000)`);
      await addMessages(db, brand.id, [text]);
      await addMessages(db, other.id, [`${text} elsewhere`]);
    }
    const hits = async (words: string[], wanted: number, width: number) =>
      (await selectRows<{ conversation_id: number }>(db, sql`SELECT conversation_id FROM message_search_hits(${brand.id}, to_tsquery('replyhour_search', ${tsQuery(words)}), ${wanted}, ${width})`)).map((r) => Number(r.conversation_id));
    for (const words of [["refund"], ["bag"], ["refunded", "bag"], ["ref"], ["user_name"], ["avion"], ["nothing"]])
      for (const wanted of [1, 3, 10, 100]) {
        const all = await hits(words, wanted, 1_000_000_000);
        // first steps of 1 and 5 ids, then stretches as the rate says: several statements, the same hits in the same order
        expect(await hits(words, wanted, 1)).toEqual(all);
        expect(await hits(words, wanted, 5)).toEqual(all);
        expect(all.length).toBe(Math.min(wanted, texts.filter((t) => words.every((w) => t.includes(w))).length));
      }
  });
});
