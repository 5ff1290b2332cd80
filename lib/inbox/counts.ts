import { and, count, eq, gt, inArray } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { bind, prepared } from "@/db/prepared";
import { conversations, memberships } from "@/db/schema";
import { skipIndex } from "@/db/inbox";
import { sinceLastChange } from "@/lib/realtime/kept";
import { ACTIVE, unresolvedEscalations, type View } from "./views";

const c = conversations;

/*
 * The view counts, each read from an index rather than the table: the status index covers the
 * per-status counts, the queue index the waiting count, a person's assignments the rest.
 * Resolved is not counted: it only grows, and nobody works from that number. The brand's counts
 * are kept until its next change (lib/realtime/kept.ts), so agents paging through the inbox share
 * one count; a membership change records none, hence the short bound.
 */
export async function countViews({ db = database(), brandId, userId, now = Date.now() }: { db?: Db; brandId: number; userId: number; now?: number }): Promise<Record<View, number | null>> {
  const q = prepared(db, "inbox.counts", prepareCounts);
  // Side by side: on PostgreSQL they are two round trips, on two pooled connections.
  const [{ value: brand }, [mine]] = await Promise.all([
    sinceLastChange({ db, brandId, key: "inbox.counts", now, maxAgeMs: COUNTS_MAX_AGE_MS, compute: () => brandCounts(q, brandId) }),
    q.mine.execute({ brandId, userId }),
  ]);
  return { ...brand, mine: mine.n };
}

const COUNTS_MAX_AGE_MS = 30_000;

async function brandCounts(q: ReturnType<typeof prepareCounts>, brandId: number): Promise<Omit<Record<View, number | null>, "mine">> {
  // Four statements at once: on PostgreSQL each is a round trip, and the pool runs them side by side.
  const [groups, [waiting], [assignedRequests], [escalated]] = await Promise.all([
    q.groups.execute({ brandId }),
    q.waiting.execute({ brandId }),
    q.assignedRequests.execute({ brandId }),
    q.escalated.execute({ brandId }),
  ]);
  const sum = (test: (g: { status: string; category: string }) => boolean) => groups.filter(test).reduce((total, g) => total + g.n, 0);
  return {
    waiting: waiting.n,
    unassigned: sum((g) => g.category === "request") - assignedRequests.n,
    open: sum((g) => g.status === "open" && g.category === "request"),
    pending: sum((g) => g.status === "pending"),
    snoozed: sum((g) => g.status === "snoozed"),
    resolved: null,
    noise: sum((g) => g.category === "noise"),
    escalated: escalated.n,
  };
}

// The counts' queries, prepared once per connection: the inbox asks for them with every page.
function prepareCounts(db: Db) {
  const active = inArray(c.status, ACTIVE);
  const brandId = bind("brandId");
  const groups = db
    .select({ status: c.status, category: c.category, n: count() })
    .from(c)
    .where(and(eq(c.brandId, brandId), active))
    .groupBy(c.status, c.category)
    .prepare();
  const waiting = db
    .select({ n: count() })
    .from(c)
    .where(and(eq(c.brandId, brandId), eq(c.awaitingFirstResponse, true), eq(c.category, "request")))
    .prepare();
  const mine = db
    .select({ n: count() })
    .from(c)
    .where(and(eq(c.assigneeId, bind("userId")), active, eq(skipIndex(c.brandId), brandId)))
    .prepare();
  // Assigned conversations are few next to the open backlog, so unassigned = open requests - assigned ones.
  const members = db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.brandId, brandId));
  const assignedRequests = db
    .select({ n: count() })
    .from(c)
    .where(and(inArray(c.assigneeId, members), active, eq(skipIndex(c.brandId), brandId), eq(skipIndex(c.category), "request")))
    .prepare();
  const escalated = db
    .select({ n: count() })
    .from(c)
    .where(and(inArray(c.id, unresolvedEscalations(db, brandId)), gt(c.escalationLevel, 0), active))
    .prepare();
  return { groups, waiting, mine, assignedRequests, escalated };
}
