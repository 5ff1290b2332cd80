import { describe, expect, it } from "vitest";
import type { SQLWrapper } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryPlan } from "@/db/sqlite/inbox";
import { countViews } from "@/lib/inbox/counts";
import { listConversations, listStatements } from "@/lib/inbox/list";
import { VIEWS, type View } from "@/lib/inbox/views";
import { recordChange } from "@/lib/realtime/record-change";
import { parseInboxFilters, type InboxFilters } from "@/lib/inbox/filters";
import { makeBrand, makeMember, testDb, sqlite } from "../helpers/db";
import { seedScale } from "./scale-seed";

type Conv = {
  id: number;
  brand_id: number;
  status: string;
  category: string;
  channel_id: number;
  assignee_id: number | null;
  sentiment: string;
  language: string | null;
  sla_state: string | null;
  priority: string;
  labels: string;
  awaiting_first_response: number;
  escalation_level: number;
  first_response_due_at: number | null;
  last_message_at: number;
};

const ACTIVE = new Set(["open", "pending", "snoozed"]);

// An independent reading of the views and filters, applied to every row in plain code.
function expected(rows: Conv[], view: View, filters: InboxFilters, userId: number): number[] {
  const inView: Record<View, (c: Conv) => boolean> = {
    waiting: (c) => c.awaiting_first_response === 1 && c.category === "request" && ACTIVE.has(c.status),
    mine: (c) => c.assignee_id === userId && ACTIVE.has(c.status),
    unassigned: (c) => c.assignee_id == null && c.category === "request" && ACTIVE.has(c.status),
    open: (c) => c.status === "open" && c.category === "request",
    pending: (c) => c.status === "pending",
    snoozed: (c) => c.status === "snoozed",
    resolved: (c) => c.status === "resolved",
    noise: (c) => c.category === "noise" && ACTIVE.has(c.status),
    escalated: (c) => c.escalation_level > 0 && ACTIVE.has(c.status),
  };
  const assignee = filters.assignee === "me" ? userId : filters.assignee;
  const keep = (c: Conv) =>
    inView[view](c) &&
    (filters.channel === undefined || c.channel_id === filters.channel) &&
    (filters.status === undefined || c.status === filters.status) &&
    (filters.category === undefined || c.category === filters.category) &&
    (assignee === undefined || (assignee === "none" ? c.assignee_id == null : c.assignee_id === assignee)) &&
    (filters.sentiment === undefined || c.sentiment === filters.sentiment) &&
    (filters.language === undefined || c.language === filters.language) &&
    (filters.sla === undefined || c.sla_state === filters.sla) &&
    (filters.priority === undefined || c.priority === filters.priority) &&
    (filters.label === undefined || (JSON.parse(c.labels) as string[]).includes(filters.label));
  const due = view === "waiting";
  return rows
    .filter(keep)
    .sort((a, b) => (due ? a.first_response_due_at! - b.first_response_due_at! || a.id - b.id : b.last_message_at - a.last_message_at || b.id - a.id))
    .map((c) => c.id);
}

// Follows the cursors to the end, partial pages included.
async function everything(db: Db, brandId: number, view: View, filters: InboxFilters, userId: number, limit = 40): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 500; guard++) {
    const page = await listConversations({ db, brandId, view, userId, filters, limit, cursor });
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error("did not end");
}

async function world() {
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const other = await makeBrand({ db });
  const agents = [await makeMember({ db, brandId: brand.id, role: "agent" }), await makeMember({ db, brandId: brand.id, role: "agent" })];
  const { channelIds } = await seedScale({ db, brandId: brand.id, open: 2500, resolved: 600, assignees: agents.map((a) => a.id), seed: 3 });
  await seedScale({ db, brandId: other.id, open: 300, resolved: 50, seed: 5 });
  const rows = sqlite(db).prepare("SELECT * FROM conversations WHERE brand_id = ?").all(brand.id) as Conv[];
  return { db, brand, other, agents, channelIds, rows };
}

const FILTERS = (channel: number, teammate: number): InboxFilters[] => [
  {},
  { channel },
  { status: "pending" },
  { category: "noise" },
  { assignee: "me" },
  { assignee: "none" },
  { assignee: teammate },
  { sentiment: "negative" },
  { language: "fi" },
  { language: "is" },
  { sla: "on_track" },
  { priority: "urgent" },
  { label: "vip" },
  { label: "legal" },
  { channel, sentiment: "negative", priority: "high" },
];

