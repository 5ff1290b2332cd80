import { and, asc, desc, eq, gt, inArray, isNull, lt, not, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { bind, prepared } from "@/db/prepared";
import { CATEGORIES, STATUSES, channels, contacts, conversations, responseCycles, users } from "@/db/schema";
import { idList, inIdList, rangeWalkReadsRows, skipIndex, walksTogether } from "@/db/inbox";
import { filterConditions, type InboxFilters } from "./filters";
import { searchHitsMatch, searchHitsSubquery } from "./search";
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
 * A query of a page, built with placeholders and prepared once per shape (`key` names the shape;
 * every value travels in `placeholderValues`): building a query with drizzle costs more than SQLite running
 * these. It is also a SQLWrapper carrying its values, so the tests can read its query plan.
 */
export class InboxQuery<Row> implements SQLWrapper {
  constructor(
    private readonly db: Db,
    readonly key: string,
    private readonly build: (handle: Db) => { getSQL(): SQL; prepare(): { execute(values?: Record<string, unknown>): unknown } },
    readonly placeholderValues: Record<string, unknown>,
  ) {}

  getSQL(): SQL {
    return this.build(this.db).getSQL();
  }

  async execute(): Promise<Row[]> {
    return (await prepared(this.db, this.key, (handle) => this.build(handle).prepare()).execute(this.placeholderValues)) as Row[];
  }
}

// `condition(s)` names its placeholders with the suffix s, so several ranges fit in one statement.
type Range = { shape: string; condition: (s: string) => SQL; values: Record<string, unknown> };

const suffixed = (values: Record<string, unknown>, s: string) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name + s, value]));

/*
 * Each view is a union of index ranges that are already in the view's order: equality on an
 * index prefix whose next column is the sort key (conversations_queue for due time,
 * conversations_status or conversations_assignee for recent activity). A page reads a bounded
 * number of entries from each range and merges them, so its cost does not grow with the backlog.
 */
function ranges(brandId: number, statuses: readonly (typeof STATUSES)[number][], category: Category | null, assigneeId: number | null): Range[] {
  if (assigneeId != null)
    return statuses.map((status) => ({
      shape: category ? "assignee+category" : "assignee",
      condition: (s: string) =>
        and(eq(c.assigneeId, bind(`assigneeId${s}`)), eq(c.status, bind(`status${s}`)), eq(skipIndex(c.brandId), bind(`brandId${s}`)), category ? eq(skipIndex(c.category), bind(`category${s}`)) : undefined)!,
      values: { assigneeId, status, brandId, category },
    }));
  return statuses.flatMap((status) =>
    (category ? [category] : CATEGORIES).map((cat) => ({
      shape: "status",
      condition: (s: string) => and(eq(c.brandId, bind(`brandId${s}`)), eq(c.status, bind(`status${s}`)), eq(c.category, bind(`category${s}`)))!,
      values: { brandId, status, category: cat },
    })),
  );
}

