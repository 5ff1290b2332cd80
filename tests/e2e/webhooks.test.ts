import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { encryptCredentials } from "@/lib/security/credentials";
import { resetSecretsCache } from "@/lib/security/secrets";
import { metaMessengerMessage, metaPageComment, signMetaPayload, telegramPrivateMessage, vkCallback, vkMessageNew } from "../fakes/payloads";

// Real signed payloads against the production server of global-setup.ts, over loopback HTTP.
const baseUrl = inject("baseUrl");
let sqlite: Database.Database;
const ids: Record<string, number> = {};

beforeAll(() => {
  // The same key as the server, so the channels written here decrypt there.
  process.env.CREDENTIALS_KEY = "e2e-credentials-key-0123456789abcdef";
  process.env.AUTH_SECRET = "e2e-auth-secret-0123456789abcdef0123456789";
  resetSecretsCache();
  sqlite = new Database(inject("databasePath"));
  sqlite.pragma("busy_timeout = 5000");
  const brand = sqlite.prepare("SELECT id FROM brands WHERE slug = 'e2e-air'").get() as { id: number };
  const add = sqlite.prepare("INSERT INTO channels (brand_id, kind, name, account_id, credentials, status) VALUES (?, ?, ?, ?, ?, 'active')");
  const channel = (kind: string, accountId: string, credentials?: Record<string, string>) =>
    Number(add.run(brand.id, kind, `e2e ${kind}`, accountId, credentials ? encryptCredentials(credentials) : null).lastInsertRowid);
  ids.facebook = channel("facebook", "e2e-page-1");
  ids.telegram = channel("telegram", "5550001", { botToken: "5550001:e2e-bot", webhookSecret: "e2e-tg-secret" });
  ids.vk = channel("vk", "777001", { accessToken: "vk", confirmationCode: "e2e-confirm", secret: "e2e-vk-secret" });
});

afterAll(() => sqlite?.close());

const count = (channelId: number) => (sqlite.prepare("SELECT count(*) AS n FROM messages WHERE channel_id = ?").get(channelId) as { n: number }).n;

function postMeta(body: unknown, appSecret = "e2e-meta-secret") {
  const { rawBody, header } = signMetaPayload({ body, appSecret });
  return fetch(`${baseUrl}/api/webhooks/meta`, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": header }, body: new Uint8Array(rawBody) });
}

describe("webhooks against the production server", () => {
  it("answers Meta's verification challenge", async () => {
    const ok = await fetch(`${baseUrl}/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=e2e-verify&hub.challenge=98765`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("98765");
    const bad = await fetch(`${baseUrl}/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=98765`);
    expect(bad.status).toBe(403);
  });

  it("stores a signed Meta comment once, and nothing for a bad signature", async () => {
    const body = metaPageComment({ pageId: "e2e-page-1", postId: "e2e-page-1_9", commentId: "e2e-c-1", from: { id: "fan-1", name: "Fan" }, message: "Is my flight delayed?" });
    const bad = await postMeta(body, "not-the-secret");
    expect(bad.status).toBe(401);
    expect(count(ids.facebook)).toBe(0);
    const first = await postMeta(body);
    expect(first.status).toBe(200);
    expect(count(ids.facebook)).toBe(1);
    const replay = await postMeta(body);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ stored: 0, duplicates: 1 });
    expect(count(ids.facebook)).toBe(1);
    const dm = await postMeta(metaMessengerMessage({ pageId: "e2e-page-1", psid: "psid-1", mid: "m_e2e_1", text: "Hello?" }));
    expect(dm.status).toBe(200);
    expect(count(ids.facebook)).toBe(2);
    const malformed = await fetch(`${baseUrl}/api/webhooks/meta`, { method: "POST", headers: { "x-hub-signature-256": signMetaPayload({ body: "{", appSecret: "e2e-meta-secret" }).header }, body: "{" });
    expect(malformed.status).toBe(400);
  });

  it("checks Telegram's secret-token header", async () => {
    const update = telegramPrivateMessage({ chatId: 42, from: { id: 42, first_name: "Tom" }, messageId: 1, text: "Can I change my seat?" });
    const post = (secret?: string) =>
      fetch(`${baseUrl}/api/webhooks/telegram/${ids.telegram}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
        body: JSON.stringify(update),
      });
    expect((await post()).status).toBe(401);
    expect((await post("wrong")).status).toBe(401);
    expect(count(ids.telegram)).toBe(0);
    expect((await post("e2e-tg-secret")).status).toBe(200);
    expect((await post("e2e-tg-secret")).status).toBe(200);
    expect(count(ids.telegram)).toBe(1);
    // An unknown channel answers like a wrong secret: which ids exist is not told.
    expect((await fetch(`${baseUrl}/api/webhooks/telegram/999999`, { method: "POST", body: "{}" })).status).toBe(401);
  });

  it("answers VK's confirmation and checks its secret", async () => {
    const post = (body: unknown) => fetch(`${baseUrl}/api/webhooks/vk/${ids.vk}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const confirm = await post(vkCallback({ type: "confirmation", groupId: 777001 }));
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toBe("e2e-confirm");
    const object = vkMessageNew({ id: 501, peerId: 9001, fromId: 9001, text: "Где мой багаж?" });
    expect((await post(vkCallback({ type: "message_new", groupId: 777001, secret: "nope", object }))).status).toBe(401);
    expect(count(ids.vk)).toBe(0);
    const ok = await post(vkCallback({ type: "message_new", groupId: 777001, secret: "e2e-vk-secret", object }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("ok");
    expect(count(ids.vk)).toBe(1);
  });
});
