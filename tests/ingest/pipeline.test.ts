import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { channels } from "@/db/schema";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema, type InboundEventInput } from "@/lib/ingest/event";
import { resolveConversations } from "@/lib/conversations/resolve";
import { advanceSlaStates } from "@/lib/worker/sla-timer";
import type { Classification } from "@/lib/classify/types";
import { makeBrand, testDb, rows, row, count } from "../helpers/db";

const T0 = Date.parse("2026-03-02T10:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

// A deterministic stand-in for the model: "?" or "refund" makes a request.
function fakeClassify(text: string): Classification {
  const request = /\?|refund|broken/i.test(text);
  return {
    language: "en",
    category: request ? "request" : "noise",
    complaint: /broken/i.test(text),
    sentiment: /broken/i.test(text) ? "negative" : "neutral",
    sentimentScore: /broken/i.test(text) ? -0.8 : 0,
    confidence: 0.9,
    reasons: request ? ["question"] : ["no request cue"],
    modelVersion: "test",
  };
}

async function setup() {
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "facebook", name: "FB", accountId: "page-1" }).returning());
  const ingest = (events: InboundEventInput[], now = T0 + 10 * 24 * 3600_000) =>
    ingestBatch({ db, brandId: brand.id, items: events.map((e) => ({ event: inboundEventSchema.parse(e), channelId: channel.id })), now, classifyText: fakeClassify });
  return { db, brand, channel, ingest };
}

const customer = { id: "u1", handle: "@ann", name: "Ann" };
const page = { id: "page-1", name: "Brand" };

function conversations(db: Db) {
  return rows(db, "SELECT * FROM conversations ORDER BY id");
}
function cycles(db: Db) {
  return rows(db, "SELECT * FROM response_cycles ORDER BY id");
}