function segments(view: View, brandId: number, userId: number, assigneeId: number | null): { ranges: Range[]; residual: SQL | undefined } {
  switch (view) {
    case "waiting":
      // awaiting_first_response = 1 never holds for a resolved conversation (resolving clears it).
      return assigneeId != null
        ? { ranges: ranges(brandId, ACTIVE, "request", assigneeId), residual: eq(skipIndex(c.awaitingFirstResponse), 1) }
        : { ranges: [{ shape: "queue", condition: (s: string) => and(eq(c.brandId, bind(`brandId${s}`)), eq(c.awaitingFirstResponse, true), eq(c.category, "request"))!, values: { brandId } }], residual: undefined };
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

const listRows = (db: Db) =>
  db
    .select(FIELDS)
    .from(c)
    .innerJoin(channels, eq(channels.id, c.channelId))
    .innerJoin(contacts, eq(contacts.id, c.contactId))
    .leftJoin(users, eq(users.id, c.assigneeId))
    .leftJoin(responseCycles, eq(responseCycles.id, c.currentCycleId));

type Row = Awaited<ReturnType<typeof listRows>>[number];

type Key = { k: number; id: number };

// A row of an index range's walk: its range, id and sort key, and whether it passes the filters
// when the walk checks them (PostgreSQL).
type Walked = { r: number; id: number; at: Date | null; hit?: boolean | null };

// The walks of several ranges as one statement.
const unionOf = <Q extends { unionAll(other: Q): unknown }>(parts: Q[]): Q => parts.reduce((all, one) => all.unionAll(one) as Q);

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
  // Past the key (k, id) named by two placeholders, in the view's order.
  const beyond = (k: string, id: string) =>
    order === "due" ? or(gt(key, bind(k)), and(eq(key, bind(k)), gt(c.id, bind(id))))! : or(lt(key, bind(k)), and(eq(key, bind(k)), lt(c.id, bind(id))))!;
  const after = parseCursor(cursor);
  const keyset = after ? beyond("k", "id") : undefined;
  const filter = filterConditions(filters, userId);
  const common = { ...filter.values, k: after?.k, id: after?.id, limit: limit + 1 };
  const shape = `${view}.${after ? "after" : "first"}.${filter.shape}`;
  // The page's ids first, from conversations alone; then the joins for those rows only. Joined
  // before the limit, PostgreSQL joined every candidate (thousands with a filter) and sorted after.
  // The joins never drop a row (channel and contact are required), so the page is the same.
  const rows = (name: string, where: (SQL | undefined)[], values: Record<string, unknown>) =>
    new InboxQuery<Row>(
      db,
      `inbox.${name}.${shape}`,
      (h) =>
        listRows(h)
          .where(
            inArray(
              c.id,
              h
                .select({ id: c.id })
                .from(c)
                .where(and(...where, ...filter.where))
                .orderBy(direction(key), direction(c.id))
                .limit(sql.placeholder("limit")),
            ),
          )
          .orderBy(direction(key), direction(c.id)),
      { ...common, ...values },
    );
  if (filter.words || view === "escalated") {
    // A bounded hit list (search matches, escalations) drives, in the same statement; the view and the filters narrow it.
    const words = filter.words;
    const hits = words ? sql`${c.id} IN (${searchHitsSubquery({ brandId: bind("brandId"), match: bind("match") })})` : inArray(c.id, unresolvedEscalations(db, bind("brandId")));
    const where = [hits, eq(skipIndex(c.brandId), bind("brandId")), viewCondition(view, bind("userId")), keyset];
    return {
      kind: "hits" as const,
      order,
      limit,
      rows: () => rows(words ? "search" : "escalated", where, { brandId, userId, match: words ? searchHitsMatch(brandId, words) : null }),
    };
  }
  const { ranges: list, residual } = segments(view, brandId, userId, filter.assigneeId);
  const bounded = filter.where.length > 0 || residual != null;
  // Where the walk reads each row anyway (db/inbox.ts), it says which rows pass the filters, so
  // only those travel on to the page's query instead of every entry walked.
  const check = bounded && rangeWalkReadsRows() ? and(...filter.where, residual) : undefined;
  const walkKey = `${order}.${after ? "after" : "first"}${check ? `.${view}.${filter.shape}` : ""}`;
  const walkValues = (window: number) => ({ ...(check ? filter.values : {}), k: after?.k, id: after?.id, window });
  const walk = (h: Db, range: Range, s: string, from: SQL | undefined = keyset, window = "window") =>
    h
      .select({ r: sql<number>`${sql.raw(String(Number(s || 0)))}`.mapWith(Number), id: c.id, at: key, ...(check ? { hit: sql<boolean | null>`${check}` } : {}) })
      .from(c)
      .where(and(range.condition(s), from))
      .orderBy(direction(key), direction(c.id))
      .limit(sql.placeholder(window));
  const candidates = list.map(
    (range) => (window: number) => new InboxQuery<Walked>(db, `inbox.range.${range.shape}.${walkKey}`, (h) => walk(h, range, ""), { ...range.values, ...walkValues(window) }),
  );
  // Where each statement is a round trip to a server (db/inbox.ts), the ranges walk in one statement (UNION ALL).
  const together =
    list.length > 1 && walksTogether()
      ? (window: number) =>
          new InboxQuery<Walked>(
            db,
            `inbox.ranges.${list.map((range) => range.shape).join("+")}.${walkKey}`,
            (h) => unionOf(list.map((range, i) => walk(h, range, String(i)))),
            Object.assign({}, ...list.map((range, i) => suffixed(range.values, String(i))), walkValues(window)),
          )
      : null;
  // Each range walked on past its own last row (placeholders k<i>, id<i>) by window<i> rows (0
  // leaves it out), in one statement, where the walk says which rows pass the filters.
  const onwardKey = `${order}.${view}.${filter.shape}`;
  const onwardValues = (tails: (Key | null)[], windows: number[]) =>
    Object.assign(
      { ...filter.values },
      ...list.map((range, i) => ({ ...suffixed(range.values, String(i)), [`k${i}`]: tails[i]?.k ?? 0, [`id${i}`]: tails[i]?.id ?? 0, [`window${i}`]: windows[i] })),
    ) as Record<string, unknown>;
  const onwardOf = (h: Db, range: Range, i: number) => walk(h, range, String(i), beyond(`k${i}`, `id${i}`), `window${i}`);
  const onward =
    check && walksTogether()
      ? (tails: (Key | null)[], windows: number[]) =>
          new InboxQuery<Walked>(
            db,
            `inbox.onward.${list.map((range) => range.shape).join("+")}.${onwardKey}`,
            (h) => unionOf(list.map((range, i) => onwardOf(h, range, i))),
            onwardValues(tails, windows),
          )
      : null;
  return {
    kind: "ranges" as const,
    order,
    limit,
    windows: bounded ? SCAN_WINDOWS : ([limit + 1] as const),
    candidates,
    together,
    onward,
    // Rows past the boundary (the earliest point where a range stopped) could hide unseen matches.
    rows: (ids: number[], boundary: Key | null) =>
      rows(boundary ? "bounded" : "rows", [inIdList(c.id, bind("ids")), residual, boundary ? not(beyond("bk", "bid")) : undefined], { ids: idList(ids), bk: boundary?.k, bid: boundary?.id }),
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
  if (plan.kind === "hits") return pageOf((await plan.rows().execute()).map(toItem), null);
  if (plan.onward) {
    const walked = await walkOnward(plan, plan.onward);
    if (walked) {
      const rows = walked.ids.length ? (await plan.rows(walked.ids, walked.boundary).execute()).map(toItem) : [];
      return pageOf(rows, walked.boundary);
    }
  }
  let result: ConversationPage = { items: [], nextCursor: null, partial: false };
  for (const window of plan.windows) {
    // Each range is complete down to its last candidate; past the earliest such stop, rows may be unseen.
    let boundary: Key | null = null;
    const ids: number[] = [];
    const walked = plan.together ? await plan.together(window).execute() : null;
    for (const [r, candidates] of plan.candidates.entries()) {
      // A UNION ALL keeps each part's order in practice, not by promise: sorted again to be sure,
      // a missing key last as PostgreSQL (the only engine that walks together) orders it.
      const found = walked
        ? walked.filter((row) => row.r === r).sort((a, b) => compare(plan.order, { k: a.at?.getTime() ?? Infinity, id: a.id }, { k: b.at?.getTime() ?? Infinity, id: b.id }))
        : await candidates(window).execute();
      for (const row of found) if (row.hit === undefined || row.hit === true) ids.push(row.id);
      const tail = found[found.length - 1];
      const last = tail && { k: tail.at?.getTime() ?? 0, id: tail.id };
      if (found.length === window && last && (!boundary || compare(plan.order, last, boundary) < 0)) boundary = last;
    }
    const rows = ids.length ? (await plan.rows(ids, boundary).execute()).map(toItem) : [];
    result = pageOf(rows, boundary);
    if (!result.partial) break;
  }
  return result;
}

type Walk = { hits: Key[]; first: Key | null; tail: Key | null; walked: number; done: boolean };
type RangesPlan = Extract<ReturnType<typeof listStatements>, { kind: "ranges" }>;

/*
 * A filtered page where the walk says which rows pass (PostgreSQL): every range walks a first
 * small window, then only the ranges that could still hold a row before the page's last match walk
 * on from where they stopped, each by as many rows as its own density says it needs, until each
 * range is complete down to that point or has read its share (the last of SCAN_WINDOWS). A view
 * whose ranges differ in density (a year of noise beside a week of requests) reads a few hundred
 * rows instead of walking every range to the same large window. Null when a row has no sort key
 * (the caller then walks by fixed windows).
 */
async function walkOnward(plan: RangesPlan, onward: NonNullable<RangesPlan["onward"]>) {
  const budget = SCAN_WINDOWS[SCAN_WINDOWS.length - 1];
  const order = plan.order;
  const walks: Walk[] = plan.candidates.map(() => ({ hits: [], first: null, tail: null, walked: 0, done: false }));
  const absorb = (found: Walked[], windows: number[]): boolean => {
    const byRange = walks.map(() => [] as typeof found);
    for (const row of found) byRange[row.r]?.push(row);
    for (const [r, rows] of byRange.entries()) {
      if (windows[r] === 0) continue;
      const walk = walks[r];
      for (const row of rows) {
        if (row.at == null) return false;
        const key = { k: row.at.getTime(), id: row.id };
        // A UNION ALL keeps each part's order in practice, not by promise: the tail is the last in order.
        if (!walk.first || compare(order, key, walk.first) < 0) walk.first = key;
        if (!walk.tail || compare(order, key, walk.tail) > 0) walk.tail = key;
        if (row.hit === true) walk.hits.push(key);
      }
      walk.walked += rows.length;
      walk.done = rows.length < windows[r];
    }
    return true;
  };
  if (walks.length === 0) return { ids: [], boundary: null };
  let windows: number[] = walks.map(() => SCAN_WINDOWS[0]);
  const first = await (plan.together ?? plan.candidates[0])(windows[0]).execute();
  if (!absorb(first, windows)) return null;
  for (let round = 0; round < 8; round++) {
    const hits = walks.flatMap((w) => w.hits).sort((a, b) => compare(order, a, b));
    const cutoff = hits.length > plan.limit ? hits[plan.limit] : null;
    windows = walks.map((w) => {
      // Rows past a range's tail come after it: from the cut-off on, they cannot enter the page.
      if (w.done || !w.tail || w.walked >= budget || (cutoff && compare(order, w.tail, cutoff) >= 0)) return 0;
      let want: number;
      if (cutoff && w.first && w.first.k !== w.tail.k) want = Math.ceil((w.walked / Math.abs(w.first.k - w.tail.k)) * Math.abs(w.tail.k - cutoff.k) * 1.25) + 16;
      else if (hits.length > 0) want = Math.ceil(w.walked * ((plan.limit + 1) / hits.length) * 1.25);
      else want = w.walked * 4;
      return Math.max(64, Math.min(budget - w.walked, want));
    });
    if (windows.every((n) => n === 0)) break;
    const found = await onward(walks.map((w) => w.tail), windows).execute();
    if (!absorb(found, windows)) return null;
  }
  // Each range is complete down to its tail; past the earliest tail of a range cut short, rows may be unseen.
  let boundary: Key | null = null;
  for (const w of walks) if (!w.done && w.tail && (!boundary || compare(order, w.tail, boundary) < 0)) boundary = w.tail;
  const ids = walks
    .flatMap((w) => w.hits)
    .filter((key) => !boundary || compare(order, key, boundary) <= 0)
    .sort((a, b) => compare(order, a, b))
    .slice(0, plan.limit + 1)
    .map((key) => key.id);
  return { ids, boundary };
}

function cursorOf(key: Key): string {
  return `${key.k}:${key.id}`;
}

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
