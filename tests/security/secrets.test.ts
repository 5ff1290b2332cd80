import { createHmac } from "node:crypto";
import fs from "node:fs";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { channels } from "@/db/schema";
import { cliActor } from "@/lib/audit/record";
import { createToken } from "@/lib/auth/tokens";
import { verifyMetaSignature } from "@/lib/ingest/adapters/meta";
import { verifyTelegramSecret } from "@/lib/ingest/adapters/telegram";
import { parseVkCallback } from "@/lib/ingest/adapters/vk";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { queueReply, sendDueReplies } from "@/lib/outbound/outbox";
import { encryptCredentials } from "@/lib/security/credentials";
import { vkCallback, vkWallReply } from "../fakes/payloads";
import { makeBrand, makeMember, testDb, sqlite } from "../helpers/db";

const sign = (body: Buffer, secret: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

describe("webhook signatures cannot be forged", () => {
  it("Meta: only the exact HMAC of the exact body with the app secret passes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), fc.nat(), (bytes, secret, other, at) => {
        const body = Buffer.from(bytes);
        const good = sign(body, secret);
        expect(verifyMetaSignature({ rawBody: body, header: good, appSecret: secret })).toBe(true);
        expect(verifyMetaSignature({ rawBody: body, header: good.toUpperCase().replace("SHA256=", "sha256="), appSecret: secret })).toBe(true);
        if (other !== secret) expect(verifyMetaSignature({ rawBody: body, header: sign(body, other), appSecret: secret })).toBe(false);
        // One hex digit changed anywhere.
        const i = 7 + (at % 64);
        const flipped = good.slice(0, i) + (good[i] === "0" ? "1" : "0") + good.slice(i + 1);
        expect(verifyMetaSignature({ rawBody: body, header: flipped, appSecret: secret })).toBe(false);
        // The same signature over a longer or shorter body.
        expect(verifyMetaSignature({ rawBody: Buffer.concat([body, Buffer.from(" ")]), header: good, appSecret: secret })).toBe(false);
        if (body.length) expect(verifyMetaSignature({ rawBody: body.subarray(1), header: good, appSecret: secret })).toBe(false);
        // Truncated, padded, other algorithms, and no secret configured at all.
        for (const header of [good.slice(0, -2), good + "00", good.replace("sha256=", "sha1="), good.replace("sha256=", ""), "", " "])
          expect(verifyMetaSignature({ rawBody: body, header, appSecret: secret })).toBe(false);
        expect(verifyMetaSignature({ rawBody: body, header: sign(body, ""), appSecret: "" })).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("Telegram: the secret header must equal the channel's secret; no secret configured refuses all", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), fc.string({ maxLength: 64 }), (secret, guess) => {
        expect(verifyTelegramSecret({ header: secret, secret })).toBe(true);
        if (guess !== secret) expect(verifyTelegramSecret({ header: guess, secret })).toBe(false);
        expect(verifyTelegramSecret({ header: secret.slice(0, -1), secret })).toBe(false);
        expect(verifyTelegramSecret({ header: secret + "x", secret })).toBe(false);
        expect(verifyTelegramSecret({ header: guess, secret: "" })).toBe(false);
        expect(verifyTelegramSecret({ header: null, secret })).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("VK: a callback with a wrong secret or another group is forbidden", () => {
    const object = vkWallReply({ id: 1, fromId: 2, postId: 3, ownerId: -10, text: "hi" });
    expect(parseVkCallback(vkCallback({ type: "wall_reply_new", groupId: 10, secret: "right", object }), { groupId: "10", secret: "right" }).type).toBe("event");
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (guess) => {
        if (guess === "right") return;
        expect(parseVkCallback(vkCallback({ type: "wall_reply_new", groupId: 10, secret: guess, object }), { groupId: "10", secret: "right" }).type).toBe("forbidden");
      }),
      { numRuns: 100 },
    );
    expect(parseVkCallback(vkCallback({ type: "wall_reply_new", groupId: 11, secret: "right", object }), { groupId: "10", secret: "right" }).type).toBe("forbidden");
  });

  it("compares secrets in constant time", () => {
    // Timing is not measured in unit tests; the comparisons must go through timingSafeEqual.
    for (const file of ["lib/ingest/adapters/meta.ts", "lib/ingest/adapters/telegram.ts", "lib/ingest/adapters/vk.ts"]) expect(fs.readFileSync(file, "utf8")).toMatch(/timingSafeEqual\(/);
    expect(verifyMetaSignature.toString()).toMatch(/timingSafeEqual/);
    expect(verifyTelegramSecret.toString()).toMatch(/timingSafeEqual/);
  });
});

describe("secrets at rest", () => {
  it("keeps API tokens, passwords and channel credentials out of the database file's bytes", async () => {
    const { db, file } = testDb();
    const brand = await makeBrand({ db });
    const member = await makeMember({ db, brandId: brand.id, role: "admin", password: "Plain-Text-Password-77" });
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) tokens.push(await createToken({ db, brandId: brand.id, name: `t${i}`, actor: cliActor }));
    const botToken = "777000:AAH-very-secret-bot-token";
    await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "telegram", name: "Bot", accountId: "777000", credentials: encryptCredentials({ botToken, webhookSecret: "hook-secret-xyz" }) }));
    const bytes = () => Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    for (const checkpoint of [false, true]) {
      if (checkpoint) sqlite(db).pragma("wal_checkpoint(TRUNCATE)");
      const all = bytes();
      for (const secret of [...tokens, member.password, botToken, "hook-secret-xyz", tokens[0].slice(3, 24)]) expect(all.includes(Buffer.from(secret)), `found ${secret.slice(0, 8)}… in the database file`).toBe(false);
    }
  });
});

describe("secrets in errors shown to people", () => {
  afterEach(() => {
    delete process.env.TELEGRAM_API_URL;
    vi.restoreAllMocks();
  });

  it("a failed reply's reason never carries the bot token, even when the API URL is broken", async () => {
    const logged: string[] = [];
    for (const level of ["log", "info", "warn", "error"] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
    const botToken = "424242:AAF-bot-token-that-must-not-leak";
    const [{ id: channelId }] = await db.transaction((tx) =>
      tx.insert(channels).values({ brandId: brand.id, kind: "telegram", name: "Bot", accountId: "424242", credentials: encryptCredentials({ botToken }) }).returning({ id: channels.id }),
    );
    const [outcome] = await ingestBatch({
      db,
      brandId: brand.id,
      items: [{ channelId, event: inboundEventSchema.parse({ externalId: "9:1", kind: "private_message", threadId: "9", text: "Hello?", createdAt: new Date().toISOString(), author: { id: "9" } }) }],
    });
    const reasons: string[] = [];
    for (const url of ["http://127.0.0.1:9", "not a url", "http://[::1"]) {
      process.env.TELEGRAM_API_URL = url;
      const messageId = await queueReply({ db, brandId: brand.id, conversationId: Number(outcome.conversationId), text: "Hi", visibility: "private", actor: { userId: agent.id, label: agent.email } });
      await sendDueReplies({ db, now: Date.now() + 3600_000 });
      const row = sqlite(db).prepare("SELECT delivery_state, last_error FROM messages WHERE id = ?").get(messageId) as { delivery_state: string; last_error: string | null };
      expect(row.delivery_state).not.toBe("sent");
      expect(row.last_error).toBeTruthy();
      reasons.push(row.last_error!);
    }
    for (const text of [...reasons, ...logged]) expect(text).not.toContain(botToken.split(":")[1]);
  });
});