describe("ingest pipeline", () => {
  it("threads a comment and the brand's reply, and records the first response time", async () => {
    const { db, ingest } = await setup();
    const [first] = await ingest([{ externalId: "c1", text: "Where is my refund?", createdAt: at(0), author: customer, threadId: "post-1" }]);
    expect(first.duplicate).toBe(false);
    await ingest([{ externalId: "r1", text: "We are on it", createdAt: at(12), author: page, inReplyTo: "c1", direction: "outbound" }]);
    const [conversation] = await conversations(db);
    expect(await conversations(db)).toHaveLength(1);
    expect(conversation.category).toBe("request");
    const [cycle] = await cycles(db);
    expect(cycle.first_response_seconds).toBe(12 * 60);
    expect(cycle.sla_state).toBe("met");
    expect(conversation.awaiting_first_response).toBe(0);
  });

  it("stores a replayed event once and reports it as duplicate", async () => {
    const { db, ingest } = await setup();
    const event = { externalId: "c1", text: "Where is my refund?", createdAt: at(0), author: customer };
    const first = await ingest([event]);
    const again = await ingest([event, event]);
    expect(again.map((o) => o.duplicate)).toEqual([true, true]);
    expect(again[0].messageId).toBe(first[0].messageId);
    expect(await count(db, "SELECT count(*) FROM messages")).toBe(1);
  });

  it("keeps edits and platform deletions, marked, never deleting", async () => {
    const { db, ingest } = await setup();
    await ingest([{ externalId: "c1", text: "My bag is broken?", createdAt: at(0), author: customer }]);
    await ingest([{ externalId: "c1", text: "My bag is broken!!", createdAt: at(2), author: customer, action: "edit" }]);
    await ingest([{ externalId: "c1", text: "", createdAt: at(3), author: customer, action: "delete" }]);
    const message = (await row(db, "SELECT text, edited_at, deleted_on_platform_at FROM messages"))!;
    expect(message.text).toBe("My bag is broken!!");
    expect(message.edited_at).toBe(T0 + 2 * 60_000);
    expect(message.deleted_on_platform_at).toBe(T0 + 3 * 60_000);
  });

  it("starts an orphan reply's own conversation and links it when the parent arrives", async () => {
    const { db, ingest } = await setup();
    await ingest([{ externalId: "c2", text: "Same problem here, refund?", createdAt: at(5), author: { id: "u2" }, inReplyTo: "c1" }]);
    await ingest([{ externalId: "c1", text: "Where is my refund?", createdAt: at(0), author: customer }]);
    const rows = await conversations(db);
    expect(rows).toHaveLength(2);
    expect(rows[0].linked_conversation_id).toBe(rows[1].id);
    expect(rows[1].linked_conversation_id).toBe(rows[0].id);
  });

  it("takes a brand reply that arrived before its parent into the parent's thread", async () => {
    const { db, ingest } = await setup();
    await ingest([{ externalId: "r1", text: "Sorry!", createdAt: at(20), author: page, inReplyTo: "c1", direction: "outbound" }]);
    await ingest([{ externalId: "c1", text: "Where is my refund?", createdAt: at(0), author: customer }]);
    const open = (await conversations(db)).filter((c) => c.status !== "resolved");
    expect(open).toHaveLength(1);
    expect((await cycles(db))[0].first_response_seconds).toBe(20 * 60);
  });

  it("uses platform time: an earlier message arriving later moves the cycle start", async () => {
    const { db, ingest } = await setup();
    await ingest([{ externalId: "dm2", kind: "private_message", text: "hello?", createdAt: at(10), author: customer }]);
    await ingest([{ externalId: "dm1", kind: "private_message", text: "refund please", createdAt: at(0), author: customer }]);
    await ingest([{ externalId: "dmr", kind: "private_message", text: "Hi Ann", createdAt: at(30), author: page, threadId: "u1", direction: "outbound" }]);
    expect(await conversations(db)).toHaveLength(1);
    expect((await cycles(db))[0].first_response_seconds).toBe(30 * 60);
  });

  it("does not count an automated reply as the first response", async () => {
    const { db, ingest } = await setup();
    await ingest([{ externalId: "dm1", kind: "private_message", text: "Is my flight on time?", createdAt: at(0), author: customer }]);
    await ingest([{ externalId: "auto", kind: "private_message", text: "Thanks, we reply soon", createdAt: at(0.1), author: page, threadId: "u1", direction: "outbound", automated: true }]);
    expect((await cycles(db))[0].first_response_at).toBeNull();
    await ingest([{ externalId: "human", kind: "private_message", text: "It is", createdAt: at(45), author: page, threadId: "u1", direction: "outbound" }]);
    expect((await cycles(db))[0].first_response_seconds).toBe(45 * 60);
  });

  it("counts a 'please DM us' private reply as the answer to the public comment and links them", async () => {
    const { db, ingest } = await setup();
    await ingest([{ externalId: "c1", text: "My luggage is broken, refund?", createdAt: at(0), author: customer }]);
    await ingest([{ externalId: "dm1", kind: "private_message", text: "Here is my booking", createdAt: at(5), author: customer }]);
    await ingest([{ externalId: "dmr", kind: "private_message", text: "Thanks, we sorted it", createdAt: at(25), author: page, threadId: "u1", direction: "outbound" }]);
    const rows = await conversations(db);
    const publicOne = rows.find((c) => c.kind === "public_comment")!;
    const dm = rows.find((c) => c.kind === "private_message")!;
    expect(publicOne.linked_conversation_id).toBe(dm.id);
    const publicCycle = (await cycles(db)).find((c) => c.conversation_id === publicOne.id)!;
    expect(publicCycle.first_response_seconds).toBe(25 * 60);
  });

  it("reopens a resolved conversation with a new cycle and keeps the old one", async () => {
    const { db, brand, ingest } = await setup();
    await ingest([{ externalId: "dm1", kind: "private_message", text: "refund?", createdAt: at(0), author: customer }]);
    await ingest([{ externalId: "dmr", kind: "private_message", text: "done", createdAt: at(10), author: page, threadId: "u1", direction: "outbound" }]);
    const [conversation] = await conversations(db);
    await resolveConversations({ db, brandId: brand.id, conversationIds: [conversation.id as number], at: T0 + 20 * 60_000, actor: { userId: null, label: "test" } });
    await ingest([{ externalId: "dm2", kind: "private_message", text: "another question?", createdAt: at(120), author: customer }]);
    const rows = await cycles(db);
    expect(rows).toHaveLength(2);
    expect(rows[0].first_response_seconds).toBe(600);
    expect(rows[0].resolved_at).toBe(T0 + 20 * 60_000);
    expect(rows[1].number).toBe(2);
    expect(rows[1].reopened).toBe(1);
    expect(rows[1].first_response_at).toBeNull();
    expect((await conversations(db))[0].status).toBe("open");
  });

  it("keeps noise out of the queue but starts its clock at the first message", async () => {
    const { db, ingest } = await setup();
    await ingest([{ externalId: "c1", text: "love you guys", createdAt: at(0), author: customer }]);
    expect((await conversations(db))[0].category).toBe("noise");
    await ingest([{ externalId: "c2", text: "but where is my refund?", createdAt: at(30), author: customer, inReplyTo: "c1" }]);
    const [conversation] = await conversations(db);
    expect(conversation.category).toBe("request");
    expect((await cycles(db))[0].started_at).toBe(T0);
  });

  it("fires at-risk and breach transitions from stored due times", async () => {
    const { db, ingest } = await setup();
    await ingest([{ externalId: "c1", text: "refund?", createdAt: at(0), author: customer }], T0 + 60_000);
    expect((await cycles(db))[0].sla_state).toBe("on_track");
    await advanceSlaStates({ db, now: T0 + 46 * 60_000 });
    expect((await cycles(db))[0].sla_state).toBe("at_risk");
    await advanceSlaStates({ db, now: T0 + 61 * 60_000 });
    expect((await cycles(db))[0].sla_state).toBe("breached");
    expect((await conversations(db))[0].sla_state).toBe("breached");
  });

  it("stores hostile text verbatim", async () => {
    const { db, ingest } = await setup();
    const text = `<script>alert(1)</script> '; DROP TABLE messages; -- \u202Eمرحبا 🎉\u0007`;
    await ingest([{ externalId: "x", text, createdAt: at(0), author: customer }]);
    expect((await row<{ text: string }>(db, "SELECT text FROM messages"))!.text).toBe(text);
  });

  it("writes the change log in the same transaction", async () => {
    const { db, ingest } = await setup();
    await ingest([
      { externalId: "a", text: "refund?", createdAt: at(0), author: customer },
      { externalId: "b", text: "hi", createdAt: at(1), author: { id: "u9" } },
    ]);
    expect(await count(db, "SELECT count(*) FROM changes WHERE kind = 'conversation'")).toBe(2);
  });

  it("stores a batch all or nothing: a failure on its last event leaves no trace of the others", async () => {
    const { db, brand, channel, ingest } = await setup();
    await ingest([{ externalId: "c0", text: "refund?", createdAt: at(0), author: customer }]);
    const rowsOf = (table: string) => count(db, `SELECT count(*) FROM ${table}`);
    const counts = async () => ({ messages: await rowsOf("messages"), conversations: await rowsOf("conversations"), cycles: await rowsOf("response_cycles"), changes: await rowsOf("changes"), contacts: await rowsOf("contacts") });
    const before = await counts();
    const event = (externalId: string) => inboundEventSchema.parse({ externalId, text: "where is my refund?", createdAt: at(5), author: { id: `new-${externalId}` } });
    const failing = (text: string): Classification => {
      if (text === "boom") throw new Error("classifier failed");
      return fakeClassify(text);
    };
    await expect(
      ingestBatch({
        db,
        brandId: brand.id,
        items: [{ event: event("c1"), channelId: channel.id }, { event: event("c2"), channelId: channel.id }, { event: { ...event("c3"), text: "boom" }, channelId: channel.id }],
        classifyText: failing,
      }),
    ).rejects.toThrow("classifier failed");
    expect(await counts()).toEqual(before);
    await ingest([{ externalId: "c1", text: "refund?", createdAt: at(5), author: customer }]);
    expect(await rowsOf("messages")).toBe(before.messages + 1);
  });
});

describe("public threads", () => {
  it("keeps top-level comments under one post apart and replies with their comment", async () => {
    const { db, ingest } = await setup();
    await ingest([
      { externalId: "c1", text: "refund?", createdAt: at(0), author: customer, threadId: "post-9" },
      { externalId: "c2", text: "nice plane", createdAt: at(1), author: { id: "u2" }, threadId: "post-9" },
      { externalId: "c3", text: "me too, refund?", createdAt: at(2), author: { id: "u3" }, threadId: "post-9", inReplyTo: "c1" },
    ]);
    const threads = await conversations(db);
    expect(threads).toHaveLength(2);
    expect(await rows(db, "SELECT conversation_id, count(*) AS n FROM messages GROUP BY 1 ORDER BY 1")).toEqual([{ conversation_id: threads[0].id, n: 2 }, { conversation_id: threads[1].id, n: 1 }]);
  });
});
