import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { channels } from "@/db/schema";
import { encryptCredentials } from "@/lib/security/credentials";
import { resetSecretsCache } from "@/lib/security/secrets";
import { backoffMs, pollDueChannels, POLL_INTERVAL_MS } from "@/lib/worker/pollers";
import { startFakeX } from "../fakes/x";
import { startFakeYoutube } from "../fakes/youtube";
import { xTweet, xUser, youtubeComment, youtubeThread } from "../fakes/payloads";
import { makeBrand, testDb, sqlite } from "../helpers/db";

const T0 = Date.parse("2026-03-02T10:00:00Z");
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

beforeAll(() => {
  process.env.AUTH_SECRET = "poll-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "poll-credentials-key-0123456789abcdef";
  resetSecretsCache();
});

async function setup(kind: "youtube" | "twitter", accountId: string, credentials: Record<string, string>) {
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind, name: kind, accountId, credentials: encryptCredentials(credentials) }).returning());
  return { db, channel };
}

const row = (db: Db, id: number) => sqlite(db).prepare("SELECT * FROM channels WHERE id = ?").get(id) as Record<string, unknown>;
const count = (db: Db, id: number) => (sqlite(db).prepare("SELECT count(*) AS n FROM messages WHERE channel_id = ?").get(id) as { n: number }).n;

describe("pollers in the worker", () => {
  it("polls YouTube, stores events and the cursor, backs off on 429 and never duplicates", async () => {
    const fake = await startFakeYoutube({ channelId: "UC-brand", apiKey: "yt-key" });
    closers.push(fake.close);
    const author = { channelId: "UC-fan", name: "Fan" };
    for (let i = 1; i <= 3; i++)
      fake.addThread(youtubeThread({ top: youtubeComment({ id: `yt${i}`, videoId: "v1", channelId: "UC-brand", author, text: `Question ${i}?`, publishedAt: `2026-03-01T0${i}:00:00Z` }) }));
    const { db, channel } = await setup("youtube", "UC-brand", { apiKey: "yt-key" });
    const baseUrls = { youtube: fake.url, x: "http://127.0.0.1:1" };

    await pollDueChannels({ db, now: T0, baseUrls });
    expect(count(db, channel.id)).toBe(3);
    const after = row(db, channel.id);
    expect(JSON.parse(String(after.poll_cursor))).toEqual({ since: "2026-03-01T03:00:00.000Z" });
    expect(after.poll_next_at).toBe(T0 + POLL_INTERVAL_MS);

    // Not due yet: nothing is requested.
    const requests = fake.requests.length;
    await pollDueChannels({ db, now: T0 + 1000, baseUrls });
    expect(fake.requests.length).toBe(requests);

    fake.fail({ kind: "rate_limit", retryAfter: 300 });
    await pollDueChannels({ db, now: T0 + POLL_INTERVAL_MS, baseUrls });
    const limited = row(db, channel.id);
    expect(limited.status).toBe("error");
    expect(String(limited.last_error)).toMatch(/Poll failed/);
    expect(limited.poll_next_at).toBe(T0 + POLL_INTERVAL_MS + 300_000);
    expect(JSON.parse(String(limited.poll_cursor))).toEqual({ since: "2026-03-01T03:00:00.000Z" });

    fake.addThread(youtubeThread({ top: youtubeComment({ id: "yt4", videoId: "v1", channelId: "UC-brand", author, text: "Still there?", publishedAt: "2026-03-01T05:00:00Z" }) }));
    await pollDueChannels({ db, now: T0 + POLL_INTERVAL_MS + 300_000, baseUrls });
    expect(count(db, channel.id)).toBe(4);
    expect(row(db, channel.id).status).toBe("active");
    await pollDueChannels({ db, now: T0 + 10 * POLL_INTERVAL_MS, baseUrls });
    expect(count(db, channel.id)).toBe(4);
  });

  it("polls X mentions since the stored id and backs off exponentially on 5xx", async () => {
    const fake = await startFakeX({ accountId: "2244", accessToken: "x-bearer" });
    closers.push(fake.close);
    const fan = xUser({ id: "77", username: "fan", name: "Fan" });
    fake.addMention({ tweet: xTweet({ id: "1001", authorId: "77", text: "@brand my bag is lost", at: "2026-03-01T10:00:00.000Z" }), user: fan });
    fake.addMention({ tweet: xTweet({ id: "1002", authorId: "77", text: "@brand hello?", at: "2026-03-01T10:05:00.000Z" }), user: fan });
    const { db, channel } = await setup("twitter", "2244", { bearerToken: "x-bearer" });
    const baseUrls = { youtube: "http://127.0.0.1:1", x: fake.url };

    await pollDueChannels({ db, now: T0, baseUrls });
    expect(count(db, channel.id)).toBe(2);
    expect(JSON.parse(String(row(db, channel.id).poll_cursor))).toEqual({ sinceId: "1002" });

    fake.fail({ kind: "server_error", times: 2 });
    let now = T0 + POLL_INTERVAL_MS;
    await pollDueChannels({ db, now, baseUrls });
    const firstDelay = Number(row(db, channel.id).poll_next_at) - now;
    now += firstDelay;
    await pollDueChannels({ db, now, baseUrls });
    const secondDelay = Number(row(db, channel.id).poll_next_at) - now;
    expect(secondDelay).toBeGreaterThan(firstDelay);
    expect(row(db, channel.id).status).toBe("error");

    fake.addMention({ tweet: xTweet({ id: "1003", authorId: "77", text: "@brand anyone?", at: "2026-03-01T10:10:00.000Z" }), user: fan });
    await pollDueChannels({ db, now: now + secondDelay, baseUrls });
    expect(count(db, channel.id)).toBe(3);
    expect(fake.requests.at(-1)!.query.get("since_id")).toBe("1002");
    expect(row(db, channel.id).status).toBe("active");
  });

  it("skips paused channels and channels without credentials", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    await db.transaction(async (tx) => {
      await tx.insert(channels).values({ brandId: brand.id, kind: "youtube", name: "demo", accountId: "UC-demo" });
      await tx.insert(channels).values({ brandId: brand.id, kind: "twitter", name: "paused", accountId: "1", status: "paused", credentials: encryptCredentials({ bearerToken: "t" }) });
    });
    await pollDueChannels({ db, now: T0, baseUrls: { youtube: "http://127.0.0.1:1", x: "http://127.0.0.1:1" } });
    expect(sqlite(db).prepare("SELECT count(*) AS n FROM channels WHERE poll_next_at IS NOT NULL").get()).toEqual({ n: 0 });
  });

  it("doubles the delay per failure, capped, and honours Retry-After", () => {
    expect(backoffMs({ failures: 1 })).toBe(60_000);
    expect(backoffMs({ failures: 3 })).toBe(240_000);
    expect(backoffMs({ failures: 30 })).toBe(3600_000);
    expect(backoffMs({ failures: 1, retryAfterSeconds: 900 })).toBe(900_000);
  });
});
