import { describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { channels, contacts, conversations } from "@/db/schema";
import { inIdList, jsonArrayHas, queryPlan, recentLabels, skipIndex } from "@/db/inbox";
import { listConversations } from "@/lib/inbox/list";
import type { InboxFilters } from "@/lib/inbox/filters";
import type { View } from "@/lib/inbox/views";
import { makeBrand, makeMember, onPostgres, testDb } from "../helpers/db";

async function world() {
  const { db } = testDb();
  const [a, b] = [await makeBrand({ db }), await makeBrand({ db })];
  const add = (brandId: number, labels: string[], at: number) =>
    db.transaction(async (tx) => {
      const [channel] = await tx.insert(channels).values({ brandId, kind: "api", name: "API" }).returning();
      const [contact] = await tx.insert(contacts).values({ brandId, channelId: channel.id, externalId: `c${at}` }).returning();
      const [row] = await tx
        .insert(conversations)
        .values({ brandId, channelId: channel.id, contactId: contact.id, kind: "public_comment", labels, lastMessageAt: new Date(at), updatedAt: new Date(at) })
        .returning({ id: conversations.id });
      return row.id;
    });
  return { db, a, b, add };
}

// On both engines; the query plans asserted are SQLite's (PostgreSQL plans by its statistics).
describe("the inbox's engine-specific functions", () => {
  it("selects by a list of ids given as one parameter, the list driving the read", async () => {
    const { db, a, add } = await world();
    const ids = [await add(a.id, [], 1), await add(a.id, [], 2), await add(a.id, [], 3)];
    const query = db.select({ id: conversations.id }).from(conversations).where(inIdList(conversations.id, [ids[2], ids[0], 999_999])).orderBy(conversations.id);
    expect((await query).map((r) => r.id)).toEqual([ids[0], ids[2]]);
    expect(await db.select({ id: conversations.id }).from(conversations).where(inIdList(conversations.id, []))).toEqual([]);
    const plan = (await queryPlan(db, query)).join("; ");
    expect(plan).toMatch(onPostgres() ? /conversations/ : /SEARCH conversations USING INTEGER PRIMARY KEY/);
  });

  it("keeps the planner off an index the query names with skipIndex, with the same rows", async () => {
    const { db, a, b, add } = await world();
    await add(a.id, [], 1);
    await add(b.id, [], 2);
    const direct = db.select({ id: conversations.id }).from(conversations).where(eq(conversations.brandId, a.id)).orderBy(desc(conversations.lastMessageAt));
    const skipped = db.select({ id: conversations.id }).from(conversations).where(eq(skipIndex(conversations.brandId), a.id)).orderBy(desc(conversations.lastMessageAt));
    expect(await skipped).toEqual(await direct);
    if (onPostgres()) return;
    expect((await queryPlan(db, direct)).join("; ")).toMatch(/USING (COVERING )?INDEX conversations_/);
    expect((await queryPlan(db, skipped)).join("; ")).toMatch(/SCAN conversations/);
  });

  it("finds conversations by a label in their JSON array, and counts the brand's recent labels", async () => {
    const { db, a, b, add } = await world();
    const vip = await add(a.id, ["vip", "refund"], 1);
    await add(a.id, ["refund"], 2);
    await add(a.id, [], 3);
    await add(b.id, ["secret", "secret-b"], 4);
    const labelled = await db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.brandId, a.id), jsonArrayHas(conversations.labels, "vip")));
    expect(labelled).toEqual([{ id: vip }]);
    expect(await recentLabels(db, { brandId: a.id, recent: 10, limit: 50 })).toEqual(["refund", "vip"]);
    // Only the newest `recent` conversations are read.
    expect(await recentLabels(db, { brandId: a.id, recent: 2, limit: 50 })).toEqual(["refund"]);
    expect(await recentLabels(db, { brandId: a.id, recent: 10, limit: 1 })).toEqual(["refund"]);
  });
});

