import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import crypto from "node:crypto";
import createClient from "openapi-fetch";
import { tempDir, makeBrand, makeMember, sqlite } from "../helpers/db";
import { closeDatabase, database, type Db } from "@/db/client";
import { createToken } from "@/lib/auth/tokens";
import { cliActor } from "@/lib/audit/record";
import { sendDueReplies } from "@/lib/outbound/outbox";
import { removeMembership } from "@/lib/team/users";
import { OPERATIONS } from "@/lib/api/operations";
import { classificationSchema, conversationDetailSchema, conversationSchema, errorSchema, noteSchema, replySchema } from "@/lib/api/schemas";
import type { paths } from "./generated/openapi";
import { serveApi } from "./http-server";

let db: Db;
let server: Awaited<ReturnType<typeof serveApi>>;
let brandA: { id: number };
let agent: { id: number; email: string };
let manager: { id: number; email: string };
const tokens = { agent: "", manager: "", read: "", defaults: "", otherBrand: "" };

const key = () => crypto.randomUUID();

async function call(method: string, url: string, { token = tokens.agent, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${server.baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

// A customer's question, posted through the API like any integration would.
async function newConversation(token = tokens.agent): Promise<{ conversationId: string; messageId: string }> {
  const event = { externalId: `w-${key()}`, text: "Where is my refund?", createdAt: new Date().toISOString(), author: { id: `cust-${key()}`, name: "Cust" } };
  const { status, body } = await call("POST", "/api/v1/events", { token, body: event });
  expect(status).toBe(202);
  return { conversationId: body.events[0].conversationId, messageId: body.events[0].messageId };
}

const count = (sql: string, ...args: unknown[]) => (sqlite(db).prepare(sql).pluck().get(...args) as number) ?? 0;
const outbound = (conversationId: string) => count("SELECT count(*) FROM messages WHERE conversation_id = ? AND direction = 'outbound'", Number(conversationId));
const auditOf = (action: string, objectId: string) => sqlite(db).prepare("SELECT actor, user_id AS userId FROM audit_log WHERE action = ? AND object_id = ?").all(action, objectId) as { actor: string; userId: number }[];

beforeAll(async () => {
  closeDatabase();
  process.env.DATABASE_PATH = path.join(tempDir(), "api-write.db");
  process.env.API_RATE_PER_MINUTE = "100000";
  db = database();
  brandA = await makeBrand({ db });
  const brandB = await makeBrand({ db });
  agent = await makeMember({ db, brandId: brandA.id, role: "agent" });
  manager = await makeMember({ db, brandId: brandA.id, role: "manager" });
  const outsider = await makeMember({ db, brandId: brandB.id, role: "admin" });
  const write = ["ingest", "read", "write"] as const;
  tokens.agent = await createToken({ db, brandId: brandA.id, name: "bot", scopes: [...write], actsAs: agent.email, actor: cliActor });
  tokens.manager = await createToken({ db, brandId: brandA.id, name: "crm", scopes: [...write], actsAs: manager.email, actor: cliActor });
  tokens.read = await createToken({ db, brandId: brandA.id, name: "bi", scopes: ["read"], actor: cliActor });
  tokens.defaults = await createToken({ db, brandId: brandA.id, name: "plain", actor: cliActor });
  tokens.otherBrand = await createToken({ db, brandId: brandB.id, name: "bot", scopes: [...write], actsAs: outsider.email, actor: cliActor });
  server = await serveApi();
});

afterAll(async () => {
  await server?.close();
});

describe("a client generated from the OpenAPI document", () => {
  it("replies to a conversation, and a repeat with the same Idempotency-Key sends one reply", async () => {
    const { conversationId } = await newConversation();
    const client = createClient<paths>({ baseUrl: server.baseUrl, headers: { authorization: `Bearer ${tokens.agent}` } });
    const idempotencyKey = key();
    const send = () =>
      client.POST("/api/v1/conversations/{id}/replies", {
        params: { path: { id: conversationId }, header: { "Idempotency-Key": idempotencyKey } },
        body: { text: "Sorry for the wait, the refund left today.", visibility: "public" },
      });
    const first = await send();
    expect(first.response.status).toBe(201);
    expect(replySchema.parse(first.data)).toMatchObject({ conversationId, visibility: "public", automated: false, deliveryState: "queued" });
    const again = await send();
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(again.data).toEqual(first.data);
    expect(outbound(conversationId)).toBe(1);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'message.reply' AND object_id = ?", conversationId)).toBe(1);

    // Sent by the outbox worker, the reply is the agent's first response.
    await sendDueReplies({ db });
    const { data } = await client.GET("/api/v1/conversations/{id}", { params: { path: { id: conversationId } } });
    const detail = conversationDetailSchema.parse(data);
    expect(detail.firstResponseAt).not.toBeNull();
    expect(detail.messages.filter((m) => m.direction === "outbound").map((m) => m.deliveryState)).toEqual(["sent"]);
    expect(count("SELECT first_responder_id FROM response_cycles WHERE conversation_id = ?", Number(conversationId))).toBe(agent.id);
  });

  it("names the member in the audit log and records a realtime change", async () => {
    const { conversationId } = await newConversation();
    const changesBefore = count("SELECT count(*) FROM changes WHERE conversation_id = ?", Number(conversationId));
    expect((await call("POST", `/api/v1/conversations/${conversationId}/replies`, { body: { text: "On it", visibility: "private" }, headers: { "Idempotency-Key": key() } })).status).toBe(201);
    expect(auditOf("message.reply", conversationId)).toEqual([{ actor: `${agent.email} (token:bot)`, userId: agent.id }]);
    expect(count("SELECT count(*) FROM changes WHERE conversation_id = ?", Number(conversationId))).toBeGreaterThan(changesBefore);
  });
});

describe("idempotency", () => {
  it("answers 422 for the same key with a different body, and stores nothing more", async () => {
    const { conversationId } = await newConversation();
    const k = key();
    expect((await call("POST", `/api/v1/conversations/${conversationId}/replies`, { body: { text: "One", visibility: "public" }, headers: { "Idempotency-Key": k } })).status).toBe(201);
    const other = await call("POST", `/api/v1/conversations/${conversationId}/replies`, { body: { text: "Two", visibility: "public" }, headers: { "Idempotency-Key": k } });
    expect(other.status).toBe(422);
    expect(errorSchema.parse(other.body).error.code).toBe("unprocessable");
    expect(outbound(conversationId)).toBe(1);
  });

  it("keeps keys per token: another token's same key is a new request", async () => {
    const { conversationId } = await newConversation();
    const k = key();
    const body = { text: "Hello", visibility: "public" };
    expect((await call("POST", `/api/v1/conversations/${conversationId}/replies`, { body, headers: { "Idempotency-Key": k } })).status).toBe(201);
    expect((await call("POST", `/api/v1/conversations/${conversationId}/replies`, { token: tokens.manager, body, headers: { "Idempotency-Key": k } })).status).toBe(201);
    expect(outbound(conversationId)).toBe(2);
  });

  it("forgets a key after 24 hours", async () => {
    const { conversationId } = await newConversation();
    const k = key();
    const body = { text: "Again tomorrow", visibility: "public" };
    await call("POST", `/api/v1/conversations/${conversationId}/replies`, { body, headers: { "Idempotency-Key": k } });
    sqlite(db).prepare("UPDATE api_idempotency SET created_at = created_at - ? WHERE key = ?").run(25 * 3_600_000, k);
    expect((await call("POST", `/api/v1/conversations/${conversationId}/replies`, { body, headers: { "Idempotency-Key": k } })).headers.get("idempotent-replayed")).toBeNull();
    expect(outbound(conversationId)).toBe(2);
  });

  it("needs a key for a reply, and a failed request may be retried with its key", async () => {
    const { conversationId } = await newConversation();
    const missing = await call("POST", `/api/v1/conversations/${conversationId}/replies`, { body: { text: "Hi", visibility: "public" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("bad_request");
    const k = key();
    expect((await call("POST", "/api/v1/conversations/999999999/replies", { body: { text: "Hi", visibility: "public" }, headers: { "Idempotency-Key": k } })).status).toBe(404);
    expect(count("SELECT count(*) FROM api_idempotency WHERE key = ?", k)).toBe(0);
  });
});

describe("authorization", () => {
  it("refuses read-only and default tokens (403) on every write, before anything changes", async () => {
    const { conversationId, messageId } = await newConversation();
    for (const token of [tokens.read, tokens.defaults]) {
      const calls = [
        call("POST", `/api/v1/conversations/${conversationId}/replies`, { token, body: { text: "x", visibility: "public" }, headers: { "Idempotency-Key": key() } }),
        call("POST", `/api/v1/conversations/${conversationId}/notes`, { token, body: { text: "x" } }),
        call("PATCH", `/api/v1/conversations/${conversationId}`, { token, body: { priority: "high" } }),
        call("POST", `/api/v1/messages/${messageId}/classification`, { token, body: { category: "noise" } }),
      ];
      for (const result of await Promise.all(calls)) {
        expect(result.status).toBe(403);
        expect(result.body.error.code).toBe("forbidden");
      }
    }
    expect(count("SELECT count(*) FROM messages WHERE conversation_id = ? AND direction != 'inbound'", Number(conversationId))).toBe(0);
  });

  it("lets an agent's token claim a conversation but not assign it to someone else (a manager's call)", async () => {
    const { conversationId } = await newConversation();
    const toManager = await call("PATCH", `/api/v1/conversations/${conversationId}`, { body: { assigneeId: String(manager.id) } });
    expect(toManager.status).toBe(403);
    expect((await call("PATCH", `/api/v1/conversations/${conversationId}`, { body: { assigneeId: null } })).status).toBe(403);
    const claim = await call("PATCH", `/api/v1/conversations/${conversationId}`, { body: { assigneeId: String(agent.id) } });
    expect(claim.status).toBe(200);
    expect(conversationSchema.parse(claim.body).assignee?.id).toBe(String(agent.id));
    const reassign = await call("PATCH", `/api/v1/conversations/${conversationId}`, { token: tokens.manager, body: { assigneeId: String(manager.id) } });
    expect(reassign.status).toBe(200);
    expect(auditOf("conversation.assign", conversationId).map((a) => a.actor)).toEqual([`${agent.email} (token:bot)`, `${manager.email} (token:crm)`]);
  });

  it("answers 404 for another brand's conversation and message, and changes nothing", async () => {
    const { conversationId, messageId } = await newConversation();
    const token = tokens.otherBrand;
    const results = [
      await call("POST", `/api/v1/conversations/${conversationId}/replies`, { token, body: { text: "x", visibility: "public" }, headers: { "Idempotency-Key": key() } }),
      await call("POST", `/api/v1/conversations/${conversationId}/notes`, { token, body: { text: "x" } }),
      await call("PATCH", `/api/v1/conversations/${conversationId}`, { token, body: { status: "resolved" } }),
      await call("POST", `/api/v1/messages/${messageId}/classification`, { token, body: { category: "noise" } }),
      await call("GET", `/api/v1/conversations/${conversationId}`, { token }),
    ];
    expect(results.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
    expect(count("SELECT count(*) FROM messages WHERE conversation_id = ? AND direction != 'inbound'", Number(conversationId))).toBe(0);
    expect(count("SELECT count(*) FROM audit_log WHERE object_id IN (?, ?)", conversationId, messageId)).toBe(0);
  });

  it("stops acting for a member whose membership ended", async () => {
    const leaver = await makeMember({ db, brandId: brandA.id, role: "agent" });
    const token = await createToken({ db, brandId: brandA.id, name: "leaver", scopes: ["write"], actsAs: leaver.email, actor: cliActor });
    const { conversationId } = await newConversation();
    expect((await call("POST", `/api/v1/conversations/${conversationId}/notes`, { token, body: { text: "still here" } })).status).toBe(201);
    await removeMembership({ db, userId: leaver.id, brandId: brandA.id, actor: cliActor });
    expect((await call("POST", `/api/v1/conversations/${conversationId}/notes`, { token, body: { text: "gone" } })).status).toBe(404);
  });
});

describe("the write endpoints", () => {
  it("changes status, priority and labels together, and snoozes", async () => {
    const { conversationId } = await newConversation();
    const patched = await call("PATCH", `/api/v1/conversations/${conversationId}`, { body: { status: "pending", priority: "urgent", labels: ["VIP ", "refund"] } });
    expect(patched.status).toBe(200);
    expect(conversationSchema.parse(patched.body)).toMatchObject({ status: "pending", priority: "urgent", labels: ["vip", "refund"] });
    const relabel = await call("PATCH", `/api/v1/conversations/${conversationId}`, { body: { labels: ["refund"] } });
    expect(relabel.body.labels).toEqual(["refund"]);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const snoozed = await call("PATCH", `/api/v1/conversations/${conversationId}`, { body: { snoozeUntil: until } });
    expect(snoozed.body).toMatchObject({ status: "snoozed", snoozedUntil: until });
    expect(auditOf("conversation.priority", conversationId)).toHaveLength(1);
    expect(auditOf("conversation.labels", conversationId)).toHaveLength(2);
  });

  it("changes nothing when one field is refused (a resolved conversation cannot be reopened)", async () => {
    const { conversationId } = await newConversation();
    expect((await call("PATCH", `/api/v1/conversations/${conversationId}`, { body: { status: "resolved" } })).status).toBe(200);
    const reopen = await call("PATCH", `/api/v1/conversations/${conversationId}`, { body: { priority: "high", status: "open" } });
    expect(reopen.status).toBe(409);
    expect(auditOf("conversation.priority", conversationId)).toHaveLength(0);
  });

  it("validates bodies with clear field errors", async () => {
    const { conversationId } = await newConversation();
    const cases: [string, string, unknown][] = [
      ["PATCH", `/api/v1/conversations/${conversationId}`, {}],
      ["PATCH", `/api/v1/conversations/${conversationId}`, { status: "snoozed" }],
      ["PATCH", `/api/v1/conversations/${conversationId}`, { priority: "asap" }],
      ["POST", `/api/v1/conversations/${conversationId}/notes`, { text: "  " }],
      ["POST", `/api/v1/conversations/${conversationId}/notes`, { text: "x", extra: 1 }],
    ];
    for (const [method, url, body] of cases) {
      const result = await call(method, url, { body });
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(errorSchema.parse(result.body).error.fields?.length).toBeGreaterThan(0);
    }
    const badKey = await call("POST", `/api/v1/conversations/${conversationId}/replies`, { body: { text: "x", visibility: "public" }, headers: { "Idempotency-Key": "has space" } });
    expect(badKey.status).toBe(400);
  });

  it("adds a note and corrects a classification, as the inbox does", async () => {
    const { conversationId, messageId } = await newConversation();
    const note = await call("POST", `/api/v1/conversations/${conversationId}/notes`, { body: { text: `@${manager.email} can you look?` } });
    expect(note.status).toBe(201);
    expect(noteSchema.parse(note.body).conversationId).toBe(conversationId);
    const corrected = await call("POST", `/api/v1/messages/${messageId}/classification`, { body: { category: "noise", sentiment: "positive" } });
    expect(corrected.status).toBe(200);
    expect(classificationSchema.parse(corrected.body)).toMatchObject({ id: messageId, category: "noise", sentiment: "positive", corrected: true });
    const conversation = await call("GET", `/api/v1/conversations/${conversationId}`);
    expect(conversation.body.category).toBe("noise");
    expect(auditOf("message.correct", messageId)).toEqual([{ actor: `${agent.email} (token:bot)`, userId: agent.id }]);
  });

  it("does not count an automated reply as the first response", async () => {
    const { conversationId } = await newConversation();
    const sent = await call("POST", `/api/v1/conversations/${conversationId}/replies`, { body: { text: "We got your message.", visibility: "public", automated: true }, headers: { "Idempotency-Key": key() } });
    expect(sent.body.automated).toBe(true);
    await sendDueReplies({ db });
    const detail = conversationDetailSchema.parse((await call("GET", `/api/v1/conversations/${conversationId}`)).body);
    expect(detail.messages.find((m) => m.direction === "outbound")).toMatchObject({ automated: true, deliveryState: "sent" });
    expect(detail.firstResponseAt).toBeNull();
  });
});

describe("ETag on reads", () => {
  it("answers 304 while nothing changed, and a new ETag after a change", async () => {
    const { conversationId } = await newConversation();
    for (const url of [`/api/v1/conversations/${conversationId}`, "/api/v1/conversations?limit=5"]) {
      const first = await call("GET", url);
      const etag = first.headers.get("etag");
      expect(etag).toMatch(/^W\/".+"$/);
      const again = await call("GET", url, { headers: { "If-None-Match": etag! } });
      expect(again.status).toBe(304);
      expect(again.body).toBeNull();
      await call("PATCH", `/api/v1/conversations/${conversationId}`, { body: { priority: first.body.priority === "high" || first.body.conversations?.[0]?.priority === "high" ? "low" : "high" } });
      const changed = await call("GET", url, { headers: { "If-None-Match": etag! } });
      expect(changed.status).toBe(200);
      expect(changed.headers.get("etag")).not.toBe(etag);
    }
  });
});

describe("write tokens", () => {
  it("are never a default, and act as a named member of the brand", async () => {
    await expect(createToken({ db, brandId: brandA.id, name: "w1", scopes: ["write"], actor: cliActor })).rejects.toThrow(/--as/);
    await expect(createToken({ db, brandId: brandA.id, name: "w2", scopes: ["read"], actsAs: agent.email, actor: cliActor })).rejects.toThrow(/write/);
    await expect(createToken({ db, brandId: brandA.id, name: "w3", scopes: ["write"], actsAs: "nobody@example.test", actor: cliActor })).rejects.toThrow(/not an active member/);
    expect(sqlite(db).prepare("SELECT scopes FROM api_tokens WHERE name = 'plain'").pluck().get()).toBe('["ingest","read"]');
    expect(OPERATIONS.replyToConversation.scope).toBe("write");
  });
});
