import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { channels } from "@/db/schema";
import type { InboundEvent } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { handleMetaWebhook } from "@/lib/ingest/webhooks/meta";
import { handleVkWebhook } from "@/lib/ingest/webhooks/vk";
import { encryptCredentials } from "@/lib/security/credentials";
import { resetSecretsCache } from "@/lib/security/secrets";
import { pollDueChannels } from "@/lib/worker/pollers";
import { startFakeMeta } from "../fakes/meta";
import { startFakeVk } from "../fakes/vk";
import { startFakeX } from "../fakes/x";
import { startFakeYoutube } from "../fakes/youtube";
import { instagramComment, metaPageComment, signMetaPayload, vkCallback, vkWallReply, xTweet, xUser, youtubeComment, youtubeThread } from "../fakes/payloads";
import { makeBrand, testDb, rows } from "../helpers/db";

// The real pipeline, with the events it was handed kept for inspection.
vi.mock("@/lib/ingest/pipeline", async (original) => {
  const real = await original<typeof import("@/lib/ingest/pipeline")>();
  return { ...real, ingestBatch: vi.fn(real.ingestBatch) };
});

const APP_SECRET = "post-context-app-secret";
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.mocked(ingestBatch).mockClear();
  vi.restoreAllMocks();
  while (closers.length) await closers.pop()!();
});

beforeAll(() => {
  process.env.AUTH_SECRET = "post-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "post-credentials-key-0123456789abcdef";
  resetSecretsCache();
});

type Kind = "facebook" | "instagram" | "vk" | "youtube" | "twitter";
async function setup(kind: Kind, accountId: string, credentials: Record<string, string>) {
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind, name: kind, accountId, credentials: encryptCredentials(credentials) }).returning());
  return { db, channel };
}

/** The events the pipeline received, in order. */
const ingested = (): InboundEvent[] => vi.mocked(ingestBatch).mock.calls.flatMap(([args]) => args.items.map((i) => i.event));
const texts = (db: Db, channelId: number) => rows<{ text: string; externalId: string }>(db, 'SELECT text, external_id AS "externalId" FROM messages WHERE channel_id = ? ORDER BY id', channelId);

async function metaDelivery(db: Db, body: unknown, graphUrl: string) {
  const { rawBody, header } = signMetaPayload({ body, appSecret: APP_SECRET });
  return handleMetaWebhook({ db, rawBody, signature: header, appSecret: APP_SECRET, graphUrl });
}

