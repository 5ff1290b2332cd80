import { describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { makeBrand, rows, testDb } from "../helpers/db";

// A returning author's profile follows what the platform says now; a field an event does not
// carry keeps the stored value. Profile changes are written once per batch.
describe("contact profiles", () => {
  it("takes the newest handle, name and followers an event carries, in one batch or across batches", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "instagram", name: "IG" }).returning());
    const event = (n: number, author: Record<string, unknown>) => ({
      channelId: channel.id,
      event: inboundEventSchema.parse({ externalId: `m${n}`, text: `hello ${n}`, createdAt: new Date(Date.UTC(2026, 4, 1, 10, n)).toISOString(), author: { id: "u1", ...author } }),
    });
    const profile = async () => (await rows(db, "SELECT handle, name, followers FROM contacts WHERE external_id = 'u1'"))[0];

    await ingestBatch({ db, brandId: brand.id, items: [event(1, { handle: "ann", name: "Ann", followers: 10 })] });
    expect(await profile()).toEqual({ handle: "ann", name: "Ann", followers: 10 });
    // a stored contact changed twice in one batch: the last value of each field wins
    await ingestBatch({ db, brandId: brand.id, items: [event(2, { handle: "ann2", followers: 20 }), event(3, { name: "Ann B" }), event(4, { followers: 30 })] });
    expect(await profile()).toEqual({ handle: "ann2", name: "Ann B", followers: 30 });
    // an event with no profile leaves it as it is
    await ingestBatch({ db, brandId: brand.id, items: [event(5, {})] });
    expect(await profile()).toEqual({ handle: "ann2", name: "Ann B", followers: 30 });
  });
});
