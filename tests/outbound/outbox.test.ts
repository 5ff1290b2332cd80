import { afterEach, describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema } from "@/lib/ingest/event";
import { INTERRUPTED_REASON, queueReply, replySubject, sendDueReplies } from "@/lib/outbound/outbox";
import { encryptCredentials } from "@/lib/security/credentials";
import { startFakeTelegram } from "../fakes/telegram";
import { makeBrand, makeMember, testDb, row as rowOf, run } from "../helpers/db";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
  delete process.env.TELEGRAM_API_URL;
});

async function setup() {
  const fake = await startFakeTelegram({ botToken: "42:secret" });
  closers.push(fake.close);
  process.env.TELEGRAM_API_URL = fake.url;
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
  const [channel] = await db.transaction((tx) =>
    tx
      .insert(channels)
      .values({ brandId: brand.id, kind: "telegram", name: "Bot", accountId: "42", credentials: encryptCredentials({ botToken: "42:secret" }) })
      .returning(),
  );
  const started = Date.now() - 10 * 60_000;
  const [outcome] = await ingestBatch({
    db,
    brandId: brand.id,
    items: [{ channelId: channel.id, event: inboundEventSchema.parse({ externalId: "777:5", kind: "private_message", threadId: "777", text: "Is my order lost?", createdAt: new Date(started).toISOString(), author: { id: "777", name: "Ivan" } }) }],
  });
  const conversationId = Number(outcome.conversationId);
  const messageId = await queueReply({ db, brandId: brand.id, conversationId, text: "It's on its way!", visibility: "private", actor: { userId: agent.id, label: agent.email } });
  const row = async () => (await rowOf(db, "SELECT delivery_state, attempts, last_error, external_id, next_attempt_at FROM messages WHERE id = ?", messageId))!;
  const cycle = async () => (await rowOf(db, "SELECT first_response_at, sla_state FROM response_cycles WHERE conversation_id = ?", conversationId))!;
  return { db, fake, row, cycle, messageId, started };
}

describe("the outbox", () => {
  it("retries 500 and 429 and delivers exactly once, then sets the first response", async () => {
    const { db, fake, row, cycle } = await setup();
    fake.fail({ kind: "server_error", times: 1 });
    await sendDueReplies({ db });
    expect((await row()).delivery_state).toBe("queued");
    expect((await cycle()).first_response_at).toBeNull();
    fake.fail({ kind: "rate_limit", retryAfter: 1 });
    await sendDueReplies({ db, now: Date.now() + 60_000 });
    expect((await row()).delivery_state).toBe("queued");
    await sendDueReplies({ db, now: Date.now() + 120_000 });
    expect((await row()).delivery_state).toBe("sent");
    expect((await row()).attempts).toBe(3);
    expect((await row()).external_id).toMatch(/^777:\d+$/);
    await sendDueReplies({ db, now: Date.now() + 600_000 });
    const delivered = fake.requests.filter((r) => r.path.endsWith("/sendMessage"));
    expect(delivered).toHaveLength(3);
    expect(fake.sent).toHaveLength(1);
    expect((await cycle()).sla_state).toBe("met");
    expect((await cycle()).first_response_at).not.toBeNull();
  });

  it("marks a permanent failure with the platform's reason and never counts it as a reply", async () => {
    const { db, fake, row, cycle } = await setup();
    fake.fail({ kind: "status", status: 403, times: 1 });
    await sendDueReplies({ db });
    expect((await row()).delivery_state).toBe("failed");
    expect(String((await row()).last_error)).not.toBe("");
    expect((await cycle()).first_response_at).toBeNull();
  });

  it("marks a reply cut off mid-send by a crash as failed for a person to check, never resends it blindly", async () => {
    const { db, fake, row, messageId } = await setup();
    // What a kill -9 during the platform call leaves behind: "sending" with its lease.
    await run(db, "UPDATE messages SET delivery_state = 'sending', attempts = 1, next_attempt_at = ? WHERE id = ?", Date.now() + 120_000, messageId);
    await sendDueReplies({ db });
    expect((await row()).delivery_state).toBe("sending");
    await sendDueReplies({ db, now: Date.now() + 121_000 });
    expect((await row()).delivery_state).toBe("failed");
    expect((await row()).last_error).toBe(INTERRUPTED_REASON);
    expect(fake.requests).toHaveLength(0);
  });
});

describe("the subject of an e-mail reply", () => {
  it("answers the customer's subject once, and words a missing one in the conversation's language", () => {
    expect(replySubject({ subject: "Order 1234 missing", language: "en" })).toBe("Re: Order 1234 missing");
    expect(replySubject({ subject: "RE: Order 1234 missing", language: "en" })).toBe("RE: Order 1234 missing");
    expect(replySubject({ subject: null, language: "ru" })).toBe("Re: ваше сообщение");
    expect(replySubject({ subject: "", language: "sq" })).toBe("Re: mesazhi juaj");
    expect(replySubject({ subject: null, language: "de" })).toBe("Re: your message");
    expect(replySubject({ subject: undefined, language: null })).toBe("Re: your message");
  });
});
