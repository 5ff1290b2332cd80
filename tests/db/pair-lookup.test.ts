import { describe, expect, it } from "vitest";
import { closeDatabase, engineOf } from "@/db/client";
import { fromPairs, insertRows, pairFields } from "@/db/bulk";
import { channels, contacts } from "@/db/schema";
import { makeBrand, onPostgres, testDb } from "../helpers/db";

// The ingest's read-ahead on PostgreSQL (lib/ingest/store.ts): rows by (channel, key) pairs.
describe.skipIf(!onPostgres())("rows by (channel, key) pairs", () => {
  it("finds exactly the pairs' rows, probing the index once a pair even when the pairs are many against the table", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "twitter", name: "X" }).returning());
    await db.transaction((tx) => insertRows(tx, contacts, Array.from({ length: 3000 }, (_, i) => ({ brandId: brand.id, channelId: channel.id, externalId: `a${i}`, handle: `h${i}` }))));
    const engine = engineOf(db);
    if (engine.kind !== "postgres") throw new Error("PostgreSQL only");
    await engine.client.query("ANALYZE contacts");

    // 500 pairs, half of them known: a plain join hashed all 3,000 rows for these.
    const keys = Array.from({ length: 500 }, (_, i) => (i % 2 ? `a${i * 3}` : `new${i}`));
    const query = db.select(pairFields({ id: contacts.id, externalId: contacts.externalId, handle: contacts.handle })).from(fromPairs(contacts, contacts.channelId, contacts.externalId));
    const { sql: text } = query.toSQL();
    const values = [keys.map(() => channel.id), keys];
    const found = (await engine.client.query(text, values)).rows as { externalId: string; handle: string }[];
    expect(found.map((r) => Object.values(r)[1]).sort()).toEqual(keys.filter((k) => k.startsWith("a")).sort());

    const plan = (await engine.client.query(`EXPLAIN ${text}`, values)).rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
    expect(plan).toContain("Index Scan using contacts_channel_external");
    expect(plan).not.toMatch(/Hash Join|Seq Scan on contacts|Merge Join/);
    await closeDatabase(db);
  });
});
