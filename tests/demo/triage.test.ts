import { describe, expect, it } from "vitest";
import { generateHistory } from "@/lib/demo/generate";
import { createDemoWorkspace, seedHistory } from "@/lib/seed/seed-demo";
import { sqlite, testDb } from "../helpers/db";

describe("the demo team's triage", () => {
  it("leaves no misread chatter older than an hour in the queue, each taken out by an agent's correction", async () => {
    const { db } = testDb();
    const { workspace } = await createDemoWorkspace({ db });
    const now = Date.parse("2026-03-11T15:00:00Z");
    await seedHistory({ db, workspace, now, days: 2 });
    const asks = new Map<string, boolean>();
    for (const item of generateHistory({ seed: 20261122, end: new Date(now), days: 2 }))
      if (item.event.direction === "inbound") asks.set(`${workspace.channelIds.get(item.channelKey)}:${item.event.externalId}`, item.truth.request);

    const queued = sqlite(db)
      .prepare(
        `SELECT c.id, m.channel_id AS channelId, m.external_id AS externalId, m.created_at AS at FROM conversations c
         JOIN response_cycles r ON r.id = c.current_cycle_id
         JOIN messages m ON m.conversation_id = c.id AND m.cycle_id = c.current_cycle_id AND m.direction = 'inbound'
         WHERE c.status <> 'resolved' AND c.awaiting_first_response = 1 AND r.category = 'request'`,
      )
      .all() as { id: number; channelId: number; externalId: string; at: number }[];
    const byConversation = new Map<number, { asks: boolean; last: number }>();
    for (const row of queued) {
      const entry = byConversation.get(row.id) ?? { asks: false, last: 0 };
      entry.asks ||= asks.get(`${row.channelId}:${row.externalId}`) === true;
      entry.last = Math.max(entry.last, row.at);
      byConversation.set(row.id, entry);
    }
    const stale = [...byConversation.values()].filter((e) => e.last < now - 3600_000);
    expect(stale.filter((e) => !e.asks)).toEqual([]);

    // The corrections are the agents' own, audited, and examples the brand's model learns from.
    const corrections = sqlite(db).prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'message.correct' AND user_id IS NOT NULL").get() as { n: number };
    expect(corrections.n).toBeGreaterThan(0);
    const examples = sqlite(db).prepare("SELECT count(*) AS n FROM classifier_examples WHERE source = 'correction' AND request = 0").get() as { n: number };
    expect(examples.n).toBe(corrections.n);

    // Each evening the brands' layers retrained on what the team taught so far, and keep doing so.
    const layers = sqlite(db).prepare("SELECT b.slug, b.retrain_every_hours AS every, m.examples FROM brands b LEFT JOIN classifier_models m ON m.brand_id = b.id").all() as { slug: string; every: number; examples: number | null }[];
    expect(layers.length).toBeGreaterThan(1);
    for (const layer of layers) {
      expect(layer.every).toBe(24);
      expect(layer.examples).toBeGreaterThan(0);
    }
  }, 300_000);
});
