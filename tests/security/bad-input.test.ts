import { operator } from "@/lib/auth/authorize";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, database, type Db } from "@/db/client";
import { channels } from "@/db/schema";
import { cliActor } from "@/lib/audit/record";
import { createToken } from "@/lib/auth/tokens";
import { checkSignIn } from "@/lib/auth/sign-in";
import { createBrand } from "@/lib/brands/brands";
import { importJsonl } from "@/lib/ingest/import/jsonl";
import { importTwcs } from "@/lib/ingest/import/twcs";
import { encryptCredentials } from "@/lib/security/credentials";
import { resetSecretsCache } from "@/lib/security/secrets";
import { metaMessengerMessage, metaPageComment, signMetaPayload, telegramPrivateMessage, vkCallback, vkWallReply } from "../fakes/payloads";
import { tempDir, uniqueSlug, sqlite } from "../helpers/db";
import { dbFingerprint, STORED } from "./authz/world";

// Every public way in gets the corpus and generated garbage. Whatever arrives: no 5xx, no
// exception, a JSON error naming the problem, and either the whole request stored or nothing.
const LIMIT = 200_000;
// `npm run test:soak` sets SOAK and explores much further with the same generators.
const RUNS = process.env.SOAK ? 3000 : 150;
const APP_SECRET = "bad-input-meta-secret";
const CORPUS = path.resolve("tests/security/corpus");

type Payload = { name: string; body: Buffer; contentType?: string };

function corpus(): Payload[] {
  const entries = JSON.parse(fs.readFileSync(path.join(CORPUS, "payloads.json"), "utf8")) as { name: string; body?: string; base64?: string; contentType?: string }[];
  const event = (i: number, extra: object = {}) => ({ externalId: `gen-${i}`, text: "hi", createdAt: "2026-01-01T00:00:00Z", author: { id: "u" }, ...extra });
  const generated: Payload[] = [
    { name: "100,000 nested arrays", body: Buffer.from("[".repeat(100_000) + "]".repeat(100_000)) },
    { name: "20,000 nested objects", body: Buffer.from('{"a":'.repeat(20_000) + "1" + "}".repeat(20_000)) },
    { name: "deep nesting inside an event", body: Buffer.from(JSON.stringify(event(1)).replace('"hi"', "[".repeat(50_000) + "]".repeat(50_000))) },
    { name: "1,001 events", body: Buffer.from(JSON.stringify({ events: Array.from({ length: 1001 }, (_, i) => event(i)) })) },
    { name: "text of 100,001 characters", body: Buffer.from(JSON.stringify(event(2, { text: "x".repeat(100_001) }))) },
    { name: "body over the limit", body: Buffer.from(JSON.stringify(event(3, { text: "y".repeat(LIMIT) }))) },
    { name: "10,000 keys", body: Buffer.from(JSON.stringify({ ...event(4), ...Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])) })) },
  ];
  return [
    ...entries.map((e) => ({ name: e.name, body: e.base64 != null ? Buffer.from(e.base64, "base64") : Buffer.from(e.body ?? ""), contentType: e.contentType })),
    ...generated.map((g) => ({ ...g, contentType: "application/json" })),
  ];
}

let db: Db;
let token: string;
let brandId: number;
const ch: Record<string, number> = {};
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  closeDatabase();
  process.env.DATABASE_PATH = path.join(tempDir("replyhour-bad-input-"), "bad.db");
  process.env.AUTH_SECRET = "bad-input-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "bad-input-credentials-key-0123456789ab";
  process.env.META_APP_SECRET = APP_SECRET;
  process.env.INGEST_MAX_BODY_BYTES = String(LIMIT);
  process.env.API_RATE_PER_MINUTE = "100000000";
  resetSecretsCache();
  db = database();
  brandId = (await createBrand({ db, slug: uniqueSlug("bad"), name: "Bad input", actor: cliActor })).id;
  token = await createToken({ db, brandId, name: "ingest", scopes: ["ingest"], actor: cliActor });
  const add = async (kind: "facebook" | "telegram" | "vk", accountId: string, credentials?: Record<string, string>) => {
    const [row] = await db.transaction((tx) =>
      tx.insert(channels).values({ brandId, kind, name: kind, accountId, credentials: credentials ? encryptCredentials(credentials) : null }).returning({ id: channels.id }),
    );
    return row.id;
  };
  ch.facebook = await add("facebook", "bad-page");
  ch.telegram = await add("telegram", "31337", { botToken: "31337:bot", webhookSecret: "tg-bad-secret" });
  ch.vk = await add("vk", "4242", { accessToken: "vk", confirmationCode: "conf", secret: "vk-bad-secret" });
});

