import { and, asc, desc, eq, gt, isNull, lt, not, or, type SQL } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { CATEGORIES, STATUSES, channels, contacts, conversations, responseCycles, users } from "@/db/schema";
import { inIdList, skipIndex } from "@/db/inbox";
import { filterConditions, type InboxFilters } from "./filters";
import { searchHits } from "./search";
import { ACTIVE, unresolvedEscalations, viewCondition, type View } from "./views";

export type ConversationListItem = {
  id: number;
  brandId: number;
  status: string;
  category: string;
  complaint: boolean;
  sentiment: string;
  sentimentScore: number;
  language: string | null;
  priority: string;
  labels: string[];
  slaState: string | null;
  firstResponseDueAt: number | null;
  atRiskAt: number | null;
  firstInboundAt: number | null;
  lastMessageAt: number;
  snoozedUntil: number | null;
  preview: string;
  escalationLevel: number;
  channel: { id: number; kind: string; name: string };
  contact: { id: number; handle: string | null; name: string | null };
  assignee: { id: number; name: string } | null;
};

export type ConversationPage = {
  items: ConversationListItem[];
  nextCursor: string | null;
  // The filters were checked against a bounded slice of the view; older conversations remain.
  partial: boolean;
};

const c = conversations;

// Urgent first in the queue (due time); elsewhere newest activity first. Keyset pagination.
const VIEW_ORDER: Record<View, "due" | "recent"> = {
  waiting: "due",
  mine: "recent",
  unassigned: "recent",
  open: "recent",
  pending: "recent",
  snoozed: "recent",
  resolved: "recent",
  noise: "recent",
  escalated: "recent",
};

type Category = (typeof CATEGORIES)[number];

/*
 * Each view is a union of index ranges that are already in the view's order: equality on an
 * index prefix whose next column is the sort key (conversations_queue for due time,
 * conversations_status or conversations_assignee for recent activity). A page reads a bounded
 * number of entries from each range and merges them, so its cost does not grow with the backlog.
 */
function ranges(brandId: number, statuses: readonly (typeof STATUSES)[number][], category: Category | null, assigneeId: number | null): SQL[] {
  if (assigneeId != null)
    return statuses.map((s) => and(eq(c.assigneeId, assigneeId), eq(c.status, s), eq(skipIndex(c.brandId), brandId), category ? eq(skipIndex(c.category), category) : undefined)!);
  return statuses.flatMap((s) => (category ? [category] : CATEGORIES).map((cat) => and(eq(c.brandId, brandId), eq(c.status, s), eq(c.category, cat))!));
}

function segments(view: View, brandId: number, userId: number, assigneeId: number | null): { ranges: SQL[]; residual: SQL | undefined } {
  switch (view) {
    case "waiting":
      // awaiting_first_response = 1 never holds for a resolved conversation (resolving clears it).
      return assigneeId != null
        ? { ranges: ranges(brandId, ACTIVE, "request", assigneeId), residual: eq(skipIndex(c.awaitingFirstResponse), 1) }
        : { ranges: [and(eq(c.brandId, brandId), eq(c.awaitingFirstResponse, true), eq(c.category, "request"))!], residual: undefined };
    case "mine":
      return { ranges: ranges(brandId, ACTIVE, null, userId), residual: undefined };
    case "unassigned":
      return assigneeId != null ? { ranges: [], residual: undefined } : { ranges: ranges(brandId, ACTIVE, "request", null), residual: isNull(skipIndex(c.assigneeId)) };
    case "open":
      return { ranges: ranges(brandId, ["open"], "request", assigneeId), residual: undefined };
    case "pending":
    case "snoozed":
    case "resolved":
      return { ranges: ranges(brandId, [view], null, assigneeId), residual: undefined };
    case "noise":
      return { ranges: ranges(brandId, ACTIVE, "noise", assigneeId), residual: undefined };
    case "escalated":
      return { ranges: [], residual: undefined };
  }
}

const FIELDS = {
  id: c.id,
  brandId: c.brandId,
  status: c.status,
  category: c.category,
  complaint: c.complaint,
  sentiment: c.sentiment,
  sentimentScore: c.sentimentScore,
  language: c.language,
  priority: c.priority,
  labels: c.labels,
  slaState: c.slaState,
  firstResponseDueAt: c.firstResponseDueAt,
  atRiskAt: responseCycles.atRiskAt,
  firstInboundAt: c.firstInboundAt,
  lastMessageAt: c.lastMessageAt,
  snoozedUntil: c.snoozedUntil,
  preview: c.preview,
  escalationLevel: c.escalationLevel,
  channel: { id: channels.id, kind: channels.kind, name: channels.name },
  contact: { id: contacts.id, handle: contacts.handle, name: contacts.name },
  assignee: { id: users.id, name: users.name },
};

type Key = { k: number; id: number };

function parseCursor(cursor: string | null | undefined): Key | null {
  const match = cursor ? /^(-?\d+):(\d+)$/.exec(cursor) : null;
  return match ? { k: Number(match[1]), id: Number(match[2]) } : null;
}

// How many index entries a filtered page may read per range: a first small pass, then a larger one.
export const SCAN_WINDOWS = [250, 2500] as const;

type ListArgs = {
  db: Db;
  brandId: number;
  view?: View;
  userId: number;
  filters?: InboxFilters;
  limit?: number;
  cursor?: string | null;
};

