import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { database, type Db } from "@/db/client";
import { resetSecretsCache } from "@/lib/security/secrets";
import { createChannel, setChannelPaused } from "@/lib/channels/channels";
import { webConfigsOfBrand, type WebConfig } from "@/lib/channels/web";
import { queueReply, sendDueReplies } from "@/lib/outbound/outbox";
import { addNote } from "@/lib/conversations/actions";
import { issueVisitorToken } from "@/lib/widget/token";
import { resetWidgetRateLimits, WIDGET_LIMITS } from "@/lib/widget/rate-limit";
import { makeBrand, makeMember, tempDir, sqlite } from "../helpers/db";
import * as sessionRoute from "@/app/api/widget/[key]/session/route";
import * as messagesRoute from "@/app/api/widget/[key]/messages/route";
import * as streamRoute from "@/app/api/widget/[key]/stream/route";

const SITE = "https://shop.example.com";
let db: Db;
beforeAll(() => {
  process.env.DATABASE_PATH = path.join(tempDir(), "widget.db");
  process.env.AUTH_SECRET = "widget-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "widget-credentials-key-0123456789abcdef";
  resetSecretsCache();
  db = database();
});
beforeEach(() => resetWidgetRateLimits({ db }));

let ipCounter = 0;
async function setup(config: Partial<WebConfig> = {}) {
  const brand = await makeBrand({ db });
  const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
  const channel = await createChannel({ db, brandId: brand.id, kind: "web", name: "Site", web: { origins: [SITE], mode: "chat", showResponseTime: true, ...config }, actor: { userId: null, label: "test" } });
  const key = (await webConfigsOfBrand({ db, brandId: brand.id })).get(channel.id)!.publicKey;
  const ip = `10.0.0.${++ipCounter}`;
  const call = async (
    route: { GET?: unknown; POST?: unknown; OPTIONS?: unknown },
    method: "GET" | "POST" | "OPTIONS",
    { token, body, origin = SITE, query = "", raw }: { token?: string; body?: unknown; origin?: string | null; query?: string; raw?: string } = {},
  ) => {
    const headers: Record<string, string> = { "x-forwarded-for": ip };
    if (origin) headers.origin = origin;
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined || raw !== undefined) headers["content-type"] = "application/json";
    const request = new Request(`http://replyhour.test/api/widget/${key}/x${query}`, { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const handler = (route as Record<string, (r: Request, c: { params: Promise<{ key: string }> }) => Promise<Response>>)[method];
    return handler(request, { params: Promise.resolve({ key }) });
  };
  const start = async (token?: string) => (await (await call(sessionRoute, "POST", { token })).json()) as { token: string; resumed: boolean; messages: { from: string; text: string }[]; status: { online: boolean } };
  const count = (table: string) => (sqlite(db).prepare(`SELECT count(*) AS n FROM ${table} WHERE channel_id = ?`).get(channel.id) as { n: number }).n;
  return { brand, agent, channel, key, call, start, count };
}

describe("website widget endpoints", () => {
  it("start a visitor, take their message into the inbox as a private message, and resume it from the token", async () => {
    const { call, start, channel, brand } = await setup();
    const session = await start();
    expect(session.resumed).toBe(false);
    expect(session.status.online).toBe(true);
    const posted = await call(messagesRoute, "POST", { token: session.token, body: { text: "Where is my order 1234?", name: "Ada", email: "ada@example.com" } });
    expect(posted.status).toBe(201);
    expect(posted.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(posted.headers.get("content-security-policy")).toBe(`frame-ancestors ${SITE}`);
    const row = sqlite(db)
      .prepare("SELECT c.kind, c.brand_id AS brandId, m.direction, ct.handle, ct.name FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN contacts ct ON ct.id = c.contact_id WHERE m.channel_id = ?")
      .get(channel.id);
    expect(row).toEqual({ kind: "private_message", brandId: brand.id, direction: "inbound", handle: "ada@example.com", name: "Ada" });
    // A later message without name and e-mail keeps them on the contact.
    await call(messagesRoute, "POST", { token: session.token, body: { text: "Any news?" } });
    expect(sqlite(db).prepare("SELECT handle, name FROM contacts WHERE channel_id = ?").get(channel.id)).toEqual({ handle: "ada@example.com", name: "Ada" });
    const resumed = await start(session.token);
    expect(resumed.resumed).toBe(true);
    expect(resumed.messages.map((m) => [m.from, m.text])).toEqual([["visitor", "Where is my order 1234?"], ["visitor", "Any news?"]]);
  });

  it("let no visitor read another's messages, and refuse forged, foreign and missing tokens with 401", async () => {
    const { call, start } = await setup();
    const ada = await start();
    await call(messagesRoute, "POST", { token: ada.token, body: { text: "My address is 1 Main St" } });
    const bob = await start();
    const bobs = (await (await call(messagesRoute, "GET", { token: bob.token })).json()) as { messages: unknown[] };
    expect(bobs.messages).toEqual([]);
    const [v, c, id, exp, sig] = ada.token.split(".");
    const forged = [v, c, id, String(Number(exp) + 1000), sig].join(".");
    const other = await setup();
    const foreign = (await other.start()).token;
    for (const token of [forged, foreign, undefined, "garbage"]) {
      const response = await call(messagesRoute, "GET", { token });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized", message: expect.stringContaining("token") } });
    }
    const expired = issueVisitorToken({ channelId: Number(c), visitorId: id, now: Date.now() - 31 * 86_400_000 }).token;
    expect((await call(messagesRoute, "GET", { token: expired })).status).toBe(401);
  });

  it("refuse another origin, and no origin, with 403 and no CORS grant, storing nothing", async () => {
    const { call, start, count } = await setup();
    const { token } = await start();
    for (const origin of ["https://evil.example", null]) {
      const response = await call(messagesRoute, "POST", { token, origin, body: { text: "hi" } });
      expect(response.status).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(await response.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("not allowed") } });
      expect((await call(sessionRoute, "OPTIONS", { origin })).status).toBe(403);
    }
    expect(count("messages")).toBe(0);
    const preflight = await call(sessionRoute, "OPTIONS");
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("Authorization");
  });

  it("refuse the honeypot, oversize and empty messages, and a form without e-mail, with clear errors and nothing stored", async () => {
    const { call, start, count } = await setup();
    const { token } = await start();
    const refusals: [unknown, number, string][] = [
      [{ text: "Buy now", website: "http://spam.example" }, 400, "automated"],
      [{ text: "x".repeat(5001) }, 400, "at most 5000"],
      [{ text: "   " }, 400, "Write a message"],
      [{ text: "hi", email: "not-an-address" }, 400, "e-mail"],
    ];
    for (const [body, status, words] of refusals) {
      const response = await call(messagesRoute, "POST", { token, body });
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(words);
    }
    const big = await call(messagesRoute, "POST", { token, raw: JSON.stringify({ text: "y".repeat(20_000) }) });
    expect(big.status).toBe(413);
    const notJson = await call(messagesRoute, "POST", { token, raw: "{text:" });
    expect(notJson.status).toBe(400);
    expect(count("messages")).toBe(0);
    expect(count("contacts")).toBe(0);

    const form = await setup({ mode: "form" });
    const visitor = await form.start();
    const noEmail = await form.call(messagesRoute, "POST", { token: visitor.token, body: { text: "Please call me back", name: "Ada" } });
    expect(noEmail.status).toBe(400);
    expect(await noEmail.json()).toMatchObject({ error: { fields: [{ path: "email" }] } });
    const ok = await form.call(messagesRoute, "POST", { token: visitor.token, body: { text: "Please call me back", name: "Ada", email: "ada@example.com" } });
    expect(ok.status).toBe(201);
    expect(form.count("messages")).toBe(1);
  });

  it("limit messages per visitor and new visitors per address with 429 and Retry-After", async () => {
    const { call, start, count } = await setup();
    const { token } = await start();
    for (let i = 0; i < WIDGET_LIMITS.visitorMessages; i++) expect((await call(messagesRoute, "POST", { token, body: { text: `message ${i}` } })).status).toBe(201);
    const over = await call(messagesRoute, "POST", { token, body: { text: "one too many" } });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await over.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect(count("messages")).toBe(WIDGET_LIMITS.visitorMessages);
    for (let i = 1; i < WIDGET_LIMITS.ipSessions; i++) await start();
    expect((await call(sessionRoute, "POST")).status).toBe(429);
    // A returning visitor with a valid token still gets in.
    expect((await call(sessionRoute, "POST", { token })).status).toBe(200);
  });

  it("deliver an agent's reply through the outbox to the visitor's messages and live stream, never a note or a queued draft", async () => {
    const { call, start, brand, agent } = await setup();
    const { token } = await start();
    // The stream is open before the visitor's first message makes their conversation.
    const stream = await call(streamRoute, "GET", { query: `?token=${encodeURIComponent(token)}` });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const until = async (text: string) => {
      const deadline = Date.now() + 5000;
      while (!received.includes(text)) {
        if (Date.now() > deadline) throw new Error(`stream never said ${text}: ${received}`);
        const { value } = await reader.read();
        received += decoder.decode(value);
      }
    };
    await until("retry:");
    const posted = (await (await call(messagesRoute, "POST", { token, body: { text: "Is the shop open on Sunday?" } })).json()) as { message: { id: string } };
    const conversationId = (sqlite(db).prepare("SELECT conversation_id AS id FROM messages WHERE id = ?").get(Number(posted.message.id)) as { id: number }).id;
    await until("Is the shop open on Sunday?");

    await addNote({ db, brandId: brand.id, actor: { userId: agent.id, label: agent.email }, conversationId, text: "internal: check the rota" });
    await queueReply({ db, brandId: brand.id, conversationId, text: "Yes, from 10 to 16.", visibility: "private", actor: { userId: agent.id, label: agent.email } });
    const beforeSend = (await (await call(messagesRoute, "GET", { token })).json()) as { messages: { text: string }[] };
    expect(beforeSend.messages.map((m) => m.text)).toEqual(["Is the shop open on Sunday?"]);
    expect(await sendDueReplies({ db })).toBe(1);
    await until("Yes, from 10 to 16.");
    expect(received).not.toContain("internal");
    await reader.cancel();
    const after = (await (await call(messagesRoute, "GET", { token })).json()) as { messages: { from: string; text: string }[] };
    expect(after.messages.map((m) => [m.from, m.text])).toEqual([["visitor", "Is the shop open on Sunday?"], ["agent", "Yes, from 10 to 16."]]);
    const reply = sqlite(db).prepare("SELECT delivery_state AS state, external_id AS externalId FROM messages WHERE direction = 'outbound' AND conversation_id = ?").get(conversationId) as { state: string; externalId: string };
    expect(reply.state).toBe("sent");
    expect(reply.externalId).toMatch(/^web-/);
  });

  it("answer 404 for an unknown key and for a paused channel", async () => {
    const { call, brand, channel } = await setup();
    const response = await sessionRoute.POST(new Request("http://replyhour.test/api/widget/wc_unknownunknownunknown/session", { method: "POST", headers: { origin: SITE } }), { params: Promise.resolve({ key: "wc_unknownunknownunknown" }) });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    expect((await call(sessionRoute, "POST")).status).toBe(200);
    await setChannelPaused({ db, brandId: brand.id, id: channel.id, paused: true, actor: { userId: null, label: "test" } });
    expect((await call(sessionRoute, "POST")).status).toBe(404);
  });
});
