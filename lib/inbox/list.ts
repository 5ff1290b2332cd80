import type { Db } from "@/db/client";

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
  slaState: string | null;
  firstResponseDueAt: number | null;
  firstInboundAt: number | null;
  lastMessageAt: number;
  preview: string;
  escalationLevel: number;
  channel: { id: number; kind: string; name: string };
  contact: { id: number; handle: string | null; name: string | null };
  assignee: { id: number; name: string } | null;
};

const VIEW_WHERE: Record<View, string> = {
  waiting: "c.awaiting_first_response = 1 AND c.category = 'request' AND c.status != 'resolved'",
  mine: "c.assignee_id = @userId AND c.status != 'resolved'",
  unassigned: "c.assignee_id IS NULL AND c.category = 'request' AND c.status != 'resolved'",
  open: "c.status = 'open' AND c.category = 'request'",
  pending: "c.status = 'pending'",
  snoozed: "c.status = 'snoozed'",
  resolved: "c.status = 'resolved'",
  noise: "c.category = 'noise' AND c.status != 'resolved'",
  escalated: "c.escalation_level > 0 AND c.status != 'resolved'",
};

// Urgent first in the queue (due time); elsewhere newest activity first. Keyset pagination.
const VIEW_ORDER: Record<View, "due" | "recent"> = {
  waiting: "due",
  mine: "recent",
  unassigned: "due",
  open: "recent",
  pending: "recent",
  snoozed: "recent",
  resolved: "recent",
  noise: "recent",
  escalated: "recent",
};

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
  sla_state: string | null;
  first_response_due_at: number | null;
  first_inbound_at: number | null;
  last_message_at: number;
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

export function listConversations({
  db,
  brandId,
  view = "waiting",
  userId,
  limit = 50,
  cursor,
}: {
  db: Db;
  brandId: number;
  view?: View;
  userId: number;
  limit?: number;
  cursor?: string | null;
}): { items: ConversationListItem[]; nextCursor: string | null } {
  const order = VIEW_ORDER[view];
  const sortColumn = order === "due" ? "c.first_response_due_at" : "c.last_message_at";
  const direction = order === "due" ? "ASC" : "DESC";
  const [cursorValue, cursorId] = (cursor ?? "").split(":").map(Number);
  const keyset = cursor
    ? order === "due"
      ? `AND (${sortColumn} > @cv OR (${sortColumn} = @cv AND c.id > @cid))`
      : `AND (${sortColumn} < @cv OR (${sortColumn} = @cv AND c.id < @cid))`
    : "";
  const rows = db.$client
    .prepare(
      `SELECT c.id, c.brand_id, c.status, c.category, c.complaint, c.sentiment, c.sentiment_score, c.language, c.priority,
              c.sla_state, c.first_response_due_at, c.first_inbound_at, c.last_message_at, c.preview, c.escalation_level,
              ch.id AS channel_id, ch.kind AS channel_kind, ch.name AS channel_name,
              ct.id AS contact_id, ct.handle AS contact_handle, ct.name AS contact_name,
              u.id AS assignee_id, u.name AS assignee_name
         FROM conversations c
         JOIN channels ch ON ch.id = c.channel_id
         JOIN contacts ct ON ct.id = c.contact_id
         LEFT JOIN users u ON u.id = c.assignee_id
        WHERE c.brand_id = @brandId AND ${VIEW_WHERE[view]} ${keyset}
        ORDER BY ${sortColumn} ${direction}, c.id ${direction}
        LIMIT @limit`,
    )
    .all({ brandId, userId, limit: limit + 1, cv: cursorValue || 0, cid: cursorId || 0 }) as Row[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? `${order === "due" ? last.first_response_due_at : last.last_message_at}:${last.id}` : null;
  return { items: page.map(toItem), nextCursor };
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
    slaState: r.sla_state,
    firstResponseDueAt: r.first_response_due_at,
    firstInboundAt: r.first_inbound_at,
    lastMessageAt: r.last_message_at,
    preview: r.preview,
    escalationLevel: r.escalation_level,
    channel: { id: r.channel_id, kind: r.channel_kind, name: r.channel_name },
    contact: { id: r.contact_id, handle: r.contact_handle, name: r.contact_name },
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? "" } : null,
  };
}

// One pass over the brand's conversations for every view's count.
export function countViews({ db, brandId, userId }: { db: Db; brandId: number; userId: number }): Record<View, number> {
  const columns = VIEWS.map((view) => `coalesce(sum(${VIEW_WHERE[view]}), 0) AS "${view}"`).join(", ");
  return db.$client.prepare(`SELECT ${columns} FROM conversations c WHERE c.brand_id = @brandId`).get({ brandId, userId }) as Record<View, number>;
}
