import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { tempDir, makeBrand, sqlite } from "../helpers/db";
import { closeDatabase, database } from "@/db/client";
import { createToken } from "@/lib/auth/tokens";
import { cliActor } from "@/lib/audit/record";

type Handler = (request: Request, ctx?: { params: Promise<{ id: string }> }) => Promise<Response>;
let POST: Handler;
let LIST: Handler;
let GET_ONE: Handler;
let token: string;
let readOnly: string;
let otherToken: string;

const event = (over: Record<string, unknown> = {}) => ({
  externalId: `e-${Math.random().toString(36).slice(2)}`,
  text: "Where is my refund?",
  createdAt: "2026-05-01T10:00:00Z",
  author: { id: "cust-1", handle: "@cust", name: "Cust" },
  ...over,
});

function request(body: BodyInit | null, { auth = token, type = "application/json", headers = {} }: { auth?: string | null; type?: string; headers?: Record<string, string> } = {}) {
  return new Request("http://localhost/api/v1/events", {
    method: "POST",
    body,
    headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), "content-type": type, ...headers },
  });
}

function messageCount(): number {
  return (sqlite(database()).prepare("SELECT count(*) AS n FROM messages").get() as { n: number }).n;
}

beforeAll(async () => {
  closeDatabase();
  process.env.DATABASE_PATH = path.join(tempDir(), "api.db");
  process.env.INGEST_MAX_BODY_BYTES = "20000";
  process.env.API_RATE_PER_MINUTE = "1000";
  const db = database();
  const brand = await makeBrand({ db });
  const other = await makeBrand({ db });
  token = await createToken({ db, brandId: brand.id, name: "all", actor: cliActor });
  readOnly = await createToken({ db, brandId: brand.id, name: "read", scopes: ["read"], actor: cliActor });
  otherToken = await createToken({ db, brandId: other.id, name: "other", actor: cliActor });
  POST = (await import("@/app/api/v1/events/route")).POST;
  LIST = (await import("@/app/api/v1/conversations/route")).GET;
  GET_ONE = (await import("@/app/api/v1/conversations/[id]/route")).GET as Handler;
});

describe("POST /api/v1/events", () => {
  it("accepts one event and a batch, and reports replays as duplicates", async () => {
    const single = await POST(request(JSON.stringify(event({ externalId: "one" }))));
    expect(single.status).toBe(202);
    const batch = await POST(request(JSON.stringify({ events: [event({ externalId: "one" }), event({ externalId: "two" })] })));
    expect(batch.status).toBe(202);
    const body = await batch.json();
    expect(body.accepted).toBe(1);
    expect(body.duplicates).toBe(1);
    expect(body.events.map((e: { duplicate: boolean }) => e.duplicate)).toEqual([true, false]);
    expect(typeof body.events[1].messageId).toBe("string");
  });

  it("refuses without a token (401) and with an unknown one", async () => {
    expect((await POST(request("{}", { auth: null }))).status).toBe(401);
    const unknown = await POST(request("{}", { auth: "rh_nope" }));
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).error.code).toBe("unauthorized");
  });

  it("refuses a token without the ingest scope (403)", async () => {
    expect((await POST(request(JSON.stringify(event()), { auth: readOnly }))).status).toBe(403);
  });

  it("answers 415, 400 and 413 for bad bodies and stores nothing", async () => {
    const before = messageCount();
    expect((await POST(request(JSON.stringify(event()), { type: "text/plain" }))).status).toBe(415);
    const malformed = await POST(request("{ not json"));
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.message).toMatch(/Malformed JSON/);
    const badUtf8 = await POST(request(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])));
    expect(badUtf8.status).toBe(400);
    expect((await badUtf8.json()).error.message).toMatch(/UTF-8/);
    expect((await POST(request(JSON.stringify(event({ text: "x".repeat(30_000) }))))).status).toBe(413);
    expect(messageCount()).toBe(before);
  });

  it("validates the whole batch, naming each bad index and field, and writes nothing", async () => {
    const before = messageCount();
    const response = await POST(
      request(JSON.stringify({ events: [event(), event({ createdAt: "yesterday" }), event({ author: {} }), event({ direction: "sideways" })] })),
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    const paths = error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["events[1].createdAt", "events[2].author.id", "events[3].direction"]));
    expect(messageCount()).toBe(before);
  });

  it("refuses an unknown channel and another brand's channel", async () => {
    const response = await POST(request(JSON.stringify({ events: [event({ channel: "99999" })] })));
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields[0].path).toBe("events[0].channel");
  });

  it("limits requests per token with Retry-After", async () => {
    process.env.API_RATE_PER_MINUTE = "3";
    const limited = await createToken({ db: database(), brandId: 1, name: "limited", actor: cliActor });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await POST(request(JSON.stringify(event()), { auth: limited }))).status);
    const last = await POST(request(JSON.stringify(event()), { auth: limited }));
    process.env.API_RATE_PER_MINUTE = "1000";
    expect(statuses.slice(0, 3)).toEqual([202, 202, 202]);
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("GET /api/v1/conversations", () => {
  it("lists the brand's conversations with the documented fields and full-text search", async () => {
    await POST(request(JSON.stringify(event({ externalId: "search-me", text: "Lost suitcase at Schiphol" }))));
    const list = await LIST(new Request("http://localhost/api/v1/conversations?q=suitcase&limit=5", { headers: { authorization: `Bearer ${readOnly}` } }));
    expect(list.status).toBe(200);
    const body = await list.json();
    expect(body.conversations).toHaveLength(1);
    const c = body.conversations[0];
    for (const key of ["id", "status", "category", "complaint", "sentiment", "sentimentScore", "language", "priority", "assignee", "channel", "contact", "firstInboundAt", "firstResponseAt", "firstResponseDueAt", "slaState", "lastMessageAt", "preview"])
      expect(c).toHaveProperty(key);
    expect(c.channel.kind).toBe("api");
    expect(c.slaState).toBe("breached");
    const one = await GET_ONE(new Request(`http://localhost/api/v1/conversations/${c.id}`, { headers: { authorization: `Bearer ${readOnly}` } }), { params: Promise.resolve({ id: c.id }) });
    const detail = await one.json();
    expect(detail.messages[0].text).toBe("Lost suitcase at Schiphol");
    expect(detail.cycles[0].targetSeconds).toBe(3600);
    const foreign = await GET_ONE(new Request(`http://localhost/api/v1/conversations/${c.id}`, { headers: { authorization: `Bearer ${otherToken}` } }), { params: Promise.resolve({ id: c.id }) });
    expect(foreign.status).toBe(404);
  });

  it("rejects an invalid filter with 400 and a token without read scope with 403", async () => {
    expect((await LIST(new Request("http://localhost/api/v1/conversations?limit=9999", { headers: { authorization: `Bearer ${token}` } }))).status).toBe(400);
    const ingestOnly = await createToken({ db: database(), brandId: 1, name: "ingest", scopes: ["ingest"], actor: cliActor });
    expect((await LIST(new Request("http://localhost/api/v1/conversations", { headers: { authorization: `Bearer ${ingestOnly}` } }))).status).toBe(403);
  });
});
