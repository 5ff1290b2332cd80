import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { channels } from "@/db/schema";
import { checkRateLimit } from "@/lib/api/http";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { hitRateLimit, sweepRateLimits } from "@/lib/limits/rate";
import { listPresence, recordPresence } from "@/lib/presence/presence";
import { encryptCredentials } from "@/lib/security/credentials";
import { limitRate } from "@/lib/widget/rate-limit";
import { makeBrand, makeMember, onPostgres, openAgain, testDb } from "../helpers/db";

const { db, file } = testDb();
// A second server on the same database (on SQLite, a second process's handle; its statements here
// never overlap a transaction of the first).
const other = openAgain(file);
afterAll(() => Promise.all([closeDatabase(db), closeDatabase(other)]));

describe("rate limits and presence shared by every server", () => {
  it("a limit counts the requests of both servers together, and opens again when its window ends", async () => {
    const now = 5_000_000;
    // The first request opens the window at `now`; the rest race on PostgreSQL.
    const first = await hitRateLimit({ db, key: "test:shared", limit: 10, now });
    const hits = await (onPostgres()
      ? Promise.all(Array.from({ length: 29 }, (_, j) => hitRateLimit({ db: (j + 1) % 2 ? other : db, key: "test:shared", limit: 10, now: now + j + 1 }))).then((rest) => [first, ...rest])
      : // One SQLite handle at a time: two handles of one process would wait for each other's lock synchronously.
        (async () => {
          const out = [first];
          for (let i = 1; i < 30; i++) out.push(await hitRateLimit({ db: i % 2 ? other : db, key: "test:shared", limit: 10, now: now + i }));
          return out;
        })());
    expect(hits.filter((h) => h.allowed)).toHaveLength(10);
    const refused = hits.find((h) => !h.allowed);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await hitRateLimit({ db: other, key: "test:shared", limit: 10, now: now + 59_000 })).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await hitRateLimit({ db, key: "test:shared", limit: 10, now: now + 60_000 })).toEqual({ allowed: true });
    expect(await hitRateLimit({ db, key: "test:other", limit: 10, now })).toEqual({ allowed: true });
    // The window of test:other ended; test:shared's new one has not.
    expect(await sweepRateLimits({ db, now: now + 61_000 })).toBe(1);
    expect(await hitRateLimit({ db, key: "test:shared", limit: 1, now: now + 61_000 })).toMatchObject({ allowed: false });
  });

  it("the widget's and the API's limits refuse on one server what the other already counted", async () => {
    const now = Date.now();
    for (let i = 0; i < 3; i++) await limitRate({ db, key: "ip:192.0.2.7", limit: 3, what: "requests", now });
    await expect(limitRate({ db: other, key: "ip:192.0.2.7", limit: 3, what: "requests", now })).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: 60 });
    process.env.API_RATE_PER_MINUTE = "2";
    try {
      await checkRateLimit({ db, tokenId: 991, now });
      await checkRateLimit({ db: other, tokenId: 991, now });
      await expect(checkRateLimit({ db, tokenId: 991, now })).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: 60 });
    } finally {
      delete process.env.API_RATE_PER_MINUTE;
    }
  });

  it("who views a conversation on one server is seen by a manager on the other", async () => {
    const brand = await makeBrand({ db });
    const [agent, manager] = [await makeMember({ db, brandId: brand.id, role: "agent" }), await makeMember({ db, brandId: brand.id, role: "manager" })];
    const [channel] = await db.transaction((tx) =>
      tx.insert(channels).values({ brandId: brand.id, kind: "telegram", name: "Bot", accountId: "42", credentials: encryptCredentials({ botToken: "42:x" }) }).returning(),
    );
    const [outcome] = await ingestBatch({
      db,
      brandId: brand.id,
      items: [{ channelId: channel.id, event: inboundEventSchema.parse({ externalId: "5:1", kind: "private_message", threadId: "5", text: "Hello?", createdAt: new Date().toISOString(), author: { id: "5", name: "Ann" } }) }],
    });
    const conversationId = Number(outcome.conversationId);
    await recordPresence({ db, brandId: brand.id, conversationId, userId: agent.id, state: "typing" });
    const seen = await listPresence({ db: other, brandId: brand.id, conversationId, excludeUserId: manager.id });
    expect(seen).toEqual([{ userId: agent.id, name: agent.name, state: "typing" }]);
  });
});
