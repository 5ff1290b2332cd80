import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { channels } from "@/db/schema";
import type { Classification } from "@/lib/classify/types";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { dashboardData } from "@/lib/metrics/dashboard";
import { dashboardTable, toCsv } from "@/lib/metrics/dashboard-tables";
import { escalationFigures } from "@/lib/metrics/escalations";
import { parseRange } from "@/lib/metrics/local-time";
import { makeBrand, makeMember, testDb, run, row } from "../helpers/db";

const TZ = "Europe/Amsterdam"; // UTC+1 in March 2026
const MIN = 60_000;
const classify = (): Classification => ({
  language: "en", category: "request", complaint: false, sentiment: "neutral", sentimentScore: 0, confidence: 1, reasons: [], modelVersion: "test",
});

async function conversation(db: Db, brandId: number, channelId: number, key: string): Promise<number> {
  const event = inboundEventSchema.parse({ externalId: key, author: { id: key }, text: "This is broken!", createdAt: "2026-03-01T08:00:00Z" });
  const [outcome] = await ingestBatch({ db, brandId, items: [{ event, channelId }], now: Date.parse("2026-03-01T08:00:01Z"), classifyText: classify });
  return Number(outcome.conversationId);
}

type Escalation = { created: string; ackMin?: number; resolvedMin?: number; resolvedByPerson?: boolean; status: "open" | "acknowledged" | "resolved"; conversationId: number };

async function escalate(db: Db, brandId: number, userId: number, e: Escalation) {
  const created = Date.parse(e.created);
  await run(
    db,
    `INSERT INTO escalations (brand_id, conversation_id, level, reason, status, created_at, acknowledged_by, acknowledged_at, resolved_by, resolved_at)
       VALUES (?, ?, 1, 'negative', ?, ?, ?, ?, ?, ?)`,
    brandId, e.conversationId, e.status, created,
    e.ackMin === undefined ? null : userId, e.ackMin === undefined ? null : created + e.ackMin * MIN,
    e.resolvedMin !== undefined && e.resolvedByPerson ? userId : null, e.resolvedMin === undefined ? null : created + e.resolvedMin * MIN,
  );
}

async function seed() {
  const { db } = testDb();
  const brand = await makeBrand({ db, timezone: TZ });
  const other = await makeBrand({ db, timezone: TZ });
  const manager = await makeMember({ db, brandId: brand.id, role: "manager" });
  const api = (await row<{ id: number }>(db, "SELECT id FROM channels WHERE brand_id = ?", brand.id))!.id;
  const [{ id: web }] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "web", name: "Site" }).returning());
  const onApi = await conversation(db, brand.id, api, "a");
  const onWeb = await conversation(db, brand.id, web, "w");
  const theirs = await conversation(db, other.id, (await row<{ id: number }>(db, "SELECT id FROM channels WHERE brand_id = ?", other.id))!.id, "o");
  // Only the escalations below: whatever the brand's rules raised on ingest is not part of this test.
  await run(db, "DELETE FROM escalations");
  const list: Escalation[] = [
    // Monday 2 March local
    { created: "2026-03-02T09:00:00Z", ackMin: 1, status: "acknowledged", conversationId: onApi },
    { created: "2026-03-02T10:00:00Z", ackMin: 2, resolvedMin: 30, resolvedByPerson: true, status: "resolved", conversationId: onApi },
    { created: "2026-03-02T22:59:00Z", ackMin: 5, status: "acknowledged", conversationId: onWeb }, // 23:59 local, still Monday
    // Tuesday 3 March local
    { created: "2026-03-02T23:30:00Z", ackMin: 10, status: "resolved", resolvedMin: 40, conversationId: onApi },
    // Resolving stamps the acknowledgement too (lib/escalation), so this one waited 15 min.
    { created: "2026-03-03T12:00:00Z", ackMin: 15, resolvedMin: 15, resolvedByPerson: true, status: "resolved", conversationId: onWeb },
    { created: "2026-03-03T13:00:00Z", resolvedMin: 5, resolvedByPerson: false, status: "resolved", conversationId: onApi }, // closed without an acknowledgement
    { created: "2026-03-03T14:00:00Z", status: "open", conversationId: onApi },
    // Before the range, still open: counts now, not in the range.
    { created: "2026-02-20T10:00:00Z", status: "open", conversationId: onWeb },
  ];
  for (const e of list) await escalate(db, brand.id, manager.id, e);
  await escalate(db, other.id, manager.id, { created: "2026-03-02T09:00:00Z", ackMin: 600, status: "open", conversationId: theirs });
  const range = parseRange({ from: "2026-03-02", to: "2026-03-04", timeZone: TZ });
  return { db, brand, range, api, web };
}

describe("escalationFigures", () => {
  it("gives exact median and p90 time to acknowledge over the range, the queue now, and counts by local day", async () => {
    const { db, brand, range } = await seed();
    const now = Date.parse("2026-03-04T10:00:00Z");
    const figures = await escalationFigures({ db, brandId: brand.id, timeZone: TZ, range, now });
    // Waits in minutes: 1, 2, 5, 10, 15 → median 5 min, p90 (nearest rank 5 of 5) 15 min.
    expect(figures).toMatchObject({ created: 7, acknowledged: 5, medianAckSeconds: 300, p90AckSeconds: 900 });
    expect(figures).toMatchObject({ openNow: 4, unacknowledgedNow: 2, oldestUnacknowledgedSeconds: (now - Date.parse("2026-02-20T10:00:00Z")) / 1000 });
    expect(figures.daily).toEqual([
      { day: "2026-03-02", created: 3, acknowledged: 3, medianAckSeconds: 120 },
      { day: "2026-03-03", created: 4, acknowledged: 2, medianAckSeconds: 750 },
      { day: "2026-03-04", created: 0, acknowledged: 0, medianAckSeconds: null },
    ]);
  });

  it("scopes to a channel through the conversation", async () => {
    const { db, brand, range, web } = await seed();
    const figures = await escalationFigures({ db, brandId: brand.id, timeZone: TZ, range, channelId: web, now: Date.parse("2026-03-04T10:00:00Z") });
    // Waits 5 and 15 min: an even count takes the mean of the two middle values.
    expect(figures).toMatchObject({ created: 2, acknowledged: 2, medianAckSeconds: 600, p90AckSeconds: 900, openNow: 2, unacknowledgedNow: 1 });
  });

  it("is part of the dashboard data and its CSV export", async () => {
    const { db, brand, range } = await seed();
    const data = await dashboardData({ db, brandId: brand.id, timeZone: TZ, range });
    expect(data.escalations.created).toBe(7);
    expect(toCsv(dashboardTable({ data, name: "escalations" }))).toBe(
      "day,created,acknowledged,median_acknowledge_seconds\r\n2026-03-02,3,3,120\r\n2026-03-03,4,2,750\r\n2026-03-04,0,0,\r\n",
    );
  });

  it("is empty, not zero, where nothing was acknowledged", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db, timezone: TZ });
    const figures = await escalationFigures({ db, brandId: brand.id, timeZone: TZ, range: parseRange({ from: "2026-03-02", to: "2026-03-02", timeZone: TZ }) });
    expect(figures).toEqual({ created: 0, acknowledged: 0, medianAckSeconds: null, p90AckSeconds: null, openNow: 0, unacknowledgedNow: 0, oldestUnacknowledgedSeconds: null, daily: [{ day: "2026-03-02", created: 0, acknowledged: 0, medianAckSeconds: null }] });
  });
});