describe("post context from the Graph API", () => {
  it("fills post from GET /{post-id}?fields=message once per post, never stores it as a message", async () => {
    const fake = await startFakeMeta({ accessToken: "page-token" });
    closers.push(fake.close);
    fake.nodes.set("p100_1", { message: "Our new oat latte is here. Tell us what you think!" });
    const { db, channel } = await setup("facebook", "p100", { accessToken: "page-token" });
    const first = metaPageComment({ pageId: "p100", postId: "p100_1", commentId: "c-1", from: { id: "u-1", name: "Ann" }, message: "Is it vegan?" });
    const second = metaPageComment({ pageId: "p100", postId: "p100_1", commentId: "c-2", from: { id: "u-2", name: "Bo" }, message: "Love it" });
    expect(await metaDelivery(db, first, fake.url)).toMatchObject({ stored: 1 });
    expect(await metaDelivery(db, second, fake.url)).toMatchObject({ stored: 1 });

    const gets = fake.requests.filter((r) => r.method === "GET");
    expect(gets).toHaveLength(1);
    expect(gets[0].path).toBe("/p100_1");
    expect(gets[0].query.get("fields")).toBe("message");
    expect(ingested().map((e) => e.post)).toEqual([
      { id: "p100_1", text: "Our new oat latte is here. Tell us what you think!" },
      { id: "p100_1", text: "Our new oat latte is here. Tell us what you think!" },
    ]);
    const stored = await texts(db, channel.id);
    expect(stored.map((m) => m.text).sort()).toEqual(["Is it vegan?", "Love it"]);
    expect(stored.some((m) => m.externalId === "p100_1")).toBe(false);
  });

  it("fills an Instagram comment's post from the media caption", async () => {
    const fake = await startFakeMeta({ accessToken: "ig-token" });
    closers.push(fake.close);
    fake.nodes.set("media-7", { caption: "Summer menu drop ☀️" });
    const { db } = await setup("instagram", "ig-7", { accessToken: "ig-token" });
    const body = instagramComment({ igAccountId: "ig-7", commentId: "igc-1", mediaId: "media-7", from: { id: "fan-1", username: "fan" }, text: "when in Berlin?" });
    expect(await metaDelivery(db, body, fake.url)).toMatchObject({ stored: 1 });
    expect(fake.requests.find((r) => r.method === "GET")?.query.get("fields")).toBe("caption");
    expect(ingested()[0].post).toEqual({ id: "media-7", text: "Summer menu drop ☀️" });
  });

  it("stores the comment without post when the Graph API fails, and logs no token", async () => {
    const fake = await startFakeMeta({ accessToken: "page-token" });
    closers.push(fake.close);
    fake.nodes.set("p200_1", { message: "Closed on Monday" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { db, channel } = await setup("facebook", "p200", { accessToken: "page-token" });
    fake.fail({ kind: "server_error" });
    const body = metaPageComment({ pageId: "p200", postId: "p200_1", commentId: "c-9", from: { id: "u-9", name: "Cy" }, message: "And Tuesday?" });
    expect(await metaDelivery(db, body, fake.url)).toMatchObject({ stored: 1 });
    expect(ingested()[0].post).toBeUndefined();
    expect(await texts(db, channel.id)).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/p200_1/);
    expect(String(warn.mock.calls[0][0])).not.toMatch(/page-token/);
  });

  it("stores the comment without post when the Graph API hangs, within the time bound", async () => {
    const fake = await startFakeMeta({ accessToken: "page-token" });
    closers.push(fake.close);
    fake.nodes.set("p300_1", { message: "Slow post" });
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { db, channel } = await setup("facebook", "p300", { accessToken: "page-token" });
    fake.fail({ kind: "hang" });
    const started = Date.now();
    const body = metaPageComment({ pageId: "p300", postId: "p300_1", commentId: "c-1", from: { id: "u-1", name: "Di" }, message: "Hello?" });
    expect(await metaDelivery(db, body, fake.url)).toMatchObject({ stored: 1 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(4000);
    expect(ingested()[0].post).toBeUndefined();
    expect(await texts(db, channel.id)).toHaveLength(1);
  });
});

describe("post context from VK wall.getById", () => {
  it("fills a wall reply's post once per post with posts={owner_id}_{post_id}", async () => {
    const fake = await startFakeVk({ accessToken: "vk-token" });
    closers.push(fake.close);
    fake.wall.set("-4242_3", "Розыгрыш! Напишите в комментариях ваш любимый кофе");
    const { db, channel } = await setup("vk", "4242", { accessToken: "vk-token", secret: "vk-secret", confirmationCode: "c0de" });
    const send = (id: number, text: string) =>
      handleVkWebhook({ db, channelId: String(channel.id), apiUrl: fake.url, rawBody: Buffer.from(JSON.stringify(vkCallback({ type: "wall_reply_new", groupId: 4242, secret: "vk-secret", object: vkWallReply({ id, fromId: 10 + id, postId: 3, ownerId: -4242, text }) }))) });
    expect(await send(7, "раф на кокосовом")).toEqual({ text: "ok" });
    expect(await send(8, "капучино")).toEqual({ text: "ok" });
    const calls = fake.requests.filter((r) => r.path === "/wall.getById");
    expect(calls).toHaveLength(1);
    expect(calls[0].form?.get("posts")).toBe("-4242_3");
    expect(ingested().map((e) => e.post?.text)).toEqual(["Розыгрыш! Напишите в комментариях ваш любимый кофе", "Розыгрыш! Напишите в комментариях ваш любимый кофе"]);
    expect(ingested()[0].post?.id).toBe("wall-4242_3");
    expect((await texts(db, channel.id)).map((m) => m.text).sort()).toEqual(["капучино", "раф на кокосовом"]);
  });
});

describe("post context in the pollers", () => {
  const T0 = Date.parse("2026-03-02T10:00:00Z");

  it("YouTube: the video's title and description, one videos.list per video", async () => {
    const fake = await startFakeYoutube({ channelId: "UC-brand", apiKey: "yt-key", pageSize: 10 });
    closers.push(fake.close);
    fake.videos.set("v1", { title: "How we roast", description: "A look inside our roastery." });
    const author = { channelId: "UC-fan", name: "Fan" };
    for (let i = 1; i <= 3; i++)
      fake.addThread(youtubeThread({ top: youtubeComment({ id: `yt${i}`, videoId: "v1", channelId: "UC-brand", author, text: `Comment ${i}`, publishedAt: `2026-03-01T0${i}:00:00Z` }) }));
    const { db, channel } = await setup("youtube", "UC-brand", { apiKey: "yt-key" });
    await pollDueChannels({ db, now: T0, baseUrls: { youtube: fake.url, x: "http://127.0.0.1:9" } });
    const calls = fake.requests.filter((r) => r.path === "/videos");
    expect(calls).toHaveLength(1);
    expect(calls[0].query.get("id")).toBe("v1");
    expect(calls[0].query.get("part")).toBe("snippet");
    expect(ingested().map((e) => e.post)).toEqual(Array(3).fill({ id: "v1", text: "How we roast\n\nA look inside our roastery." }));
    expect(await texts(db, channel.id)).toHaveLength(3);
  });

  it("YouTube: a failing videos.list still stores the comments without post", async () => {
    const fake = await startFakeYoutube({ channelId: "UC-brand2", apiKey: "yt-key", pageSize: 10 });
    closers.push(fake.close);
    vi.spyOn(console, "warn").mockImplementation(() => {});
    fake.addThread(youtubeThread({ top: youtubeComment({ id: "ytf", videoId: "v-down", channelId: "UC-brand2", author: { channelId: "UC-fan", name: "Fan" }, text: "hi", publishedAt: "2026-03-01T01:00:00Z" }) }));
    const { db, channel } = await setup("youtube", "UC-brand2", { apiKey: "yt-key" });
    fake.videos.set("v-down", { title: "t", description: "d" });
    fake.setVideosDown(true);
    await pollDueChannels({ db, now: T0, baseUrls: { youtube: fake.url, x: "http://127.0.0.1:9" } });
    expect(fake.requests.filter((r) => r.path === "/videos")).toHaveLength(1);
    expect(ingested()[0].post).toBeUndefined();
    expect(await texts(db, channel.id)).toHaveLength(1);
  });

  it("X: asks for the referenced_tweets.id expansion and takes the brand's replied-to tweet as post", async () => {
    const fake = await startFakeX({ accountId: "900", accessToken: "x-token" });
    closers.push(fake.close);
    fake.posts.set("500", xTweet({ id: "500", authorId: "900", text: "Free refills all week &amp; more" }) as never);
    fake.posts.set("501", xTweet({ id: "501", authorId: "77", text: "anyone going?" }) as never);
    fake.addMention({ tweet: xTweet({ id: "600", authorId: "77", text: "@brand do oat refills count?", replyTo: "500", conversationId: "500", inReplyToUserId: "900" }) as never, user: xUser({ id: "77", username: "sam", name: "Sam" }) });
    fake.addMention({ tweet: xTweet({ id: "601", authorId: "78", text: "@sam @brand me!", replyTo: "501", conversationId: "500", inReplyToUserId: "77" }) as never, user: xUser({ id: "78", username: "kim", name: "Kim" }) });
    const { db, channel } = await setup("twitter", "900", { accessToken: "x-token" });
    await pollDueChannels({ db, now: T0, baseUrls: { youtube: "http://127.0.0.1:9", x: fake.url } });
    const mentions = fake.requests.find((r) => r.path === "/users/900/mentions");
    expect(mentions?.query.get("expansions")?.split(",")).toContain("referenced_tweets.id");
    const byId = new Map(ingested().map((e) => [e.externalId, e]));
    expect(byId.get("600")?.post).toEqual({ id: "500", text: "Free refills all week & more" });
    expect(byId.get("601")?.post).toBeUndefined();
    expect((await texts(db, channel.id)).map((m) => m.externalId).sort()).toEqual(["600", "601"]);
  });
});
