import { describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema } from "@/lib/ingest/event";
import { setConversationStatus } from "@/lib/conversations/actions";
import { localToInstant, snoozeUntil, wakeSnoozed } from "@/lib/conversations/snooze";
import { makeBrand, makeMember, testDb, rows, count } from "../helpers/db";

describe("snooze presets in the agent's time zone", () => {
  // Friday 6 March 2026, 23:30 in Amsterdam (UTC+1).
  const friday = Date.parse("2026-03-06T22:30:00Z");

  it("an hour, tomorrow 9:00, next Monday 9:00 and a typed local time", () => {
    expect(snoozeUntil({ preset: "1h", now: friday, timeZone: "Europe/Amsterdam" })).toBe(friday + 3_600_000);
    expect(new Date(snoozeUntil({ preset: "tomorrow", now: friday, timeZone: "Europe/Amsterdam" })!).toISOString()).toBe("2026-03-07T08:00:00.000Z");
    expect(new Date(snoozeUntil({ preset: "monday", now: friday, timeZone: "Europe/Amsterdam" })!).toISOString()).toBe("2026-03-09T08:00:00.000Z");
    expect(new Date(snoozeUntil({ preset: "custom", now: friday, timeZone: "Asia/Tokyo", custom: "2026-03-10T18:15" })!).toISOString()).toBe("2026-03-10T09:15:00.000Z");
    expect(snoozeUntil({ preset: "custom", now: friday, timeZone: "UTC", custom: "" })).toBeNull();
  });

  it("next Monday from a Monday is a week later, and DST is respected", () => {
    const monday = Date.parse("2026-03-09T07:00:00Z");
    expect(new Date(snoozeUntil({ preset: "monday", now: monday, timeZone: "UTC" })!).toISOString()).toBe("2026-03-16T09:00:00.000Z");
    // New York moves to UTC-4 on 8 March 2026: 9:00 on the 9th is 13:00 UTC.
    expect(new Date(snoozeUntil({ preset: "tomorrow", now: Date.parse("2026-03-08T15:00:00Z"), timeZone: "America/New_York" })!).toISOString()).toBe("2026-03-09T13:00:00.000Z");
    expect(localToInstant({ local: "nonsense", timeZone: "UTC" })).toBeNull();
  });
});

describe("waking snoozed conversations", () => {
  it("opens the ones whose time has come, audited and live, and leaves the rest", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
    const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "facebook", name: "FB", accountId: "p" }).returning());
    const now = Date.now();
    const outcomes = await ingestBatch({
      db,
      brandId: brand.id,
      items: [0, 1].map((i) => ({ event: inboundEventSchema.parse({ externalId: `s${i}`, text: `Where is my order ${i}?`, createdAt: new Date(now - 60_000).toISOString(), author: { id: `u${i}` }, threadId: `t${i}` }), channelId: channel.id })),
      now,
    });
    const ids = outcomes.map((o) => Number(o.conversationId));
    const actor = { userId: agent.id, label: agent.email };
    await setConversationStatus({ db, brandId: brand.id, actor, conversationIds: [ids[0]], status: "snoozed", snoozedUntil: now + 60_000 });
    await setConversationStatus({ db, brandId: brand.id, actor, conversationIds: [ids[1]], status: "snoozed", snoozedUntil: now + 3_600_000 });
    expect(await wakeSnoozed({ db, now: now + 30_000 })).toBe(0);
    expect(await wakeSnoozed({ db, now: now + 61_000 })).toBe(1);
    expect(await rows(db, "SELECT status, snoozed_until FROM conversations WHERE id IN (?, ?) ORDER BY id", ids[0], ids[1])).toEqual([{ status: "open", snoozed_until: null }, { status: "snoozed", snoozed_until: now + 3_600_000 }]);
    expect(await count(db, "SELECT count(*) FROM audit_log WHERE action = 'conversation.wake'")).toBe(1);
    expect(await count(db, "SELECT count(*) FROM changes WHERE conversation_id = ? AND created_at = ?", ids[0], now + 61_000)).toBe(1);
    expect(await wakeSnoozed({ db, now: now + 61_000 })).toBe(0);
  });
});
