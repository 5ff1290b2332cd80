import { describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { generateHistory } from "@/lib/demo/generate";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { makeBrand, sqlite, testDb } from "../helpers/db";

describe("demo e-mail traffic", () => {
  it("goes through the pipeline as mail threads: one conversation per chain, subjects and quotes kept, out-of-office replies without a clock", async () => {
    const items = [...generateHistory({ seed: 42, end: new Date("2025-03-14T16:30:00Z"), days: 14 })].filter((i) => i.channelKey === "skyway-email");
    expect(items.length).toBeGreaterThan(20);
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "email", name: "care@skyway.demo", accountId: "care@skyway.demo" }).returning());
    const now = Date.parse("2025-03-14T16:30:00Z");
    for (const item of items) await ingestBatch({ db, brandId: brand.id, items: [{ event: inboundEventSchema.parse(item.event), channelId: channel.id }], now });

    const roots = new Set(items.map((i) => i.event.threadId));
    const conversations = sqlite(db).prepare("SELECT count(*) AS n FROM conversations WHERE channel_id = ?").get(channel.id) as { n: number };
    expect(conversations.n).toBe(roots.size);
    const stored = sqlite(db).prepare("SELECT subject, quoted_text, automated, direction, cycle_id FROM messages WHERE channel_id = ?").all(channel.id) as { subject: string | null; quoted_text: string | null; automated: number; direction: string; cycle_id: number | null }[];
    expect(stored.every((m) => m.subject)).toBe(true);
    expect(stored.some((m) => m.subject!.startsWith("Re: ") && m.quoted_text?.startsWith("> "))).toBe(true);
    const outOfOffice = stored.filter((m) => m.direction === "inbound" && m.automated === 1);
    expect(outOfOffice.length).toBeGreaterThan(0);
    // Each of them sits in an answered cycle and opened none of its own.
    const cycles = sqlite(db).prepare("SELECT count(*) AS n FROM response_cycles WHERE channel_id = ?").get(channel.id) as { n: number };
    const opened = sqlite(db).prepare("SELECT count(DISTINCT conversation_id) AS n FROM messages WHERE channel_id = ? AND direction = 'inbound' AND automated = 0").get(channel.id) as { n: number };
    expect(cycles.n).toBeGreaterThanOrEqual(opened.n);
    expect(cycles.n).toBeLessThan(opened.n + outOfOffice.length);
  });
});
