import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollYoutube } from "@/lib/ingest/pollers/youtube";
import { startFakeYoutube } from "@/tests/fakes/youtube";
import { youtubeComment, youtubeThread } from "@/tests/fakes/payloads";

const channelId = "UCbrand000000000000000";
const fan = { channelId: "UCfan00000000000000000", name: "Fan" };
const channel = { accountId: channelId, credentials: { apiKey: "yt-key" } };
let fake: Awaited<ReturnType<typeof startFakeYoutube>>;

const comment = (id: string, at: string, parentId?: string) =>
  youtubeComment({ id, videoId: "vid1", channelId, author: parentId && id.endsWith("own") ? { channelId, name: "Brand" } : fan, text: `text ${id}`, publishedAt: at, parentId });

beforeAll(async () => {
  fake = await startFakeYoutube({ channelId, pageSize: 2 });
  const replies = Array.from({ length: 7 }, (_, i) => comment(`t1.r${i}`, `2024-05-01T09:0${i}:00Z`, "t1"));
  fake.addThread(youtubeThread({ top: comment("t1", "2024-05-01T08:00:00Z"), replies }));
  fake.addThread(youtubeThread({ top: comment("t2", "2024-05-01T10:00:00Z"), replies: [comment("t2.own", "2024-05-01T10:05:00Z", "t2")] }));
  fake.addThread(youtubeThread({ top: comment("t3", "2024-05-01T11:00:00Z") }));
});
afterAll(() => fake.close());

describe("pollYoutube", () => {
  let cursor: Awaited<ReturnType<typeof pollYoutube>>["cursor"] = null;

  it("reads every page and the replies cut off from the listing on the first poll", async () => {
    const result = await pollYoutube({ baseUrl: fake.url, channel, cursor });
    expect(result.error).toBeUndefined();
    expect(result.events.map((e) => e.externalId).sort()).toEqual(["t1", "t1.r0", "t1.r1", "t1.r2", "t1.r3", "t1.r4", "t1.r5", "t1.r6", "t2", "t2.own", "t3"]);
    expect(result.events.find((e) => e.externalId === "t2.own")!.direction).toBe("outbound");
    expect(result.cursor).toEqual({ since: "2024-05-01T11:00:00.000Z" });
    const listing = fake.requests.find((r) => r.path === "/commentThreads")!;
    expect(Object.fromEntries(listing.query)).toMatchObject({ part: "snippet,replies", allThreadsRelatedToChannelId: channelId, order: "time", key: "yt-key" });
    expect(fake.requests.some((r) => r.path === "/comments" && r.query.get("parentId") === "t1")).toBe(true);
    cursor = result.cursor;
  });

  it("stops at comments already seen, and reports new ones and edits", async () => {
    const before = fake.requests.length;
    expect((await pollYoutube({ baseUrl: fake.url, channel, cursor })).events).toEqual([]);
    expect(fake.requests.slice(before).filter((r) => r.path === "/commentThreads")).toHaveLength(1);
    fake.addThread(youtubeThread({ top: comment("t4", "2024-05-01T12:00:00Z") }));
    const t3 = fake.threads.find((t) => t.id === "t3")!;
    Object.assign((t3.snippet.topLevelComment as { snippet: Record<string, unknown> }).snippet, { textOriginal: "edited", updatedAt: "2024-05-01T12:30:00Z" });
    const result = await pollYoutube({ baseUrl: fake.url, channel, cursor });
    expect(result.events.map((e) => [e.externalId, e.action ?? "create"])).toEqual([["t4", "create"], ["t3", "edit"]]);
    expect(result.cursor).toEqual({ since: "2024-05-01T12:30:00.000Z" });
  });

  it("returns back-off instead of throwing on quota, 5xx and timeouts, keeping the cursor", async () => {
    fake.fail({ kind: "quota" });
    const quota = await pollYoutube({ baseUrl: fake.url, channel, cursor });
    expect(quota).toMatchObject({ events: [], cursor, error: { code: "quota_exceeded", retryable: false } });
    expect(quota.retryAfterSeconds).toBeGreaterThan(0);
    fake.fail({ kind: "server_error" });
    expect(await pollYoutube({ baseUrl: fake.url, channel, cursor })).toMatchObject({ cursor, retryAfterSeconds: 60, error: { retryable: true } });
    fake.fail({ kind: "hang" });
    expect(await pollYoutube({ baseUrl: fake.url, channel, cursor, timeoutMs: 300 })).toMatchObject({ cursor, error: { code: "timeout" } });
  });
});