// The queries a page runs, built but not run; exported so the tests can check every path's query plan.
export function listStatements({ db, brandId, view = "waiting", userId, filters = {}, limit = 50, cursor }: ListArgs) {
  const order = VIEW_ORDER[view];
  const key = order === "due" ? c.firstResponseDueAt : c.lastMessageAt;
  const direction = order === "due" ? asc : desc;
  const beyond = ({ k, id }: Key) => {
    const at = new Date(k);
    return order === "due" ? or(gt(key, at), and(eq(key, at), gt(c.id, id)))! : or(lt(key, at), and(eq(key, at), lt(c.id, id)))!;
  };
  const after = parseCursor(cursor);
  const keyset = after ? beyond(after) : undefined;
  const filter = filterConditions(filters, userId);
  const rows = (ids: number[], where: (SQL | undefined)[]) =>
    db
      .select(FIELDS)
      .from(c)
      .innerJoin(channels, eq(channels.id, c.channelId))
      .innerJoin(contacts, eq(contacts.id, c.contactId))
      .leftJoin(users, eq(users.id, c.assigneeId))
      .leftJoin(responseCycles, eq(responseCycles.id, c.currentCycleId))
      .where(and(inIdList(c.id, ids), ...where, ...filter.where))
      .orderBy(direction(key), direction(c.id))
      .limit(limit + 1);
  if (filter.words || view === "escalated") {
    // A bounded hit list (search matches, escalations) drives; the view and the filters narrow it.
    const words = filter.words;
    const hits = async () =>
      words ? searchHits({ db, brandId, words }) : (await unresolvedEscalations(db, brandId)).map((e) => e.conversationId);
    return {
      kind: "hits" as const,
      order,
      limit,
      hits,
      rows: (ids: number[]) => rows(ids, [eq(skipIndex(c.brandId), brandId), viewCondition(view, userId), keyset]),
    };
  }
  const { ranges: list, residual } = segments(view, brandId, userId, filter.assigneeId);
  const bounded = filter.where.length > 0 || residual != null;
  const candidates = list.map(
    (range) => (window: number) =>
      db.select({ id: c.id, at: key }).from(c).where(and(range, keyset)).orderBy(direction(key), direction(c.id)).limit(window),
  );
  return {
    kind: "ranges" as const,
    order,
    limit,
    windows: bounded ? SCAN_WINDOWS : ([limit + 1] as const),
    candidates,
    // Rows past the boundary (the earliest point where a range stopped) could hide unseen matches.
    rows: (ids: number[], boundary: Key | null) => rows(ids, [residual, boundary ? not(beyond(boundary)) : undefined]),
  };
}

function compare(order: "due" | "recent", a: Key, b: Key): number {
  const sign = order === "due" ? 1 : -1;
  return a.k !== b.k ? sign * (a.k - b.k) : sign * (a.id - b.id);
}

export async function listConversations({ db = database(), ...args }: Omit<ListArgs, "db"> & { db?: Db }): Promise<ConversationPage> {
  const plan = listStatements({ db, ...args });
  const keyOf = (item: ConversationListItem): Key => ({ k: (plan.order === "due" ? item.firstResponseDueAt : item.lastMessageAt) ?? 0, id: item.id });
  const pageOf = (items: ConversationListItem[], boundary: Key | null): ConversationPage => {
    const page = items.slice(0, plan.limit);
    const last = page[page.length - 1];
    if (items.length > plan.limit) return { items: page, nextCursor: cursorOf(keyOf(last)), partial: false };
    return { items: page, nextCursor: boundary ? cursorOf(boundary) : null, partial: !!boundary };
  };
  if (plan.kind === "hits") {
    const ids = [...new Set(await plan.hits())];
    return pageOf(ids.length ? (await plan.rows(ids)).map(toItem) : [], null);
  }
  let result: ConversationPage = { items: [], nextCursor: null, partial: false };
  for (const window of plan.windows) {
    // Each range is complete down to its last candidate; past the earliest such stop, rows may be unseen.
    let boundary: Key | null = null;
    const ids: number[] = [];
    for (const candidates of plan.candidates) {
      const found = await candidates(window);
      for (const row of found) ids.push(row.id);
      const tail = found[found.length - 1];
      const last = tail && { k: tail.at?.getTime() ?? 0, id: tail.id };
      if (found.length === window && last && (!boundary || compare(plan.order, last, boundary) < 0)) boundary = last;
    }
    const rows = ids.length ? (await plan.rows(ids, boundary)).map(toItem) : [];
    result = pageOf(rows, boundary);
    if (!result.partial) break;
  }
  return result;
}

function cursorOf(key: Key): string {
  return `${key.k}:${key.id}`;
}

type Row = Awaited<ReturnType<ReturnType<typeof listStatements>["rows"]>>[number];

const ms = (at: Date | null) => (at ? at.getTime() : null);

function toItem(r: Row): ConversationListItem {
  return {
    ...r,
    firstResponseDueAt: ms(r.firstResponseDueAt),
    atRiskAt: ms(r.atRiskAt),
    firstInboundAt: ms(r.firstInboundAt),
    lastMessageAt: r.lastMessageAt.getTime(),
    snoozedUntil: ms(r.snoozedUntil),
  };
}