afterAll(() => {
  expect(({} as Record<string, unknown>).polluted, "Object.prototype was polluted").toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
});

const messages = () => sqlite(db).prepare("SELECT count(*) AS n FROM messages").pluck().get() as number;

type Endpoint = { name: string; send: (p: Payload) => Promise<Response> };

const endpoints: Endpoint[] = [
  {
    name: "POST /api/v1/events",
    send: async (p) => {
      const { POST } = await import("@/app/api/v1/events/route");
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (p.contentType) headers["content-type"] = p.contentType;
      return POST(new Request("http://localhost/api/v1/events", { method: "POST", headers, body: new Uint8Array(p.body) }));
    },
  },
  {
    name: "POST /api/webhooks/meta (correctly signed)",
    send: async (p) => {
      const { POST } = await import("@/app/api/webhooks/meta/route");
      const signed = `sha256=${createHmac("sha256", APP_SECRET).update(p.body).digest("hex")}`;
      return POST(new Request("http://localhost/api/webhooks/meta", { method: "POST", headers: { "content-type": p.contentType ?? "", "x-hub-signature-256": signed }, body: new Uint8Array(p.body) }));
    },
  },
  {
    name: "POST /api/webhooks/telegram (right secret)",
    send: async (p) => {
      const { POST } = await import("@/app/api/webhooks/telegram/[channelId]/route");
      return POST(
        new Request("http://localhost/api/webhooks/telegram/x", { method: "POST", headers: { "content-type": p.contentType ?? "", "x-telegram-bot-api-secret-token": "tg-bad-secret" }, body: new Uint8Array(p.body) }),
        { params: Promise.resolve({ channelId: String(ch.telegram) }) },
      );
    },
  },
  {
    name: "POST /api/webhooks/vk",
    send: async (p) => {
      const { POST } = await import("@/app/api/webhooks/vk/[channelId]/route");
      return POST(new Request("http://localhost/api/webhooks/vk/x", { method: "POST", headers: { "content-type": p.contentType ?? "" }, body: new Uint8Array(p.body) }), {
        params: Promise.resolve({ channelId: String(ch.vk) }),
      });
    },
  },
];

// The one assertion every hostile request is held to.
async function expectSafe(endpoint: Endpoint, payload: Payload): Promise<number> {
  const before = dbFingerprint(db, { only: STORED });
  const count = messages();
  const response = await endpoint.send(payload);
  const where = `${endpoint.name} <- ${payload.name}: ${response.status}`;
  expect(response.status, where).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get("content-type"), where).toMatch(/application\/json/);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(typeof error.code, where).toBe("string");
    expect(error.message.length, where).toBeGreaterThan(0);
    expect(dbFingerprint(db, { only: STORED }), `${where} wrote something`).toBe(before);
  } else if (endpoint.name.startsWith("POST /api/v1/events")) {
    const body = (await response.json()) as { accepted: number; duplicates: number; events: unknown[] };
    expect(messages() - count, `${where}: stored rows vs. accepted`).toBe(body.accepted);
  } else {
    await response.text();
  }
  return response.status;
}

