import { createHmac } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { database, type Db } from "@/db/client";
import { channels } from "@/db/schema";
import { createBrand } from "@/lib/brands/brands";
import { cliActor } from "@/lib/audit/record";
import { encryptCredentials } from "@/lib/security/credentials";
import { resetSecretsCache } from "@/lib/security/secrets";
import { GET as metaGet, POST as metaPost } from "@/app/api/webhooks/meta/route";
import { POST as telegramPost } from "@/app/api/webhooks/telegram/[channelId]/route";
import { POST as vkPost } from "@/app/api/webhooks/vk/[channelId]/route";
import { instagramComment, metaPageComment, signMetaPayload, telegramPrivateMessage, vkCallback, vkWallReply } from "../fakes/payloads";
import { tempDir, uniqueSlug, count, row } from "../helpers/db";

const APP_SECRET = "unit-meta-secret";
let db: Db;
let brandId: number;

beforeAll(async () => {
  process.env.DATABASE_PATH = path.join(tempDir(), "webhooks.db");
  process.env.AUTH_SECRET = "unit-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "unit-credentials-key-0123456789abcdef";
  process.env.META_APP_SECRET = APP_SECRET;
  process.env.META_VERIFY_TOKEN = "unit-verify";
  process.env.INGEST_MAX_BODY_BYTES = "20000";
  // The post context is read from the platform; nothing listens here, so no call leaves the machine.
  process.env.VK_API_URL = "http://127.0.0.1:9";
  process.env.META_GRAPH_URL = "http://127.0.0.1:9";
  resetSecretsCache();
  db = database();
  brandId = (await createBrand({ db, slug: uniqueSlug(), name: "Hooks", actor: cliActor })).id;
});

async function addChannel(values: { kind: "facebook" | "instagram" | "telegram" | "vk"; accountId: string; credentials?: Record<string, string> }) {
  const [channel] = await db.transaction((tx) =>
    tx
      .insert(channels)
      .values({ brandId, kind: values.kind, name: values.kind, accountId: values.accountId, credentials: values.credentials ? encryptCredentials(values.credentials) : null })
      .returning(),
  );
  return channel;
}

const messageCount = (channelId: number) => count(db, "SELECT count(*) FROM messages WHERE channel_id = ?", channelId);
const channelRow = async (id: number) => (await row(db, "SELECT status, last_error, last_error_at, last_event_at FROM channels WHERE id = ?", id))!;
const params = (channelId: number | string) => ({ params: Promise.resolve({ channelId: String(channelId) }) });

function metaRequest(body: unknown, { secret = APP_SECRET, header }: { secret?: string; header?: string } = {}) {
  const signed = signMetaPayload({ body, appSecret: secret });
  return new Request("http://localhost/api/webhooks/meta", {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": header ?? signed.header },
    body: new Uint8Array(signed.rawBody),
  });
}

describe("Meta webhook", () => {
  it("answers the hub.challenge only with the right verify token", async () => {
    const ok = await metaGet(new Request("http://localhost/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=unit-verify&hub.challenge=12345"));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("12345");
    const bad = await metaGet(new Request("http://localhost/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=12345"));
    expect(bad.status).toBe(403);
  });

  it("stores a signed page comment once, routed by page id, and refuses a bad signature", async () => {
    const channel = await addChannel({ kind: "facebook", accountId: "page-100" });
    const body = metaPageComment({ pageId: "page-100", postId: "page-100_1", commentId: "c-1", from: { id: "u-1", name: "Ann" }, message: "Where is my refund?" });
    const bad = await metaPost(metaRequest(body, { secret: "wrong" }));
    expect(bad.status).toBe(401);
    expect(await messageCount(channel.id)).toBe(0);
    const first = await metaPost(metaRequest(body));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ stored: 1, duplicates: 0 });
    const replay = await metaPost(metaRequest(body));
    expect(await replay.json()).toMatchObject({ stored: 0, duplicates: 1 });
    expect(await messageCount(channel.id)).toBe(1);
    expect((await channelRow(channel.id)).last_event_at).not.toBeNull();
  });

  it("routes Instagram entries to the instagram channel and counts unknown accounts", async () => {
    const channel = await addChannel({ kind: "instagram", accountId: "ig-1" });
    const known = instagramComment({ igAccountId: "ig-1", commentId: "igc-1", mediaId: "m-1", from: { id: "u-2", username: "bob" }, text: "Love it" });
    expect((await metaPost(metaRequest(known))).status).toBe(200);
    expect(await messageCount(channel.id)).toBe(1);
    const unknown = instagramComment({ igAccountId: "ig-unknown", commentId: "igc-2", mediaId: "m-1", from: { id: "u-2", username: "bob" }, text: "Hi" });
    const response = await metaPost(metaRequest(unknown));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ stored: 0, unrouted: 1 });
  });

  it("answers 401 for a missing or malformed signature, 400 for bad JSON or UTF-8, 413 when too large", async () => {
    const noHeader = new Request("http://localhost/api/webhooks/meta", { method: "POST", body: "{}" });
    expect((await metaPost(noHeader)).status).toBe(401);
    expect((await metaPost(metaRequest({}, { header: "sha256=zz" }))).status).toBe(401);
    expect((await metaPost(metaRequest("{not json"))).status).toBe(400);
    const invalidUtf8 = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const sig = `sha256=${createHmac("sha256", APP_SECRET).update(invalidUtf8).digest("hex")}`;
    const utf8 = new Request("http://localhost/api/webhooks/meta", { method: "POST", headers: { "x-hub-signature-256": sig }, body: new Uint8Array(invalidUtf8) });
    expect((await metaPost(utf8)).status).toBe(400);
    const big = metaPageComment({ pageId: "page-100", postId: "p", commentId: "big", from: { id: "u", name: "U" }, message: "x".repeat(30_000) });
    expect((await metaPost(metaRequest(big))).status).toBe(413);
  });
});