describe("inbox list with filters", () => {
  it("returns exactly the view's conversations that pass the filters, in order, across pages", async () => {
    const { db, brand, agents, channelIds, rows } = await world();
    const me = agents[0].id;
    for (const view of VIEWS) {
      for (const filters of FILTERS(channelIds[1], agents[1].id)) {
        const got = await everything(db, brand.id, view, filters, me);
        expect(got, `${view} ${JSON.stringify(filters)}`).toEqual(expected(rows, view, filters, me));
      }
    }
  }, 60_000);

  it("keeps every filter path on an index: no full scan of conversations", async () => {
    const { db, brand, agents, channelIds } = await world();
    for (const view of VIEWS) {
      for (const filters of [...FILTERS(channelIds[0], agents[1].id), { q: "refund" }]) {
        const plan = listStatements({ db, brandId: brand.id, view, userId: agents[0].id, filters, cursor: "1000:5" });
        const candidates = plan.kind === "ranges" ? plan.candidates.map((candidate) => candidate(10)) : [];
        const rows = plan.kind === "ranges" ? [plan.rows([], null), plan.rows([], { k: 1000, id: 5 })] : [plan.rows()];
        for (const s of [...candidates, ...rows] as SQLWrapper[]) {
          const details = await queryPlan(db, s);
          expect(details.filter((d) => /^SCAN (c|conversations)\b/.test(d)), `${view} ${JSON.stringify(filters)}: ${details.join("; ")}`).toEqual([]);
          // The candidate walks read the view's index in order: no sort of the whole view.
          if ((candidates as SQLWrapper[]).includes(s) && !filters.assignee && view !== "mine")
            expect(details.join("; "), `${view} ${JSON.stringify(filters)}`).not.toMatch(/TEMP B-TREE/);
        }
      }
    }
  });

  it("says when a rare filter was only checked against the newest part of a view, and continues from there", async () => {
    const { db, brand, agents, rows } = await world();
    const first = await listConversations({ db, brandId: brand.id, view: "resolved", userId: agents[0].id, filters: { label: "legal" }, limit: 10 });
    const all = expected(rows, "resolved", { label: "legal" }, agents[0].id);
    if (all.length < 10) expect(first.partial || first.nextCursor == null).toBe(true);
    expect(await everything(db, brand.id, "resolved", { label: "legal" }, agents[0].id, 10)).toEqual(all);
  });

  it("never shows another brand's conversations", async () => {
    const { db, other, agents } = await world();
    const otherIds = new Set((sqlite(db).prepare("SELECT id FROM conversations WHERE brand_id = ?").all(other.id) as { id: number }[]).map((r) => r.id));
    for (const view of VIEWS) {
      const page = await listConversations({ db, brandId: (sqlite(db).prepare("SELECT brand_id FROM memberships WHERE user_id = ?").get(agents[0].id) as { brand_id: number }).brand_id, view, userId: agents[0].id, limit: 200 });
      expect(page.items.filter((i) => otherIds.has(i.id))).toEqual([]);
    }
  });

  it("counts every view from the indexes, equal to counting the rows", async () => {
    const { db, brand, agents, rows } = await world();
    const counts = await countViews({ db, brandId: brand.id, userId: agents[0].id });
    for (const view of VIEWS.filter((v) => v !== "resolved")) expect(counts[view], view).toBe(expected(rows, view, {}, agents[0].id).length);
    expect(counts.resolved).toBeNull();
  });

  it("keeps the brand's counts until its next change, at most 30 s, and counts each agent's own", async () => {
    const { db, brand, agents, rows } = await world();
    const waiting = () => sqlite(db).prepare("SELECT id FROM conversations WHERE brand_id = ? AND awaiting_first_response = 1 AND category = 'request' AND status = 'open' LIMIT 1").get(brand.id) as { id: number };
    const before = await countViews({ db, brandId: brand.id, userId: agents[0].id, now: 1_000 });
    const other = await countViews({ db, brandId: brand.id, userId: agents[1].id, now: 1_000 });
    expect(other.mine).toBe(expected(rows, "mine", {}, agents[1].id).length);
    expect({ ...other, mine: before.mine }).toEqual(before);
    // A write that records no change is not seen while the count is kept...
    sqlite(db).prepare("UPDATE conversations SET status = 'resolved', awaiting_first_response = 0 WHERE id = ?").run(waiting().id);
    expect((await countViews({ db, brandId: brand.id, userId: agents[0].id, now: 2_000 })).waiting).toBe(before.waiting);
    // ...a change of the brand renews it...
    await db.transaction((tx) => recordChange(tx, { brandId: brand.id, kind: "conversation", at: 3_000 }));
    expect((await countViews({ db, brandId: brand.id, userId: agents[0].id, now: 3_000 })).waiting).toBe(before.waiting! - 1);
    // ...and so does time.
    sqlite(db).prepare("UPDATE conversations SET status = 'resolved', awaiting_first_response = 0 WHERE id = ?").run(waiting().id);
    expect((await countViews({ db, brandId: brand.id, userId: agents[0].id, now: 3_000 + 29_000 })).waiting).toBe(before.waiting! - 1);
    expect((await countViews({ db, brandId: brand.id, userId: agents[0].id, now: 3_000 + 30_000 })).waiting).toBe(before.waiting! - 2);
  });
});

describe("filters in the URL", () => {
  it("keeps valid values and drops the rest", () => {
    expect(
      parseInboxFilters({ channel: "12", status: "pending", assignee: "me", sentiment: "angry", language: "de", sla: "at_risk", priority: "urgent", label: " vip ", q: "  refund  ", category: "" }),
    ).toEqual({ channel: 12, status: "pending", assignee: "me", language: "de", sla: "at_risk", priority: "urgent", label: "vip", q: "refund" });
    expect(parseInboxFilters({ channel: "abc", assignee: "-3", language: "<script>", priority: ["high", "low"] })).toEqual({ priority: "high" });
    expect(parseInboxFilters({ assignee: "none" })).toEqual({ assignee: "none" });
    expect(parseInboxFilters({ assignee: "7" })).toEqual({ assignee: 7 });
  });
});
