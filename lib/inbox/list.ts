import type { Db } from "@/db/client";
import { filterSql, type InboxFilters } from "./filters";
import { searchHitsSql } from "./search";

// Escalated means an escalation still waiting for someone; escalations_brand_status reads just those.
export const UNRESOLVED_ESCALATIONS_SQL = "SELECT conversation_id FROM escalations WHERE brand_id = @brandId AND status IN ('open', 'acknowledged')";

export const VIEWS = ["waiting", "mine", "unassigned", "open", "pending", "snoozed", "resolved", "noise", "escalated"] as const;
export type View = (typeof VIEWS)[number];

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

const ACTIVE = ["open", "pending", "snoozed"] as const;
const OPEN_SQL = "c.status IN ('open', 'pending', 'snoozed')";

// What each view means, as one predicate (also the hit-list path and the tests use it).
const VIEW_WHERE: Record<View, string> = {
  waiting: `c.awaiting_first_response = 1 AND c.category = 'request' AND ${OPEN_SQL}`,
  mine: `c.assignee_id = @userId AND ${OPEN_SQL}`,
  unassigned: `c.assignee_id IS NULL AND c.category = 'request' AND ${OPEN_SQL}`,
  open: "c.status = 'open' AND c.category = 'request'",
  pending: "c.status = 'pending'",
  snoozed: "c.status = 'snoozed'",
  resolved: "c.status = 'resolved'",
  noise: `c.category = 'noise' AND ${OPEN_SQL}`,
  escalated: `c.escalation_level > 0 AND ${OPEN_SQL}`,
};

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

/*
 * Each view is a union of index ranges that are already in the view's order: equality on an
 * index prefix whose next column is the sort key (conversations_queue for due time,
 * conversations_status or conversations_assignee for recent activity). A page reads a bounded
 * number of entries from each range and merges them, so its cost does not grow with the backlog.
 */
function ranges(statuses: readonly string[], category: "request" | "noise" | null, assignee: string | null): string[] {
  if (assignee)
    return statuses.map((s) => `c.assignee_id = ${assignee} AND c.status = '${s}' AND +c.brand_id = @brandId${category ? ` AND +c.category = '${category}'` : ""}`);
  return statuses.flatMap((s) => (category ? [category] : ["request", "noise"]).map((cat) => `c.brand_id = @brandId AND c.status = '${s}' AND c.category = '${cat}'`));
}

function segments(view: View, assignee: string | null): { ranges: string[]; residual: string | null } {
  switch (view) {
    case "waiting":
      // awaiting_first_response = 1 never holds for a resolved conversation (resolving clears it).
      return assignee
        ? { ranges: ranges(ACTIVE, "request", assignee), residual: "+c.awaiting_first_response = 1" }
        : { ranges: ["c.brand_id = @brandId AND c.awaiting_first_response = 1 AND c.category = 'request'"], residual: null };
    case "mine":
      return { ranges: ranges(ACTIVE, null, "@userId"), residual: null };
    case "unassigned":
      return assignee ? { ranges: [], residual: null } : { ranges: ranges(ACTIVE, "request", null), residual: "+c.assignee_id IS NULL" };
    case "open":
      return { ranges: ranges(["open"], "request", assignee), residual: null };
    case "pending":
    case "snoozed":
    case "resolved":
      return { ranges: ranges([view], null, assignee), residual: null };
    case "noise":
      return { ranges: ranges(ACTIVE, "noise", assignee), residual: null };
    case "escalated":
      return { ranges: [], residual: null };
  }
}

const COLUMNS = `c.id, c.brand_id, c.status, c.category, c.complaint, c.sentiment, c.sentiment_score, c.language, c.priority, c.labels,
       c.sla_state, c.first_response_due_at, r.at_risk_at, c.first_inbound_at, c.last_message_at, c.snoozed_until, c.preview,
       c.escalation_level, ch.id AS channel_id, ch.kind AS channel_kind, ch.name AS channel_name,
       ct.id AS contact_id, ct.handle AS contact_handle, ct.name AS contact_name,
       u.id AS assignee_id, u.name AS assignee_name`;

const JOINS = `JOIN channels ch ON ch.id = c.channel_id
  JOIN contacts ct ON ct.id = c.contact_id
  LEFT JOIN users u ON u.id = c.assignee_id
  LEFT JOIN response_cycles r ON r.id = c.current_cycle_id`;