describe("Telegram webhook", () => {
  const credentials = { botToken: "999:bot-token", webhookSecret: "tg-secret" };
  const update = (messageId: number) => telegramPrivateMessage({ chatId: 5, from: { id: 5, first_name: "Ann" }, messageId, text: "Hello, is the shop open?" });
  const post = (channelId: number | string, body: unknown, secret?: string) =>
    telegramPost(
      new Request("http://localhost/api/webhooks/telegram/x", {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
      params(channelId),
    );

  it("stores an update with the right secret; a wrong one changes nothing on the channel", async () => {
    const channel = await addChannel({ kind: "telegram", accountId: "999", credentials });
    const before = await channelRow(channel.id);
    const wrong = await post(channel.id, update(1), "nope");
    expect(wrong.status).toBe(401);
    expect(await messageCount(channel.id)).toBe(0);
    // An anonymous caller cannot mark the channel as failing.
    expect(await channelRow(channel.id)).toEqual(before);
    expect((await post(channel.id, update(1))).status).toBe(401);
    const ok = await post(channel.id, update(1), "tg-secret");
    expect(ok.status).toBe(200);
    expect(await messageCount(channel.id)).toBe(1);
    expect((await channelRow(channel.id)).status).toBe("active");
    expect((await post(channel.id, update(1), "tg-secret")).status).toBe(200);
    expect(await messageCount(channel.id)).toBe(1);
    expect((await post(channel.id, "{oops", "tg-secret")).status).toBe(400);
  });

  it("answers an unknown channel or a channel of another kind exactly like a wrong secret", async () => {
    const vk = await addChannel({ kind: "vk", accountId: "1" });
    const telegram = await addChannel({ kind: "telegram", accountId: "998", credentials });
    const answer = async (r: Response) => [r.status, await r.text()];
    const wrong = await answer(await post(telegram.id, update(1), "nope"));
    expect(wrong[0]).toBe(401);
    expect(await answer(await post(999_999, update(1), "tg-secret"))).toEqual(wrong);
    expect(await answer(await post("abc", update(1), "tg-secret"))).toEqual(wrong);
    expect(await answer(await post(vk.id, update(1), "tg-secret"))).toEqual(wrong);
  });
});

describe("VK Callback API", () => {
  const credentials = { accessToken: "vk-token", confirmationCode: "a1b2c3", secret: "vk-secret" };
  const post = (channelId: number, body: unknown) =>
    vkPost(new Request("http://localhost/api/webhooks/vk/x", { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) }), params(channelId));

  it("answers the confirmation code, checks the secret, stores wall replies and says ok", async () => {
    const channel = await addChannel({ kind: "vk", accountId: "4242", credentials });
    const confirm = await post(channel.id, vkCallback({ type: "confirmation", groupId: 4242 }));
    expect(confirm.status).toBe(200);
    expect(confirm.headers.get("content-type")).toMatch(/text\/plain/);
    expect(await confirm.text()).toBe("a1b2c3");
    const object = vkWallReply({ id: 7, fromId: 11, postId: 3, ownerId: -4242, text: "Когда доставка?" });
    const wrong = await post(channel.id, vkCallback({ type: "wall_reply_new", groupId: 4242, secret: "bad", object }));
    expect(wrong.status).toBe(401);
    expect(await messageCount(channel.id)).toBe(0);
    const ok = await post(channel.id, vkCallback({ type: "wall_reply_new", groupId: 4242, secret: "vk-secret", object }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("ok");
    expect(await messageCount(channel.id)).toBe(1);
    const again = await post(channel.id, vkCallback({ type: "wall_reply_new", groupId: 4242, secret: "vk-secret", object }));
    expect(await again.text()).toBe("ok");
    expect(await messageCount(channel.id)).toBe(1);
    const other = await post(channel.id, vkCallback({ type: "group_join", groupId: 4242, secret: "vk-secret", object: { user_id: 1 } }));
    expect(await other.text()).toBe("ok");
    expect((await post(channel.id, "[")).status).toBe(400);
  });

  it("answers unknown and wrong-secret channels alike and lets no anonymous call change the channel's health", async () => {
    const channel = await addChannel({ kind: "vk", accountId: "4343", credentials });
    const before = await channelRow(channel.id);
    const object = vkWallReply({ id: 8, fromId: 11, postId: 3, ownerId: -4343, text: "hi" });
    const wrong = await post(channel.id, vkCallback({ type: "wall_reply_new", groupId: 4343, secret: "bad", object }));
    const unknown = await post(999_998, vkCallback({ type: "wall_reply_new", groupId: 4343, secret: "bad", object }));
    const otherGroup = await post(channel.id, vkCallback({ type: "wall_reply_new", groupId: 1, secret: "bad", object }));
    const answers = await Promise.all([wrong, unknown, otherGroup].map(async (r) => [r.status, await r.text()]));
    expect(answers[0][0]).toBe(401);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect((await post(channel.id, "{not json")).status).toBe(400);
    expect(await channelRow(channel.id)).toEqual(before);
  });
});