describe("hostile payloads from the corpus", () => {
  const payloads = corpus();
  it("has a corpus", () => expect(payloads.length).toBeGreaterThan(40));
  for (const endpoint of endpoints) {
    it(`${endpoint.name}: no 5xx, a JSON error, nothing half-written`, async () => {
      const statuses = new Map<string, number>();
      for (const payload of payloads) statuses.set(payload.name, await expectSafe(endpoint, payload));
      if (endpoint.name.startsWith("POST /api/v1/events")) {
        // Spot checks that the refusals are the right ones.
        expect(statuses.get("invalid utf-8")).toBe(400);
        expect(statuses.get("text/plain content type")).toBe(415);
        expect(statuses.get("no content type")).toBe(415);
        expect(statuses.get("body over the limit")).toBe(413);
        expect(statuses.get("1,001 events")).toBe(400);
        expect(statuses.get("mixed valid and invalid batch")).toBe(400);
        expect(statuses.get("100,000 nested arrays")).toBe(400);
        expect(statuses.get("script in text")).toBe(202);
      }
    }, 120_000);
  }

  it("refuses an unsigned or wrongly signed Meta body before reading it", async () => {
    const { POST } = await import("@/app/api/webhooks/meta/route");
    const body = JSON.stringify(metaPageComment({ pageId: "bad-page", postId: "bad-page_1", commentId: "unsigned-1", from: { id: "u", name: "U" }, message: "hi" }));
    for (const header of [null, "", "sha256=", "sha1=abc", `sha256=${"0".repeat(64)}`, signMetaPayload({ body, appSecret: "other" }).header, signMetaPayload({ body: body + " ", appSecret: APP_SECRET }).header]) {
      const before = messages();
      const response = await POST(new Request("http://localhost/api/webhooks/meta", { method: "POST", headers: header == null ? {} : { "x-hub-signature-256": header }, body }));
      expect(response.status).toBe(401);
      expect(messages()).toBe(before);
    }
  });
});

// Valid payloads of each platform with random values swapped in at random places, or raw
// bytes flipped: the whole request path (auth, body reading, parsing, pipeline) must hold.
function mutate(value: unknown, paths: number[], replacement: unknown): unknown {
  if (paths.length === 0 || value === null || typeof value !== "object") return replacement;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [key] = entries[paths[0] % entries.length];
  const copy: Record<string, unknown> = Array.isArray(value) ? ({ ...value } as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  copy[key] = mutate(copy[key], paths.slice(1), replacement);
  return Array.isArray(value) ? Object.values(copy) : copy;
}

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constantFrom(
    "", "\u0000", "\ud800", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "\u202e\u2066x", "'; DROP TABLE messages; --",
    1e308, -1, 2 ** 53 + 1, -0, Number.MAX_SAFE_INTEGER, "9".repeat(400), null, true, [], {}, "x".repeat(5000),
  ),
);
const protoKeys = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf");

function seedsFor(n: number) {
  return {
    event: { externalId: `fz-${n}`, text: "Where is my order?", createdAt: "2026-01-01T00:00:00Z", author: { id: "u1", name: "U" }, threadId: "t1" },
    meta: metaPageComment({ pageId: "bad-page", postId: "bad-page_7", commentId: `fz-c-${n}`, from: { id: "f1", name: "F" }, message: "hi" }),
    messenger: metaMessengerMessage({ pageId: "bad-page", psid: "p1", mid: `fz-m-${n}`, text: "hi" }),
    telegram: telegramPrivateMessage({ chatId: 7, from: { id: 7, first_name: "T" }, messageId: n, text: "hi" }),
    vk: vkCallback({ type: "wall_reply_new", groupId: 4242, secret: "vk-bad-secret", object: vkWallReply({ id: n, fromId: 11, postId: 3, ownerId: -4242, text: "hi" }) }),
  };
}

