import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, type Db } from "@/db/client";
import { channels } from "@/db/schema";
import { inboundEventSchema } from "@/lib/ingest/event";
import type { IngestItem } from "@/lib/ingest/pipeline";
import { ingestTogether } from "@/lib/ingest/together";
import { makeBrand, rows, testDb } from "../helpers/db";

async function brandWithChannel(db: Db) {
  const brand = await makeBrand({ db });
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "twitter", name: "X" }).returning());
  return { brand, channel };
}

const request = (channelId: number, ids: string[]): IngestItem[] =>
  ids.map((id) => ({
    channelId,
    event: inboundEventSchema.parse({ externalId: id, kind: "public_comment", text: `Where is my bag? (${id})`, createdAt: new Date().toISOString(), author: { id: `author-${id}` } }),
  }));

const receivedAt = async (db: Db, brandId: number) =>
  new Map((await rows<{ external_id: string; received_at: number }>(db, "SELECT external_id, received_at FROM messages WHERE brand_id = ?", brandId)).map((r) => [r.external_id, Number(r.received_at)]));

afterEach(() => vi.restoreAllMocks());

describe("requests stored together", () => {
  it("requests that wait while a batch is stored are stored in one transaction, each answered with its own outcomes", async () => {
    const { db } = testDb();
    const { brand, channel } = await brandWithChannel(db);
    // A clock that moves at every reading: a batch's messages share the time it was opened at.
    let clock = Date.now();
    vi.spyOn(Date, "now").mockImplementation(() => (clock += 1));
    const asked = [["a1", "a2"], ["b1"], ["c1", "c2", "c3"], ["d1", "a1"]];
    const answers = await Promise.all(asked.map((ids) => ingestTogether({ db, brandId: brand.id, items: request(channel.id, ids) })));

    expect(answers.map((outcomes) => outcomes.map((o) => o.externalId))).toEqual(asked);
    // The same event sent twice is stored once, as in one request.
    expect(answers[3].map((o) => o.duplicate)).toEqual([false, true]);
    expect(answers[3][1].messageId).toBe(answers[0][0].messageId);
    const at = await receivedAt(db, brand.id);
    expect(at.size).toBe(7);
    // The first request went alone; the three that waited for it were stored together.
    expect(new Set(["b1", "c1", "c2", "c3", "d1"].map((id) => at.get(id))).size).toBe(1);
    expect(at.get("a1")).not.toBe(at.get("b1"));
    await closeDatabase(db);
  });

  it("a request that fails fails alone: the others that waited with it are stored", async () => {
    const { db } = testDb();
    const { brand, channel } = await brandWithChannel(db);
    const other = await brandWithChannel(db);
    const first = ingestTogether({ db, brandId: brand.id, items: request(channel.id, ["x1"]) });
    const good = ingestTogether({ db, brandId: brand.id, items: request(channel.id, ["x2"]) });
    // Another brand's channel: refused inside the batch.
    const bad = ingestTogether({ db, brandId: brand.id, items: request(other.channel.id, ["x3"]) });
    const alsoGood = ingestTogether({ db, brandId: brand.id, items: request(channel.id, ["x4"]) });
    const settled = await Promise.allSettled([first, good, bad, alsoGood]);

    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(String((settled[2] as PromiseRejectedResult).reason)).toMatch(/Unknown channel/);
    expect([...(await receivedAt(db, brand.id)).keys()].sort()).toEqual(["x1", "x2", "x4"]);
    expect(await receivedAt(db, other.brand.id)).toEqual(new Map());
    await closeDatabase(db);
  });
});
