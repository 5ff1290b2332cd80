import { describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema, type InboundEventInput } from "@/lib/ingest/event";
import type { Classification } from "@/lib/classify/types";
import { acknowledgeEscalation, escalateConversation, raiseEscalation, rerouteEscalation, resolveEscalation } from "@/lib/escalation/actions";
import { escalationTimeline } from "@/lib/escalation/timeline";
import { openEscalations, queueCounts } from "@/lib/escalation/queue";
import { makeBrand, makeMember, testDb } from "../helpers/db";
import { memberOf } from "./setup";

// Deterministic classification: "awful" is a negative complaint.
function classify(text: string): Classification {
  const negative = /awful/i.test(text);
  return {
    language: "en",
    category: "request",
    complaint: negative,
    sentiment: negative ? "negative" : "neutral",
    sentimentScore: negative ? -0.9 : 0,
    confidence: 0.9,
    reasons: [],
    modelVersion: "test",
  };
}

async function setup() {
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "facebook", name: "FB", accountId: "page-1" }).returning());
  const manager = await makeMember({ db, brandId: brand.id, role: "manager" });
  const admin = await makeMember({ db, brandId: brand.id, role: "admin" });
  let n = 0;
  const ingest = async (e: Partial<InboundEventInput>) => {
    const event = inboundEventSchema.parse({ externalId: `m-${++n}`, text: "hello", createdAt: new Date().toISOString(), author: { id: `a-${n}`, name: "Ann" }, ...e });
    const [outcome] = await ingestBatch({ db, brandId: brand.id, items: [{ event, channelId: channel.id }], classifyText: classify });
    return { conversationId: Number(outcome.conversationId) };
  };
  return { db, brand, manager, admin, ingest };
}

describe("escalation timeline", () => {
  it("shows the rule and cues that created it, then acknowledge, re-route, raise and resolve with a note, by whom", async () => {
    const { db, brand, manager, admin, ingest } = await setup();
    const { conversationId } = await ingest({ text: "This is awful service" });
    const [escalation] = await openEscalations({ db, brandId: brand.id });
    expect(escalation).toMatchObject({ conversationId, level: 1, status: "open", ruleName: "Negative public comment" });
    expect(escalation.cues.some((c) => c.includes("negative"))).toBe(true);

    const asManager = await memberOf(db, manager);
    await acknowledgeEscalation({ db, brandId: brand.id, escalationId: escalation.id, actor: asManager });
    await rerouteEscalation({ db, brandId: brand.id, escalationId: escalation.id, actor: asManager, userId: admin.id });
    await raiseEscalation({ db, brandId: brand.id, escalationId: escalation.id, actor: asManager });
    await resolveEscalation({ db, brandId: brand.id, escalationId: escalation.id, actor: await memberOf(db, admin), note: "Called the customer; refund issued." });

    const steps = await escalationTimeline({ db, brandId: brand.id, conversationId });
    expect(steps.map((s) => s.kind)).toEqual(["created", "acknowledged", "rerouted", "raised", "resolved"]);
    expect(steps[0]).toMatchObject({ actor: "rule: Negative public comment", ruleName: "Negative public comment", level: 1, reason: null });
    expect(steps[0].cues).toEqual(escalation.cues);
    expect(steps[1]).toMatchObject({ actor: manager.name });
    expect(steps[2]).toMatchObject({ actor: manager.name, toName: admin.name });
    expect(steps[3]).toMatchObject({ actor: manager.name, level: 2 });
    expect(steps[4]).toMatchObject({ actor: admin.name, note: "Called the customer; refund issued." });
    expect(steps.every((s) => s.escalationId === escalation.id)).toBe(true);
    expect(await openEscalations({ db, brandId: brand.id })).toEqual([]);
  });

  it("keeps the creating rule when a second rule raises the escalation, and records a reply that resolves it", async () => {
    const { db, brand, ingest } = await setup();
    const { conversationId } = await ingest({ text: "Awful. Everyone should know.", author: { id: "star", name: "Star", followers: 50_000 } });
    const [open] = await openEscalations({ db, brandId: brand.id });
    expect(open).toMatchObject({ level: 2, ruleName: "Negative from a large audience" });

    await ingest({ direction: "outbound", text: "We are sorry, a manager will call you today.", inReplyTo: "m-1", author: { id: "page-1", name: "Brand" } });
    const steps = await escalationTimeline({ db, brandId: brand.id, conversationId });
    expect(steps.map((s) => [s.kind, s.level, s.ruleName])).toEqual([
      ["created", 1, "Negative public comment"],
      ["raised", 2, "Negative from a large audience"],
      ["resolved", null, null],
    ]);
    expect(steps[2].note).toMatch(/reply/i);
  });

  it("shows a hand-made escalation with its reason, and nothing to another brand", async () => {
    const { db, brand, manager, ingest } = await setup();
    const { conversationId } = await ingest({ text: "Where is my parcel?" });
    expect(await escalationTimeline({ db, brandId: brand.id, conversationId })).toEqual([]);
    await escalateConversation({ db, brandId: brand.id, conversationId, level: 1, reason: "VIP customer", actor: await memberOf(db, manager) });
    const steps = await escalationTimeline({ db, brandId: brand.id, conversationId });
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ kind: "created", actor: manager.name, reason: "VIP customer", ruleName: null, level: 1 });

    const other = await makeBrand({ db });
    expect(await escalationTimeline({ db, brandId: other.id, conversationId })).toEqual([]);
    expect(await openEscalations({ db, brandId: other.id })).toEqual([]);
  });
});

describe("escalation queue", () => {
  it("filters by status and level, highest level first, with owner and counts", async () => {
    const { db, brand, manager, ingest } = await setup();
    await ingest({ text: "awful one" });
    await ingest({ text: "awful two", author: { id: "big", name: "Big", followers: 20_000 } });
    await ingest({ text: "awful three" });
    const all = await openEscalations({ db, brandId: brand.id });
    expect(all.map((e) => e.level)).toEqual([2, 1, 1]);
    expect(all[1].createdAt).toBeLessThanOrEqual(all[2].createdAt);

    await acknowledgeEscalation({ db, brandId: brand.id, escalationId: all[1].id, actor: await memberOf(db, manager) });
    expect(await queueCounts({ db, brandId: brand.id })).toEqual({ open: 2, acknowledged: 1 });
    const acknowledged = await openEscalations({ db, brandId: brand.id, filter: { status: "acknowledged" } });
    expect(acknowledged).toHaveLength(1);
    expect(acknowledged[0]).toMatchObject({ id: all[1].id, ownerName: manager.name, acknowledgedByName: manager.name });
    expect((await openEscalations({ db, brandId: brand.id, filter: { level: 2 } })).map((e) => e.id)).toEqual([all[0].id]);
    expect((await openEscalations({ db, brandId: brand.id, filter: { status: "open", level: 1 } })).map((e) => e.id)).toEqual([all[2].id]);
  });
});
