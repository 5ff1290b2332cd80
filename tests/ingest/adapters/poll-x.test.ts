import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollX } from "@/lib/ingest/pollers/x";
import { startFakeX } from "@/tests/fakes/x";
import { xTweet, xUser } from "@/tests/fakes/payloads";

const accountId = "2244994945";
const channel = { accountId, credentials: { accessToken: "x-token" } };
let fake: Awaited<ReturnType<typeof startFakeX>>;

beforeAll(async () => {
  fake = await startFakeX({ accountId, pageSize: 2 });
  const ann = xUser({ id: "99", username: "ann", name: "Ann", followers: 10 });
  for (const n of [1, 2, 3]) fake.addMention({ tweet: xTweet({ id: `179000000000000000${n}`, authorId: "99", text: `@brand help ${n}` }), user: ann });
});
afterAll(() => fake.close());

describe("pollX", () => {
  it("follows next_token on the first poll and keeps the newest id as cursor", async () => {
    const result = await pollX({ baseUrl: fake.url, channel, cursor: null });
    expect(result.events.map((e) => e.externalId)).toEqual(["1790000000000000003", "1790000000000000002", "1790000000000000001"]);
    expect(result.events[0]).toMatchObject({ author: { id: "99", handle: "ann", followers: 10 } });
    expect(result.cursor).toEqual({ sinceId: "1790000000000000003" });
    const first = fake.requests.find((r) => r.path === `/users/${accountId}/mentions`)!;
    expect(first.query.get("expansions")).toBe("author_id,referenced_tweets.id");
    expect(first.query.get("tweet.fields")).toContain("conversation_id");
  });

  it("asks only for mentions after since_id", async () => {
    const cursor = { sinceId: "1790000000000000003" };
    expect(await pollX({ baseUrl: fake.url, channel, cursor })).toEqual({ events: [], cursor });
    expect(fake.requests.at(-1)!.query.get("since_id")).toBe("1790000000000000003");
    fake.addMention({ tweet: xTweet({ id: "1790000000000000004", authorId: "98", text: "@brand hi" }), user: xUser({ id: "98", username: "bob", name: "Bob" }) });
    const next = await pollX({ baseUrl: fake.url, channel, cursor });
    expect(next.events.map((e) => e.externalId)).toEqual(["1790000000000000004"]);
    expect(next.cursor).toEqual({ sinceId: "1790000000000000004" });
  });

  it("returns back-off on 429 and 5xx and an access-tier error, never throwing", async () => {
    const cursor = { sinceId: "1790000000000000004" };
    fake.fail({ kind: "rate_limit", retryAfter: 90 });
    const limited = await pollX({ baseUrl: fake.url, channel, cursor });
    expect(limited).toMatchObject({ events: [], cursor, error: { code: "rate_limited", retryable: true } });
    expect(limited.retryAfterSeconds).toBeGreaterThanOrEqual(88);
    fake.fail({ kind: "server_error" });
    expect(await pollX({ baseUrl: fake.url, channel, cursor })).toMatchObject({ cursor, retryAfterSeconds: 60, error: { retryable: true } });
    fake.fail({ kind: "access_tier" });
    expect(await pollX({ baseUrl: fake.url, channel, cursor })).toMatchObject({ cursor, error: { code: "access_tier", retryable: false } });
  });
});
