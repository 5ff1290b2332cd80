import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { encryptCredentials } from "@/lib/security/credentials";
import { resetSecretsCache } from "@/lib/security/secrets";
import { ingestToken, postEvents } from "./browser";

// Findings 9 and 10 of the security review, over real HTTP against the production build.
const base = () => inject("baseUrl");
let sqlite: Database.Database;
let brandId = 0;
const channels: Record<string, number> = {};

beforeAll(() => {
  process.env.CREDENTIALS_KEY = "e2e-credentials-key-0123456789abcdef";
  resetSecretsCache();
  sqlite = new Database(inject("databasePath"));
  sqlite.pragma("busy_timeout = 5000");
  brandId = (sqlite.prepare("SELECT id FROM brands WHERE slug = 'e2e-air'").get() as { id: number }).id;
  const add = sqlite.prepare("INSERT INTO channels (brand_id, kind, name, account_id, credentials, status) VALUES (?, ?, ?, ?, ?, 'active')");
  channels.facebook = Number(add.run(brandId, "facebook", "sec fb", "sec-page", null).lastInsertRowid);
  channels.telegram = Number(add.run(brandId, "telegram", "sec tg", "6660001", encryptCredentials({ botToken: "6660001:sec", webhookSecret: "sec-tg-secret" })).lastInsertRowid);
  channels.vk = Number(add.run(brandId, "vk", "sec vk", "6060", encryptCredentials({ accessToken: "vk", confirmationCode: "c0de", secret: "sec-vk-secret" })).lastInsertRowid);
});

afterAll(() => sqlite?.close());

const textOf = (channelId: number, externalId: string) => (sqlite.prepare("SELECT text FROM messages WHERE channel_id = ? AND external_id = ?").get(channelId, externalId) as { text: string } | undefined)?.text;
const health = (channelId: number) => sqlite.prepare("SELECT status, last_error FROM channels WHERE id = ?").get(channelId);

describe("API edits only for the message's own channel and author", () => {
  it("an ingest token cannot rewrite a platform channel's message nor another author's", async () => {
    // A customer's comment that arrived on the Facebook channel (imported through the API).
    const token = await ingestToken("sec-edit");
    const created = "2026-05-01T10:00:00Z";
    await postEvents(token, [{ externalId: "fb-c-1", channel: String(channels.facebook), text: "My bag is lost", createdAt: created, author: { id: "fan-1" } }]);
    await postEvents(token, [{ externalId: "api-c-1", text: "Original words", createdAt: created, author: { id: "cust-9" } }]);
    const send = (event: Record<string, unknown>) =>
      fetch(`${base()}/api/v1/events`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ events: [event] }) });
    const onPlatform = await send({ externalId: "fb-c-1", channel: String(channels.facebook), action: "edit", text: "I love this brand", createdAt: created, author: { id: "fan-1" } });
    expect(onPlatform.status).toBe(403);
    expect(textOf(channels.facebook, "fb-c-1")).toBe("My bag is lost");
    const otherAuthor = await send({ externalId: "api-c-1", action: "edit", text: "Forged words", createdAt: created, author: { id: "someone-else" } });
    expect(otherAuthor.status).toBe(403);
    const erase = await send({ externalId: "api-c-1", action: "delete", text: "", createdAt: created, author: { id: "someone-else" } });
    expect(erase.status).toBe(403);
    const apiChannel = (sqlite.prepare("SELECT id FROM channels WHERE brand_id = ? AND kind = 'api'").get(brandId) as { id: number }).id;
    expect(textOf(apiChannel, "api-c-1")).toBe("Original words");
    // The author's own edit on the API channel still applies.
    expect((await send({ externalId: "api-c-1", action: "edit", text: "Corrected words", createdAt: created, author: { id: "cust-9" } })).status).toBe(202);
    expect(textOf(apiChannel, "api-c-1")).toBe("Corrected words");
  });
});

describe("platform webhooks answer alike and keep channel health for authenticated calls", () => {
  it("Telegram: unknown channel, wrong kind and wrong secret answer the same; none marks the channel failing", async () => {
    const before = health(channels.telegram);
    const post = (id: number | string, secret: string) =>
      fetch(`${base()}/api/webhooks/telegram/${id}`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, body: JSON.stringify({ update_id: 1 }) });
    const answer = async (r: Response) => [r.status, await r.text()];
    const wrong = await answer(await post(channels.telegram, "guess"));
    expect(wrong[0]).toBe(401);
    expect(await answer(await post(987_654_321, "guess"))).toEqual(wrong);
    expect(await answer(await post(channels.vk, "guess"))).toEqual(wrong);
    expect(health(channels.telegram)).toEqual(before);
  });

  it("VK: a wrong secret or an unknown channel answers alike and changes nothing", async () => {
    const before = health(channels.vk);
    const post = (id: number, body: unknown) => fetch(`${base()}/api/webhooks/vk/${id}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const body = { type: "wall_reply_new", group_id: 6060, secret: "guess", object: { id: 1, from_id: 5, post_id: 1, owner_id: -6060, text: "x", date: 1 } };
    const answer = async (r: Response) => [r.status, await r.text()];
    const wrong = await answer(await post(channels.vk, body));
    expect(wrong[0]).toBe(401);
    expect(await answer(await post(987_654_321, body))).toEqual(wrong);
    expect(health(channels.vk)).toEqual(before);
  });
});
