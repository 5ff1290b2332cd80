import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, engineOf, type Db } from "@/db/client";
import { timeStatements } from "@/db/sqlite/bench";
import { generateHistory } from "@/lib/demo/generate";
import { ingestBatch, type IngestItem } from "@/lib/ingest/pipeline";
import { createDemoWorkspace, toIngestItem } from "@/lib/seed/seed-demo";
import { rows, run, testDb } from "../helpers/db";

// The pipeline reads a batch's rows ahead and stores them in a few multi-row statements
// (lib/ingest/store.ts). Whatever the batch size, the same events must leave the same rows:
// a batch of one event stores everything before the next event is read.

const END = Date.parse("2026-03-02T12:00:00Z");
const NOW = END + 60_000;

async function workspaceWithEvents(onOpen?: (db: Db) => void): Promise<{ db: Db; items: Map<number, IngestItem[]> }> {
  const { db } = testDb();
  onOpen?.(db);
  const { workspace } = await createDemoWorkspace({ db });
  const items = new Map<number, IngestItem[]>();
  for (const item of generateHistory({ seed: 7, end: new Date(END), days: 2, messagesPerDay: 300 })) {
    const brandId = workspace.brandIds.get(item.brandSlug)!;
    if (!items.has(brandId)) items.set(brandId, []);
    items.get(brandId)!.push(toIngestItem(workspace, item));
  }
  return { db, items };
}

async function ingestAll(db: Db, items: Map<number, IngestItem[]>, size: number): Promise<void> {
  for (const [brandId, list] of items)
    for (let i = 0; i < list.length; i += size) await ingestBatch({ db, brandId, items: list.slice(i, i + size), now: NOW });
}

// Everything the pipeline writes, by the platform's ids rather than row ids.
async function snapshot(db: Db) {
  return {
    messages: await rows(
      db,
      `SELECT m.external_id, m.direction, m.category, m.complaint, m.sentiment, m.language, m.nrt_seconds, m.request_probability, c.external_thread_id AS thread, r.number AS cycle, ct.external_id AS contact
       FROM messages m JOIN conversations c ON c.id = m.conversation_id LEFT JOIN response_cycles r ON r.id = m.cycle_id LEFT JOIN contacts ct ON ct.id = m.contact_id
       ORDER BY m.channel_id, m.external_id`,
    ),
    conversations: await rows(
      db,
      `SELECT c.external_thread_id, c.kind, c.status, c.category, c.complaint, c.sentiment, c.sentiment_score, c.language, c.sla_state, c.first_response_due_at,
              c.awaiting_first_response, c.first_inbound_at, c.last_message_at, c.last_inbound_at, c.last_inbound_received_at, c.preview, c.linked_conversation_id IS NOT NULL AS linked,
              r.number AS cycle, ct.external_id AS owner
       FROM conversations c LEFT JOIN response_cycles r ON r.id = c.current_cycle_id JOIN contacts ct ON ct.id = c.contact_id
       ORDER BY c.channel_id, c.external_thread_id, c.kind, c.id`,
    ),
    cycles: await rows(
      db,
      `SELECT c.external_thread_id, r.number, r.category, r.started_at, r.first_response_at, r.first_response_seconds, r.first_response_business_seconds, r.sla_state, r.due_at, r.at_risk_at, r.awaiting_since, r.first_responder_id
       FROM response_cycles r JOIN conversations c ON c.id = r.conversation_id ORDER BY c.channel_id, c.external_thread_id, c.id, r.number`,
    ),
    contacts: await rows(db, "SELECT channel_id, external_id, handle, name, followers FROM contacts ORDER BY channel_id, external_id"),
    rollups: await rows(db, "SELECT * FROM message_rollups ORDER BY brand_id, kind, bucket, channel_id, user_id, category, corrected, corrected_from"),
    examples: await rows(db, "SELECT e.text, e.source FROM classifier_examples e ORDER BY e.text, e.source"),
    escalations: await rows(db, "SELECT e.status, m.external_id FROM escalations e JOIN messages m ON m.id = e.message_id ORDER BY m.external_id, e.id"),
  };
}

const opened: Db[] = [];
afterAll(async () => {
  for (const db of opened) await closeDatabase(db);
});

describe("set-based ingest", () => {
  it("stores the same rows whether events come in batches of 200 or one at a time", async () => {
    const one = await workspaceWithEvents();
    const many = await workspaceWithEvents();
    opened.push(one.db, many.db);
    expect([...many.items.values()].flat().length).toBeGreaterThan(400);
    await ingestAll(one.db, one.items, 1);
    await ingestAll(many.db, many.items, 200);
    const [a, b] = [await snapshot(one.db), await snapshot(many.db)];
    expect(b.messages.length).toBe(a.messages.length);
    expect(b.conversations).toEqual(a.conversations);
    expect(b.cycles).toEqual(a.cycles);
    expect(b.messages).toEqual(a.messages);
    expect(b.contacts).toEqual(a.contacts);
    expect(b.rollups).toEqual(a.rollups);
    expect(b.examples).toEqual(a.examples);
    expect(b.escalations).toEqual(a.escalations);
  }, 120_000);

  it.runIf(process.env.DATABASE_URL === undefined)("runs a few statements per batch, not several per event", async () => {
    let statements = 0;
    // Every statement the connections prepare from the start is counted.
    const { db, items } = await workspaceWithEvents((db) => timeStatements(db, (_name, fn) => (statements++, fn())));
    opened.push(db);
    expect(engineOf(db).kind).toBe("sqlite");
    const list = [...items.values()][0];
    const brandId = [...items.keys()][0];
    // A rule that fires reads and writes rows of its own (escalations, notifications, audit): none here.
    await run(db, "DELETE FROM escalation_rules WHERE brand_id = ?", brandId);
    // The first batch of the brand warms the brand's caches; the second is counted.
    await ingestBatch({ db, brandId, items: list.slice(0, 100), now: NOW });
    statements = 0;
    const batch = list.slice(100, 300);
    await ingestBatch({ db, brandId, items: batch, now: NOW });
    // About 9 statements an event before the store.
    expect(statements / batch.length).toBeLessThan(0.5);
  }, 60_000);
});
