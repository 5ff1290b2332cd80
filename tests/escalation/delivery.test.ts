import http from "node:http";
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { operator } from "@/lib/auth/authorize";
import { listRules, updateRule } from "@/lib/escalation/rules";
import { createWebhookEndpoint, deleteWebhookEndpoint, listDeliveries, listWebhookEndpoints, retryDelivery, rotateWebhookSecret, sendTestWebhook } from "@/lib/escalation/endpoints";
import { deliverDueWebhooks, MAX_DELIVERY_ATTEMPTS } from "@/lib/escalation/webhooks";
import { startFakeSmtp } from "../fakes/smtp";
import { NEGATIVE, escalationBrand } from "./setup";
import { row, run } from "../helpers/db";

type Received = { headers: http.IncomingHttpHeaders; body: string };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
});

// A receiver that answers with the given statuses in turn, then 200.
async function receiver(script: { status: number; headers?: Record<string, string> }[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      const next = script.shift() ?? { status: 200 };
      // The receiver's answer is never echoed back into the delivery's error.
      res.writeHead(next.status, next.headers).end(next.status === 200 ? "ok" : "try later");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/replyhour`, received };
}

function verify(r: Received, secret: string): boolean {
  const timestamp = String(r.headers["x-replyhour-timestamp"]);
  const expected = `sha256=${crypto.createHmac("sha256", secret).update(`${timestamp}.${r.body}`).digest("hex")}`;
  const given = String(r.headers["x-replyhour-signature"]);
  return given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

describe("outgoing webhooks", () => {
  it("a negative comment is escalated and reaches the receiver exactly once, though it fails twice first", async () => {
    const hook = await receiver([{ status: 500 }, { status: 429, headers: { "retry-after": "1" } }]);
    const { db, brand, ingest, list, oneRow } = await escalationBrand({ keepDefaults: true });
    const { endpoint, secret } = await createWebhookEndpoint({ db, brandId: brand.id, input: { name: "Ops Slack", url: hook.url }, actor: operator });
    expect(secret).toMatch(/^whsec_/);
    const negative = (await listRules({ db, brandId: brand.id })).find((r) => r.name === "Negative public comment")!;
    await updateRule({ db, brandId: brand.id, id: negative.id, input: { ...negative, actions: [...negative.actions, { type: "notify_webhook", endpointId: endpoint.id }] }, actor: operator });

    const { conversationId, externalId } = await ingest(NEGATIVE);
    const escalation = await oneRow<{ id: number }>("SELECT id FROM escalations WHERE conversation_id = ?", conversationId);
    expect(escalation).toBeDefined();
    const delivery = () => oneRow<{ state: string; attempts: number; next_attempt_at: number | null; last_error: string | null; delivered_at: number | null }>("SELECT * FROM webhook_deliveries");

    const t0 = Date.now();
    await deliverDueWebhooks({ db, now: t0 });
    expect(await delivery()).toMatchObject({ state: "queued", attempts: 1, last_error: "HTTP 500" });
    await deliverDueWebhooks({ db, now: t0 + 1000 });
    expect(hook.received).toHaveLength(1);

    await deliverDueWebhooks({ db, now: t0 + 10_000 });
    expect(await delivery()).toMatchObject({ state: "queued", attempts: 2, next_attempt_at: t0 + 11_000 });
    await deliverDueWebhooks({ db, now: t0 + 11_000 });
    expect(await delivery()).toMatchObject({ state: "delivered", attempts: 3, last_error: null });
    await deliverDueWebhooks({ db, now: t0 + 3600_000 });
    await ingest(`${NEGATIVE} Still waiting!`, { threadId: externalId });

    expect(hook.received).toHaveLength(3);
    expect(hook.received.every((r) => verify(r, secret))).toBe(true);
    expect(new Set(hook.received.map((r) => r.headers["idempotency-key"])).size).toBe(1);
    expect(new Set(hook.received.map((r) => r.body)).size).toBe(1);
    const body = JSON.parse(hook.received[2].body);
    expect(body.text).toMatch(/^Escalation \(level 1\) in Test brand: “This is the worst airline ever/);
    expect(body.replyhour).toMatchObject({ event: "escalation.created", escalation: { id: escalation.id, level: 1 }, conversation: { id: conversationId } });
    expect(verify({ ...hook.received[2], body: hook.received[2].body.replace("worst", "best") }, secret)).toBe(false);
    // A follow-up while the escalation is open neither escalates nor notifies again.
    expect(await list("SELECT id FROM webhook_deliveries")).toHaveLength(1);
    expect(await list("SELECT id FROM escalations")).toHaveLength(1);
  });

  it("gives up after the maximum attempts with the reason, and fails at once on a permanent error", async () => {
    const hook = await receiver(Array.from({ length: MAX_DELIVERY_ATTEMPTS }, () => ({ status: 503 })));
    const gone = await receiver([{ status: 410 }]);
    const { db, brand } = await escalationBrand();
    const a = (await createWebhookEndpoint({ db, brandId: brand.id, input: { name: "Flaky", url: hook.url }, actor: operator })).endpoint;
    const b = (await createWebhookEndpoint({ db, brandId: brand.id, input: { name: "Gone", url: gone.url }, actor: operator })).endpoint;
    await sendTestWebhook({ db, brandId: brand.id, id: a.id, actor: operator });
    await sendTestWebhook({ db, brandId: brand.id, id: b.id, actor: operator });
    let now = Date.now();
    for (let i = 0; i < MAX_DELIVERY_ATTEMPTS + 2; i++) await deliverDueWebhooks({ db, now: (now += 2 * 3600_000) });
    const [flaky] = await listDeliveries({ db, brandId: brand.id, endpointId: a.id });
    expect(flaky).toMatchObject({ state: "failed", attempts: MAX_DELIVERY_ATTEMPTS });
    expect(flaky.lastError).toBe(`HTTP 503 (gave up after ${MAX_DELIVERY_ATTEMPTS} attempts)`);
    expect(hook.received).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect((await listDeliveries({ db, brandId: brand.id, endpointId: b.id }))[0]).toMatchObject({ state: "failed", attempts: 1, lastError: "HTTP 410" });
    expect((await listWebhookEndpoints({ db, brandId: brand.id })).find((e) => e.id === b.id)).toMatchObject({ failed: 1, lastDelivery: { state: "failed" } });

    await retryDelivery({ db, brandId: brand.id, id: flaky.id, actor: operator });
    await deliverDueWebhooks({ db, now: now + 1 });
    expect((await listDeliveries({ db, brandId: brand.id, endpointId: a.id }))[0].state).toBe("delivered");
  });

  it("never returns the secret again; a rotated secret signs from then on; an endpoint in use cannot be deleted", async () => {
    const hook = await receiver([]);
    const { db, brand, rule } = await escalationBrand();
    const { endpoint, secret } = await createWebhookEndpoint({ db, brandId: brand.id, input: { name: "Ops", url: hook.url }, actor: operator });
    expect(JSON.stringify(await listWebhookEndpoints({ db, brandId: brand.id }))).not.toContain(secret);
    const stored = (await row<{ secret: string }>(db, "SELECT secret FROM webhook_endpoints WHERE id = ?", endpoint.id))!;
    expect(stored.secret).not.toContain(secret);
    const rotated = await rotateWebhookSecret({ db, brandId: brand.id, id: endpoint.id, actor: operator });
    await sendTestWebhook({ db, brandId: brand.id, id: endpoint.id, actor: operator });
    await deliverDueWebhooks({ db });
    expect(verify(hook.received[0], rotated)).toBe(true);
    expect(verify(hook.received[0], secret)).toBe(false);

    const r = await rule({ name: "Uses it", conditions: [{ type: "complaint" }], actions: [{ type: "notify_webhook", endpointId: endpoint.id }] });
    await expect(deleteWebhookEndpoint({ db, brandId: brand.id, id: endpoint.id, actor: operator })).rejects.toThrow(/Uses it/);
    await run(db, "DELETE FROM escalation_rules WHERE id = ?", r.id);
    await deleteWebhookEndpoint({ db, brandId: brand.id, id: endpoint.id, actor: operator });
    expect(await listWebhookEndpoints({ db, brandId: brand.id })).toEqual([]);
  });

  it("endpoints of another brand are out of reach", async () => {
    const { db, brand } = await escalationBrand();
    const other = await escalationBrand({ db });
    const { endpoint } = await createWebhookEndpoint({ db, brandId: brand.id, input: { name: "Mine", url: "https://example.test/hook" }, actor: operator });
    await expect(rotateWebhookSecret({ db, brandId: other.brand.id, id: endpoint.id, actor: operator })).rejects.toThrow(/No such webhook endpoint/);
    await expect(sendTestWebhook({ db, brandId: other.brand.id, id: endpoint.id, actor: operator })).rejects.toThrow(/No such webhook endpoint/);
    await expect(createWebhookEndpoint({ db, brandId: brand.id, input: { name: "Bad", url: "ftp://x" }, actor: operator })).rejects.toThrow(/http/);
  });
});

describe("e-mail notifications", () => {
  it("go through SMTP, retried after a transient failure, oneRow message per address", async () => {
    const smtp = await startFakeSmtp({ user: "bot", password: "p@ss" });
    closers.push(smtp.close);
    process.env.SMTP_URL = smtp.url.replace("smtp://", "smtp://bot:p%40ss@");
    process.env.SMTP_FROM = "alerts@replyhour.test";
    const { db, ingest, rule, list } = await escalationBrand();
    await rule({ name: "Legal", conditions: [{ type: "keywords", terms: ["lawyer"] }], actions: [{ type: "notify_email", to: "managers", addresses: ["legal@example.test"] }] });
    await ingest("My lawyer will hear about this");
    smtp.fail({ kind: "transient" });
    const now = Date.now();
    await deliverDueWebhooks({ db, now });
    await deliverDueWebhooks({ db, now: now + 60_000 });
    const states = await list<{ url: string; state: string; attempts: number }>("SELECT url, state, attempts FROM webhook_deliveries ORDER BY id");
    expect(states.every((s) => s.state === "delivered")).toBe(true);
    expect(states.map((s) => s.url)).toContain("mailto:legal@example.test");
    expect(states.reduce((n, s) => n + s.attempts, 0)).toBe(3);
    const toLegal = smtp.messages.filter((m) => m.to.includes("legal@example.test"));
    expect(toLegal).toHaveLength(1);
    expect(smtp.messages).toHaveLength(2);
    expect(toLegal[0].headers.subject).toBe("[Replyhour] Rule matched: Test brand");
    expect(toLegal[0].body).toContain("Why: keyword: lawyer");
    expect(smtp.messages.every((m) => m.auth === "bot")).toBe(true);
  });

  it("fail with a clear reason when SMTP is not configured", async () => {
    const { db, ingest, rule, list } = await escalationBrand();
    await rule({ name: "Legal", conditions: [{ type: "keywords", terms: ["lawyer"] }], actions: [{ type: "notify_email", to: "managers", addresses: [] }] });
    await ingest("My lawyer will hear about this");
    await deliverDueWebhooks({ db });
    expect(await list("SELECT state, last_error FROM webhook_deliveries")).toEqual([{ state: "failed", last_error: "E-mail is not configured: set SMTP_URL and SMTP_FROM." }]);
  });
});
