import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { channels } from "@/db/schema";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { queueReply, sendDueReplies } from "@/lib/outbound/outbox";
import { encryptCredentials } from "@/lib/security/credentials";
import { startFakeTelegram } from "../fakes/telegram";
import { makeBrand, makeMember, testDb, sqlite } from "../helpers/db";

// A platform that hangs, fails and throttles: in the end every reply is delivered exactly once
// or marked failed with the platform's reason, never both, never twice.
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
  delete process.env.TELEGRAM_API_URL;
});

async function setup(replies: number) {
  const fake = await startFakeTelegram({ botToken: "55:faults" });
  closers.push(fake.close);
  process.env.TELEGRAM_API_URL = fake.url;
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
  const [{ id: channelId }] = await db.transaction((tx) =>
    tx.insert(channels).values({ brandId: brand.id, kind: "telegram", name: "Bot", accountId: "55", credentials: encryptCredentials({ botToken: "55:faults" }) }).returning({ id: channels.id }),
  );
  const ids: number[] = [];
  for (let i = 0; i < replies; i++) {
    const [outcome] = await ingestBatch({
      db,
      brandId: brand.id,
      items: [{ channelId, event: inboundEventSchema.parse({ externalId: `${100 + i}:1`, kind: "private_message", threadId: String(100 + i), text: `Question ${i}?`, createdAt: new Date(Date.now() - 60_000).toISOString(), author: { id: String(100 + i) } }) }],
    });
    ids.push(await queueReply({ db, brandId: brand.id, conversationId: Number(outcome.conversationId), text: `Answer ${i}`, visibility: "private", actor: { userId: agent.id, label: agent.email } }));
  }
  return { db, fake, ids };
}

// Runs the sender like the worker would, with the clock moved past every back-off.
async function drain(db: Db, rounds = 20) {
  let now = Date.now();
  for (let i = 0; i < rounds; i++) {
    const queued = sqlite(db).prepare("SELECT count(*) FROM messages WHERE delivery_state IN ('queued', 'sending')").pluck().get() as number;
    if (queued === 0) return;
    now += 3 * 3600_000;
    await sendDueReplies({ db, now });
  }
}

const state = (db: Db, ids: number[]) =>
  ids.map((id) => sqlite(db).prepare("SELECT id, text, delivery_state AS state, attempts, last_error AS error, external_id AS externalId FROM messages WHERE id = ?").get(id) as { id: number; text: string; state: string; attempts: number; error: string | null; externalId: string | null });

describe("outbound faults", () => {
  it("a hang (timeout), a 500 and a 429 in a row: each reply lands exactly once", async () => {
    const { db, fake, ids } = await setup(4);
    fake.fail({ kind: "hang" });
    fake.fail({ kind: "server_error" });
    fake.fail({ kind: "rate_limit", retryAfter: 2 });
    await drain(db);
    const rows = state(db, ids);
    expect(rows.map((r) => r.state)).toEqual(["sent", "sent", "sent", "sent"]);
    for (const r of rows) expect(fake.sent.filter((s) => s.text === r.text)).toHaveLength(1);
    expect(fake.sent).toHaveLength(4);
    expect(rows.some((r) => r.attempts > 1)).toBe(true);
    // The timed-out request reached the platform but was never answered: it counts as an attempt.
    expect(fake.requests.filter((r) => r.path.endsWith("/sendMessage")).length).toBe(4 + 3);
  }, 60_000);

  it("a platform that keeps failing: the reply ends failed with the reason, sent zero times", async () => {
    const { db, fake, ids } = await setup(1);
    fake.fail({ kind: "server_error", times: 50 });
    await drain(db, 30);
    const [row] = state(db, ids);
    expect(row.state).toBe("failed");
    expect(row.error).toMatch(/Internal Server Error|500/);
    expect(fake.sent).toHaveLength(0);
    expect(row.attempts).toBe(8);
  }, 60_000);

  it("a permanent refusal (403) is not retried and says why", async () => {
    const { db, fake, ids } = await setup(2);
    fake.fail({ kind: "status", status: 403 });
    await drain(db);
    const rows = state(db, ids);
    expect(rows.map((r) => r.state).sort()).toEqual(["failed", "sent"]);
    const failed = rows.find((r) => r.state === "failed")!;
    expect(failed.attempts).toBe(1);
    expect(failed.error).toBeTruthy();
    expect(fake.sent).toHaveLength(1);
  }, 60_000);
});
