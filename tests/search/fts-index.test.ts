import { describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema } from "@/lib/ingest/event";
import { checkSearchIndex, indexNewMessages } from "@/db/sqlite/fts";
import { makeBrand, testDb, sqlite } from "../helpers/db";

const T0 = Date.parse("2026-06-01T08:00:00Z");

async function setup() {
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "facebook", name: "Page", accountId: "p" }).returning());
  const event = (externalId: string, text: string, action?: "edit") =>
    inboundEventSchema.parse({ externalId, kind: "public_comment", direction: "inbound", text, createdAt: new Date(T0).toISOString(), author: { id: "a1" }, ...(action ? { action } : {}) });
  const ingest = (events: ReturnType<typeof event>[]) => ingestBatch({ db, brandId: brand.id, now: T0, items: events.map((e) => ({ event: e, channelId: channel.id })) });
  const search = (q: string) => (sqlite(db).prepare("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?").get(q) as { n: number }).n;
  const check = () => checkSearchIndex(db);
  return { db, ingest, event, search, check };
}

describe("full-text indexing per transaction", () => {
  it("makes an ingested message searchable when its batch commits", async () => {
    const t = await setup();
    await t.ingest([t.event("c1", "Lost luggage in Lisbon"), t.event("c2", "Refund for flight KL1234")]);
    expect(t.search("lisbon")).toBe(1);
    expect(t.search("refund")).toBe(1);
    await t.check();
  });

  it("indexes the edited text when a message is edited in the batch that stored it, and after", async () => {
    const t = await setup();
    await t.ingest([t.event("c1", "My bag is in Lisbon"), t.event("c1", "My bag is in Porto", "edit")]);
    expect(t.search("porto")).toBe(1);
    expect(t.search("lisbon")).toBe(0);
    await t.ingest([t.event("c1", "My bag is in Madrid", "edit")]);
    expect(t.search("madrid")).toBe(1);
    expect(t.search("porto")).toBe(0);
    await t.check();
  });

  it("catches up on messages written by any other path, once", async () => {
    const t = await setup();
    await t.ingest([t.event("c1", "first")]);
    const conversation = sqlite(t.db).prepare("SELECT conversation_id, brand_id, channel_id FROM messages LIMIT 1").get() as { conversation_id: number; brand_id: number; channel_id: number };
    sqlite(t.db)
      .prepare("INSERT INTO messages (conversation_id, brand_id, channel_id, direction, visibility, text, created_at, received_at) VALUES (?, ?, ?, 'note', 'private', 'internal walrus note', ?, ?)")
      .run(conversation.conversation_id, conversation.brand_id, conversation.channel_id, T0, T0);
    expect(t.search("walrus")).toBe(0);
    expect(await indexNewMessages(t.db)).toBe(1);
    expect(await indexNewMessages(t.db)).toBe(0);
    expect(t.search("walrus")).toBe(1);
    await t.check();
  });
});
