import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { queueReply, sendDueReplies } from "@/lib/outbound/outbox";
import { encryptCredentials } from "@/lib/security/credentials";
import { startFakeTelegram } from "../fakes/telegram";
import type { Fault } from "../fakes/server";
import { makeBrand, makeMember, testDb, sqlite } from "../helpers/db";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
  delete process.env.TELEGRAM_API_URL;
});

// Random sequences of 500s, 429s and permanent refusals over many replies: each reply ends
// sent exactly once, or failed with a reason and never sent.
const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({ kind: fc.constant("server_error" as const), times: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant("rate_limit" as const), times: fc.integer({ min: 1, max: 3 }), retryAfter: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant("status" as const), status: fc.constantFrom(400, 403, 404, 502, 503), times: fc.constant(1) }),
);

describe("outbound faults, soak", () => {
  it("every reply is delivered once or failed with a reason", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fault, { maxLength: 12 }), fc.integer({ min: 1, max: 12 }), async (faults, replies) => {
        const fake = await startFakeTelegram({ botToken: "77:soak" });
        closers.push(fake.close);
        process.env.TELEGRAM_API_URL = fake.url;
        const { db } = testDb();
        const brand = await makeBrand({ db });
        const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
        const [{ id: channelId }] = await db.transaction((tx) =>
          tx.insert(channels).values({ brandId: brand.id, kind: "telegram", name: "Bot", accountId: "77", credentials: encryptCredentials({ botToken: "77:soak" }) }).returning({ id: channels.id }),
        );
        const ids: number[] = [];
        for (let i = 0; i < replies; i++) {
          const [o] = await ingestBatch({ db, brandId: brand.id, items: [{ channelId, event: inboundEventSchema.parse({ externalId: `${500 + i}:1`, kind: "private_message", threadId: String(500 + i), text: "?", createdAt: new Date().toISOString(), author: { id: String(500 + i) } }) }] });
          ids.push(await queueReply({ db, brandId: brand.id, conversationId: Number(o.conversationId), text: `Reply ${i}`, visibility: "private", actor: { userId: agent.id, label: agent.email } }));
        }
        for (const f of faults) fake.fail(f);
        let now = Date.now();
        for (let round = 0; round < 40; round++) {
          if ((sqlite(db).prepare("SELECT count(*) FROM messages WHERE delivery_state IN ('queued','sending')").pluck().get() as number) === 0) break;
          now += 3 * 3600_000;
          await sendDueReplies({ db, now });
        }
        for (const id of ids) {
          const row = sqlite(db).prepare("SELECT text, delivery_state AS state, last_error AS error FROM messages WHERE id = ?").get(id) as { text: string; state: string; error: string | null };
          const delivered = fake.sent.filter((s) => s.text === row.text).length;
          if (row.state === "sent") expect(delivered).toBe(1);
          else {
            expect(row.state).toBe("failed");
            expect(row.error).toBeTruthy();
            expect(delivered).toBe(0);
          }
        }
        await fake.close();
        closers.pop();
      }),
      { numRuns: 60 },
    );
  });
});