describe("the inbox list on this engine", () => {
  // Enough rows that a rare filter outgrows the first walk of a range (SCAN_WINDOWS) and the page
  // says it is partial; the filters are then checked during the walk on PostgreSQL, after it on SQLite.
  async function inbox() {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
    const statuses = ["resolved", "resolved", "resolved", "open", "pending", "snoozed"] as const;
    const rows = await db.transaction(async (tx) => {
      const [channel] = await tx.insert(channels).values({ brandId: brand.id, kind: "api", name: "API" }).returning();
      const [contact] = await tx.insert(contacts).values({ brandId: brand.id, channelId: channel.id, externalId: "c" }).returning();
      const values = Array.from({ length: 1500 }, (_, i) => ({
        brandId: brand.id,
        channelId: channel.id,
        contactId: contact.id,
        kind: "public_comment" as const,
        status: statuses[i % statuses.length],
        category: i % 7 === 0 ? ("noise" as const) : ("request" as const),
        language: i % 19 === 0 ? "de" : i % 3 === 0 ? null : "en",
        slaState: i % 23 === 0 ? ("breached" as const) : i % 2 === 0 ? ("on_track" as const) : null,
        assigneeId: i % 5 === 0 ? agent.id : null,
        awaitingFirstResponse: i % 4 === 0 && statuses[i % statuses.length] !== "resolved",
        firstResponseDueAt: new Date(1_000_000 + (i % 50) * 1000),
        // Ties on the sort key, so the id decides between them.
        lastMessageAt: new Date(2_000_000 + Math.floor(i / 3) * 1000),
        updatedAt: new Date(2_000_000),
      }));
      return tx.insert(conversations).values(values).returning();
    });
    return { db, brand, agent, rows };
  }

  it("pages through every view with rare filters: exactly the matching conversations, in order", async () => {
    const { db, brand, agent, rows } = await inbox();
    const active = (r: (typeof rows)[number]) => r.status !== "resolved";
    const views = {
      resolved: (r: (typeof rows)[number]) => r.status === "resolved",
      open: (r: (typeof rows)[number]) => r.status === "open" && r.category === "request",
      noise: (r: (typeof rows)[number]) => r.category === "noise" && active(r),
      waiting: (r: (typeof rows)[number]) => r.awaitingFirstResponse && r.category === "request" && active(r),
      unassigned: (r: (typeof rows)[number]) => r.assigneeId == null && r.category === "request" && active(r),
    } as const;
    const filters: InboxFilters[] = [{}, { language: "de" }, { sla: "breached" }, { assignee: "me" }, { language: "de", sla: "breached" }, { assignee: "none", language: "en" }];
    for (const [view, inView] of Object.entries(views) as [View, (r: (typeof rows)[number]) => boolean][]) {
      for (const f of filters) {
        const keep = (r: (typeof rows)[number]) =>
          inView(r) &&
          (f.language === undefined || r.language === f.language) &&
          (f.sla === undefined || r.slaState === f.sla) &&
          (f.assignee === undefined || (f.assignee === "none" ? r.assigneeId == null : r.assigneeId === agent.id));
        const due = view === "waiting";
        const key = (r: (typeof rows)[number]) => (due ? r.firstResponseDueAt!.getTime() : r.lastMessageAt.getTime());
        const want = rows
          .filter(keep)
          .sort((a, b) => (due ? key(a) - key(b) || a.id - b.id : key(b) - key(a) || b.id - a.id))
          .map((r) => r.id);
        const got: number[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages < 200; pages++) {
          const page = await listConversations({ db, brandId: brand.id, view, userId: agent.id, filters: f, limit: 20, cursor });
          got.push(...page.items.map((i) => i.id));
          cursor = page.nextCursor;
          if (!cursor) break;
        }
        expect(got, `${view} ${JSON.stringify(f)}`).toEqual(want);
      }
    }
  }, 120_000);
  it("walks a dense range past the page's matches in a sparse one, and says where a rare filter stopped", async () => {
    // A year of resolved noise beside a trickle of resolved requests: twenty noise conversations
    // between two requests, more noise than one walk of a range may read (the last SCAN_WINDOWS).
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
    const { channel, contact } = await db.transaction(async (tx) => {
      const [channel] = await tx.insert(channels).values({ brandId: brand.id, kind: "api", name: "API" }).returning();
      const [contact] = await tx.insert(contacts).values({ brandId: brand.id, channelId: channel.id, externalId: "c" }).returning();
      return { channel, contact };
    });
    const values = Array.from({ length: 6300 }, (_, i) => {
      const request = i % 21 === 0;
      return {
        brandId: brand.id,
        channelId: channel.id,
        contactId: contact.id,
        kind: "public_comment" as const,
        status: "resolved" as const,
        category: request ? ("request" as const) : ("noise" as const),
        language: request && i % (21 * 40) === 0 ? "de" : "en",
        slaState: request ? ("breached" as const) : null,
        lastMessageAt: new Date(5_000_000 + i * 1000),
        updatedAt: new Date(5_000_000),
      };
    });
    const rows: { id: number; category: string; language: string | null; slaState: string | null; lastMessageAt: Date }[] = [];
    await db.transaction(async (tx) => {
      for (let i = 0; i < values.length; i += 1000) rows.push(...(await tx.insert(conversations).values(values.slice(i, i + 1000)).returning()));
    });
    const newest = (keep: (r: (typeof rows)[number]) => boolean) =>
      rows
        .filter(keep)
        .sort((x, y) => y.lastMessageAt.getTime() - x.lastMessageAt.getTime() || y.id - x.id)
        .map((r) => r.id);

    // The requests' first page needs about 420 noise rows walked: complete, not partial.
    const breached = await listConversations({ db, brandId: brand.id, view: "resolved", userId: agent.id, filters: { sla: "breached" }, limit: 20 });
    expect(breached.partial).toBe(false);
    expect(breached.items.map((i) => i.id)).toEqual(newest((r) => r.slaState === "breached").slice(0, 20));

    // Eight German requests spread over all 6,300 rows: found page by page, partial pages included.
    const want = newest((r) => r.language === "de");
    const got: number[] = [];
    let cursor: string | null = null;
    let partial = 0;
    for (let pages = 0; pages < 50; pages++) {
      const page = await listConversations({ db, brandId: brand.id, view: "resolved", userId: agent.id, filters: { language: "de" }, limit: 3, cursor });
      got.push(...page.items.map((i) => i.id));
      if (page.partial) partial++;
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(got).toEqual(want);
    expect(want.length).toBe(8);
    if (onPostgres()) expect(partial).toBeGreaterThan(0);
  }, 60_000);
});
