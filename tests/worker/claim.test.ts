import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { closeDatabase, type Db } from "@/db/client";
import { channels, messages, webhookDeliveries } from "@/db/schema";
import { operator } from "@/lib/auth/authorize";
import { createWebhookEndpoint } from "@/lib/escalation/endpoints";
import { deliverDueWebhooks } from "@/lib/escalation/webhooks";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { queueReply, sendDueReplies } from "@/lib/outbound/outbox";
import { encryptCredentials } from "@/lib/security/credentials";
import { startFakeTelegram } from "../fakes/telegram";
import { makeBrand, makeMember, onPostgres, openAgain, testDb } from "../helpers/db";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
  delete process.env.TELEGRAM_API_URL;
});

// Two servers on one database. On SQLite, two handles in one process would wait for each other's
// lock synchronously, so the second "server" is the same handle (SQLite has one writer anyway).
function twoServers() {
  const { db, file } = testDb();
  const other = onPostgres() ? openAgain(file) : db;
  closers.push(async () => {
    await closeDatabase(db);
    if (other !== db) await closeDatabase(other);
  });
  return { db, other };
}

async function queuedReplies(db: Db, count: number) {
  const brand = await makeBrand({ db });
  const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
  const [channel] = await db.transaction((tx) =>
    tx
      .insert(channels)
      .values({ brandId: brand.id, kind: "telegram", name: "Bot", accountId: "42", credentials: encryptCredentials({ botToken: "42:secret" }) })
      .returning(),
  );
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const [outcome] = await ingestBatch({
      db,
      brandId: brand.id,
      items: [{ channelId: channel.id, event: inboundEventSchema.parse({ externalId: `${700 + i}:1`, kind: "private_message", threadId: `${700 + i}`, text: "Where is my order?", createdAt: new Date().toISOString(), author: { id: `${700 + i}`, name: "Ivan" } }) }],
    });
    ids.push(await queueReply({ db, brandId: brand.id, conversationId: Number(outcome.conversationId), text: `Reply ${i}`, visibility: "private", actor: { userId: agent.id, label: agent.email } }));
  }
  return { brand, ids };
}

describe("background work claimed by one server", () => {
  it("two servers sending the outbox at once send each queued reply exactly once", async () => {
    const fake = await startFakeTelegram({ botToken: "42:secret" });
    closers.push(fake.close);
    process.env.TELEGRAM_API_URL = fake.url;
    const { db, other } = twoServers();
    const { ids } = await queuedReplies(db, 12);
    const [a, b] = await Promise.all([sendDueReplies({ db, limit: 50 }), sendDueReplies({ db: other, limit: 50 })]);
    expect(a + b).toBe(12);
    if (onPostgres()) expect(Math.min(a, b)).toBeGreaterThan(0);
    expect(fake.sent.map((s) => s.text).sort()).toEqual(ids.map((_, i) => `Reply ${i}`).sort());
    const states = await db.select({ state: messages.deliveryState, attempts: messages.attempts }).from(messages).where(eq(messages.direction, "outbound"));
    expect(states.every((s) => s.state === "sent" && s.attempts === 1)).toBe(true);
  });

  it("two servers delivering webhooks at once post each delivery exactly once", async () => {
    const received: string[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      // A little latency, so the servers' claims overlap.
      req.on("end", () => setTimeout(() => (received.push(String(req.headers["idempotency-key"])), res.end("ok")), 5));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { db, other } = twoServers();
    const brand = await makeBrand({ db });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const { endpoint } = await createWebhookEndpoint({ db, brandId: brand.id, input: { name: "Ops", url }, actor: operator });
    const now = Date.now();
    await db.transaction((tx) =>
      tx.insert(webhookDeliveries).values(
        Array.from({ length: 16 }, (_, i) => ({ brandId: brand.id, endpointId: endpoint.id, url, payload: `{"n":${i}}`, idempotencyKey: `key-${i}`, state: "queued" as const, attempts: 0, nextAttemptAt: new Date(now), createdAt: new Date(now) })),
      ),
    );
    const [a, b] = await Promise.all([deliverDueWebhooks({ db, now, limit: 50 }), deliverDueWebhooks({ db: other, now, limit: 50 })]);
    expect(a + b).toBe(16);
    if (onPostgres()) expect(Math.min(a, b)).toBeGreaterThan(0);
    expect(received.sort()).toEqual(Array.from({ length: 16 }, (_, i) => `key-${i}`).sort());
    const rows = await db.select({ state: webhookDeliveries.state, attempts: webhookDeliveries.attempts }).from(webhookDeliveries).where(eq(webhookDeliveries.brandId, brand.id));
    expect(rows.every((r) => r.state === "delivered" && r.attempts === 1)).toBe(true);
  });
});