const bodyArb = (seedName: keyof ReturnType<typeof seedsFor>) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.nat(), fc.array(fc.nat(), { maxLength: 7 }), hostileValue).map(([n, p, v]) => JSON.stringify(mutate(seedsFor(n)[seedName], p, v))) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.nat(), protoKeys, hostileValue).map(([n, key, v]) => JSON.stringify(seedsFor(n)[seedName]).replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(v ?? null)},`)),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.nat(), fc.nat(), fc.string({ unit: "binary", maxLength: 8 })).map(([n, at, junk]) => {
        const text = JSON.stringify(seedsFor(n)[seedName]);
        const i = at % (text.length + 1);
        return text.slice(0, i) + junk + text.slice(i + (at % 3));
      }),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.from(bytes).toString("latin1")) },
  );

describe("generated hostile payloads (fast-check, fixed seed)", () => {
  const cases: [Endpoint, keyof ReturnType<typeof seedsFor>][] = [
    [endpoints[0], "event"],
    [endpoints[1], "meta"],
    [endpoints[1], "messenger"],
    [endpoints[2], "telegram"],
    [endpoints[3], "vk"],
  ];
  for (const [endpoint, seed] of cases) {
    it(`${endpoint.name} with mutated ${seed} payloads`, async () => {
      const seen = new Set<number>();
      await fc.assert(
        fc.asyncProperty(bodyArb(seed), fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", ""), async (body, contentType) => {
          seen.add(await expectSafe(endpoint, { name: body.slice(0, 120), body: Buffer.from(body, "utf8"), contentType: contentType || undefined }));
        }),
        { numRuns: RUNS },
      );
      // The generator reaches past the door: some requests are stored, some refused.
      expect([...seen].some((s) => s < 300)).toBe(true);
      expect([...seen].some((s) => s >= 400)).toBe(true);
    }, process.env.SOAK ? 900_000 : 120_000);
  }
});

describe("sign-in with hostile credentials", () => {
  it("never throws and never signs anyone in", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: "binary", maxLength: 400 }), fc.constantFrom("", "\u0000", "a@b.c\u0000admin@e2e.test", "x".repeat(10_000), "' OR 1=1 --")), fc.string({ unit: "binary", maxLength: 600 }), fc.string({ maxLength: 60 }), async (email, password, address) => {
        const result = await checkSignIn({ db, email, password, address });
        expect(result.ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe("import files with hostile lines", () => {
  it("JSONL: every line is stored exactly once or reported with its number; a re-run adds nothing", async () => {
    const file = path.join(CORPUS, "hostile.jsonl");
    const brand = await createBrand({ db, slug: uniqueSlug("imp"), name: "Import", actor: cliActor });
    const lines = fs.readFileSync(file, "utf8").split(/\r?\n/);
    const nonEmpty = lines.filter((l) => l.trim()).length;
    const summary = await importJsonl({ db, actor: operator, file, brandSlug: brand.slug });
    const stored = summary.brands[brand.slug];
    expect(stored.accepted + stored.duplicates + summary.invalid.length).toBe(nonEmpty);
    expect(summary.invalid.map((i) => i.line)).toEqual(expect.arrayContaining([2, 6]));
    for (const i of summary.invalid) expect(i.message.length).toBeGreaterThan(0);
    const rows = sqlite(db).prepare("SELECT external_id FROM messages WHERE brand_id = ?").pluck().all(brand.id) as string[];
    expect(rows.length).toBe(stored.accepted);
    expect(new Set(rows).size).toBe(rows.length);
    expect(rows).toEqual(expect.arrayContaining(["imp-ok-1", "imp-ok-2", "imp-ok-3"]));
    const before = dbFingerprint(db, { only: STORED });
    const again = await importJsonl({ db, actor: operator, file, brandSlug: brand.slug });
    expect(again.brands[brand.slug].accepted).toBe(0);
    expect(dbFingerprint(db, { only: STORED })).toBe(before);
  });

  it("TWCS: a broken export is imported as far as it is valid, without an exception", async () => {
    const file = path.join(CORPUS, "hostile-twcs.csv");
    const summary = await importTwcs({ db, file });
    const events = Object.values(summary.brands).reduce((n, b) => n + b.events, 0);
    const again = await importTwcs({ db, file });
    expect(Object.values(again.brands).every((b) => b.accepted === 0)).toBe(true);
    expect(events).toBeGreaterThanOrEqual(0);
  });
});