type Row = {
  id: number;
  brand_id: number;
  status: string;
  category: string;
  complaint: number;
  sentiment: string;
  sentiment_score: number;
  language: string | null;
  priority: string;
  labels: string;
  sla_state: string | null;
  first_response_due_at: number | null;
  at_risk_at: number | null;
  first_inbound_at: number | null;
  last_message_at: number;
  snoozed_until: number | null;
  preview: string;
  escalation_level: number;
  channel_id: number;
  channel_kind: string;
  channel_name: string;
  contact_id: number;
  contact_handle: string | null;
  contact_name: string | null;
  assignee_id: number | null;
  assignee_name: string | null;
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

type Statement = { sql: string; params: Record<string, unknown> };

// The statements a page runs; exported so the tests can check every path's query plan.
export function listStatements({ brandId, view = "waiting", userId, filters = {}, limit = 50, cursor }: Omit<ListArgs, "db">) {
  const order = VIEW_ORDER[view];
  const key = order === "due" ? "c.first_response_due_at" : "c.last_message_at";
  const dir = order === "due" ? "ASC" : "DESC";
  const after = parseCursor(cursor);
  const filter = filterSql(filters, userId);
  const params: Record<string, unknown> = { brandId, userId, ...filter.params, cv: after?.k ?? 0, cid: after?.id ?? 0, limit: limit + 1 };
  const beyond = (k: string, id: string) => (order === "due" ? `(${key} > ${k} OR (${key} = ${k} AND c.id > ${id}))` : `(${key} < ${k} OR (${key} = ${k} AND c.id < ${id}))`);
  const keyset = after ? beyond("@cv", "@cid") : "1";
  const filterWhere = filter.where.length ? filter.where.join(" AND ") : "1";
  const orderBy = `ORDER BY ${key} ${dir}, c.id ${dir}`;
  const hits = filter.search ? searchHitsSql() : view === "escalated" ? UNRESOLVED_ESCALATIONS_SQL : null;
  if (hits) {
    // A bounded hit list (search matches, escalations) drives; the view and the filters narrow it.
    const rows: Statement = {
      sql: `SELECT ${COLUMNS} FROM (SELECT DISTINCT conversation_id AS id FROM (${hits})) h CROSS JOIN conversations c ON c.id = h.id ${JOINS}
             WHERE c.brand_id = @brandId AND ${VIEW_WHERE[view]} AND ${filterWhere} AND ${keyset}
             ${orderBy} LIMIT @limit`,
      params,
    };
    return { kind: "hits" as const, order, limit, rows };
  }
  const assignee = filter.assignee ? "@f_assignee" : null;
  const { ranges: list, residual } = segments(view, assignee);
  const bounded = filter.where.length > 0 || residual != null;
  const candidates: Statement[] = list.map((range) => ({
    sql: `SELECT c.id, ${key} AS k FROM conversations c WHERE ${range} AND ${keyset} ${orderBy} LIMIT @window`,
    params,
  }));
  // Rows past @bk/@bid (the earliest point where a range stopped) could hide unseen matches.
  const rows: Statement = {
    sql: `SELECT ${COLUMNS} FROM conversations c ${JOINS}
           WHERE c.id IN (SELECT value FROM json_each(@ids)) AND ${residual ?? "1"} AND ${filterWhere}
             AND (@bk IS NULL OR NOT ${beyond("@bk", "@bid")})
           ${orderBy} LIMIT @limit`,
    params,
  };
  return { kind: "ranges" as const, order, limit, windows: bounded ? SCAN_WINDOWS : ([limit + 1] as const), candidates, rows };
}

function compare(order: "due" | "recent", a: Key, b: Key): number {
  const sign = order === "due" ? 1 : -1;
  return a.k !== b.k ? sign * (a.k - b.k) : sign * (a.id - b.id);
}

export function listConversations({ db, ...args }: ListArgs): ConversationPage {
  const plan = listStatements(args);
  const keyOf = (r: Row): Key => ({ k: (plan.order === "due" ? r.first_response_due_at : r.last_message_at) ?? 0, id: r.id });
  const pageOf = (rows: Row[], boundary: Key | null): ConversationPage => {
    const page = rows.slice(0, plan.limit);
    const last = page[page.length - 1];
    if (rows.length > plan.limit) return { items: page.map(toItem), nextCursor: cursorOf(keyOf(last)), partial: false };
    return { items: page.map(toItem), nextCursor: boundary ? cursorOf(boundary) : null, partial: !!boundary };
  };
  if (plan.kind === "hits") return pageOf(db.$client.prepare(plan.rows.sql).all(plan.rows.params) as Row[], null);
  const candidates = plan.candidates.map((c) => db.$client.prepare(c.sql));
  const rowsStatement = db.$client.prepare(plan.rows.sql);
  let result: ConversationPage = { items: [], nextCursor: null, partial: false };
  for (const window of plan.windows) {
    // Each range is complete down to its last candidate; past the earliest such stop, rows may be unseen.
    let boundary: Key | null = null;
    const ids: number[] = [];
    for (const statement of candidates) {
      const found = statement.all({ ...plan.rows.params, window }) as Key[];
      for (const c of found) ids.push(c.id);
      const last = found[found.length - 1];
      if (found.length === window && last && (!boundary || compare(plan.order, last, boundary) < 0)) boundary = last;
    }
    const rows = ids.length
      ? (rowsStatement.all({ ...plan.rows.params, ids: JSON.stringify(ids), bk: boundary?.k ?? null, bid: boundary?.id ?? null }) as Row[])
      : [];
    result = pageOf(rows, boundary);
    if (!result.partial) break;
  }
  return result;
}

function cursorOf(key: Key): string {
  return `${key.k}:${key.id}`;
}

function parseLabels(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

function toItem(r: Row): ConversationListItem {
  return {
    id: r.id,
    brandId: r.brand_id,
    status: r.status,
    category: r.category,
    complaint: !!r.complaint,
    sentiment: r.sentiment,
    sentimentScore: r.sentiment_score,
    language: r.language,
    priority: r.priority,
    labels: parseLabels(r.labels),
    slaState: r.sla_state,
    firstResponseDueAt: r.first_response_due_at,
    atRiskAt: r.at_risk_at,
    firstInboundAt: r.first_inbound_at,
    lastMessageAt: r.last_message_at,
    snoozedUntil: r.snoozed_until,
    preview: r.preview,
    escalationLevel: r.escalation_level,
    channel: { id: r.channel_id, kind: r.channel_kind, name: r.channel_name },
    contact: { id: r.contact_id, handle: r.contact_handle, name: r.contact_name },
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? "" } : null,
  };
}

export { countViews } from "./counts";
export { VIEW_WHERE };
