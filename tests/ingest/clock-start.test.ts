import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { channels } from "@/db/schema";
import { createBrand } from "@/lib/brands/brands";
import { cliActor } from "@/lib/audit/record";
import { loadModel } from "@/lib/classify/model";
import type { Classification } from "@/lib/classify/types";
import { correctMessage } from "@/lib/conversations/actions";
import { inboundEventSchema, type InboundEventInput } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { makeMember, testDb, row } from "../helpers/db";

// The conversation decision and the clock start in the pipeline (docs/definitions.md): each text
// gets a request probability of its own, classified as the shipped model would store it.
const NOW = Date.parse("2026-01-01T00:00:00Z");
const at = (minute: number) => new Date(Date.parse("2025-12-01T10:00:00Z") + minute * 60_000).toISOString();
const atMs = (minute: number) => Date.parse(at(minute));

function scored(p: number): Classification {
  const meta = loadModel().meta;
  const t = meta.thresholds?.request?.en ?? meta.heads[0].threshold;
  const confidence = p >= t ? 0.5 + (0.5 * (p - t)) / (1 - t) : 0.5 + (0.5 * (t - p)) / t;
  return {
    language: "en", category: p >= t ? "request" : "noise", complaint: false, sentiment: "neutral", sentimentScore: 0,
    confidence: Math.round(confidence * 1000) / 1000, requestProbability: p, reasons: [], modelVersion: "test",
  };
}

const PROBABILITY: Record<string, number> = {
  "Hi": 0.05,
  "my bag is lost, flight KL1234": 0.97,
  "lovely photo": 0.02,
  "haha same": 0.04,
  "my order never arrived and nobody answers": 0.98,
  "me too": 0.35,
  "so pretty 😍": 0.02,
  "is the shop open on sunday": 0.3,
};

async function setup(kind: "instagram" | "telegram" = "instagram") {
  const { db } = testDb();
  const brand = await createBrand({ db, slug: "bean", name: "Bean House", actor: cliActor });
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind, name: "BeanHouse", accountId: "beanhouse_help" }).returning());
  const ingest = async (events: InboundEventInput[]) => {
    const outcomes = [];
    for (const e of events) {
      const [o] = await ingestBatch({
        db, brandId: brand.id, now: NOW, items: [{ event: inboundEventSchema.parse(e), channelId: channel.id }],
        classifyText: (text) => scored(PROBABILITY[text] ?? 0.01),
      });
      outcomes.push(o);
    }
    return outcomes;
  };
  return { db, brandId: brand.id, ingest };
}

async function cycleOf(db: Db, conversationId: string | null) {
  return (await row<{ category: string; startedAt: number }>(
    db,
    'SELECT r.category, r.started_at AS "startedAt" FROM conversations c JOIN response_cycles r ON r.id = c.current_cycle_id WHERE c.id = ?',
    Number(conversationId),
  ))!;
}

describe("the conversation decision and the clock start in the pipeline", () => {
  it("a private burst is one request from the greeting on", async () => {
    const { db, ingest } = await setup("telegram");
    const [hi, bag] = await ingest([
      { externalId: "p1", kind: "private_message", author: { id: "u1" }, text: "Hi", createdAt: at(0) },
      { externalId: "p2", kind: "private_message", author: { id: "u1" }, text: "my bag is lost, flight KL1234", createdAt: at(2) },
    ]);
    expect(bag.conversationId).toBe(hi.conversationId);
    expect(await cycleOf(db, hi.conversationId)).toEqual({ category: "request", startedAt: atMs(0) });
  });

  it("other people's chatter before the request does not start the clock", async () => {
    const { db, ingest } = await setup();
    const [first] = await ingest([
      { externalId: "c1", kind: "public_comment", author: { id: "fan1" }, text: "lovely photo", createdAt: at(0) },
      { externalId: "c2", kind: "public_comment", inReplyTo: "c1", author: { id: "fan2" }, text: "haha same", createdAt: at(5) },
      { externalId: "c3", kind: "public_comment", inReplyTo: "c1", author: { id: "cus" }, text: "my order never arrived and nobody answers", createdAt: at(9) },
    ]);
    expect(await cycleOf(db, first.conversationId)).toEqual({ category: "request", startedAt: atMs(9) });
  });

  it("fans chatting with one ambiguous 'me too' stay out of the queue", async () => {
    const { db, ingest } = await setup();
    const [first] = await ingest([
      { externalId: "c1", kind: "public_comment", author: { id: "fan1" }, text: "so pretty 😍", createdAt: at(0) },
      { externalId: "c2", kind: "public_comment", inReplyTo: "c1", author: { id: "fan2" }, text: "me too", createdAt: at(1) },
      { externalId: "c3", kind: "public_comment", inReplyTo: "c1", author: { id: "fan3" }, text: "haha same", createdAt: at(2) },
    ]);
    expect((await cycleOf(db, first.conversationId)).category).toBe("noise");
  });

  it("a person's reply proves the message it answers was a request, and the clock starts there", async () => {
    const { db, ingest } = await setup();
    const [first] = await ingest([
      { externalId: "c1", kind: "public_comment", author: { id: "fan1" }, text: "lovely photo", createdAt: at(0) },
      { externalId: "c2", kind: "public_comment", inReplyTo: "c1", author: { id: "cus" }, text: "is the shop open on sunday", createdAt: at(3) },
    ]);
    expect((await cycleOf(db, first.conversationId)).category).toBe("noise");
    await ingest([{ externalId: "r1", kind: "public_comment", inReplyTo: "c2", direction: "outbound", author: { id: "brand", handle: "BeanHouse" }, text: "Yes, 9 to 5!", createdAt: at(20) }]);
    expect(await cycleOf(db, first.conversationId)).toEqual({ category: "request", startedAt: atMs(3) });
  });

  it("an agent's correction decides and moves the clock, both ways", async () => {
    const { db, brandId, ingest } = await setup();
    const agent = await makeMember({ db, brandId, role: "agent" });
    const actor = { userId: agent.id, label: agent.email };
    const [fan, , customer] = await ingest([
      { externalId: "c1", kind: "public_comment", author: { id: "fan1" }, text: "is the shop open on sunday", createdAt: at(0) },
      { externalId: "c2", kind: "public_comment", inReplyTo: "c1", author: { id: "fan2" }, text: "haha same", createdAt: at(4) },
      { externalId: "c3", kind: "public_comment", inReplyTo: "c1", author: { id: "cus" }, text: "my order never arrived and nobody answers", createdAt: at(7) },
    ]);
    expect(await cycleOf(db, fan.conversationId)).toEqual({ category: "request", startedAt: atMs(7) });
    await correctMessage({ db, brandId, actor, messageId: Number(fan.messageId), request: true });
    expect(await cycleOf(db, fan.conversationId)).toEqual({ category: "request", startedAt: atMs(0) });
    await correctMessage({ db, brandId, actor, messageId: Number(fan.messageId), request: false });
    expect(await cycleOf(db, fan.conversationId)).toEqual({ category: "request", startedAt: atMs(7) });
    // the model's own category is kept from the first correction on, for the dashboard's counts
    expect(await row(db, 'SELECT category, corrected_from AS "correctedFrom" FROM messages WHERE id = ?', Number(fan.messageId))).toEqual({ category: "noise", correctedFrom: "noise" });
    await correctMessage({ db, brandId, actor, messageId: Number(customer.messageId), request: false });
    expect((await cycleOf(db, fan.conversationId)).category).toBe("noise");
  });
});
