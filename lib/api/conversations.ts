import type { z } from "zod";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { ftsQuery, searchHitsSql } from "@/lib/inbox/search";
import type { conversationFilterSchema } from "./events";

type Filters = z.output<typeof conversationFilterSchema>;

const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

type Row = Record<string, unknown>;

const SELECT = `
  SELECT c.id, c.status, c.category, c.complaint, c.sentiment, c.sentiment_score, c.language, c.priority,
         c.assignee_id, u.name AS assignee_name, ch.id AS channel_id, ch.kind AS channel_kind, ch.name AS channel_name,
         ct.id AS contact_id, ct.handle AS contact_handle, ct.name AS contact_name,
         r.started_at, r.first_response_at, r.due_at, r.sla_state, c.last_message_at, c.preview
    FROM conversations c
    JOIN channels ch ON ch.id = c.channel_id
    JOIN contacts ct ON ct.id = c.contact_id
    LEFT JOIN users u ON u.id = c.assignee_id
    LEFT JOIN response_cycles r ON r.id = c.current_cycle_id`;

function toApi(r: Row) {
  return {
    id: String(r.id),
    status: r.status,
    category: r.category,
    complaint: !!r.complaint,
    sentiment: r.sentiment,
    sentimentScore: r.sentiment_score,
    language: r.language ?? null,
    priority: r.priority,
    assignee: r.assignee_id ? { id: String(r.assignee_id), name: r.assignee_name } : null,
    channel: { id: String(r.channel_id), kind: r.channel_kind, name: r.channel_name },
    contact: { id: String(r.contact_id), handle: r.contact_handle ?? null, name: r.contact_name ?? null },
    firstInboundAt: iso(r.started_at as number | null),
    firstResponseAt: iso(r.first_response_at as number | null),
    firstResponseDueAt: iso(r.due_at as number | null),
    slaState: r.sla_state ?? null,
    lastMessageAt: iso(r.last_message_at as number),
    preview: r.preview,
  };
}

// Newest activity first, keyset cursor "<lastMessageAt>:<id>".
export function apiListConversations({ db, brandId, filters }: { db: Db; brandId: number; filters: Filters }) {
  const where = ["c.brand_id = @brandId"];
  const params: Record<string, unknown> = { brandId, limit: filters.limit + 1 };
  const equal: [keyof Filters, string, (v: string) => unknown][] = [
    ["status", "c.status", String],
    ["category", "c.category", String],
    ["channel", "c.channel_id", Number],
    ["slaState", "r.sla_state", String],
  ];
  for (const [key, column, cast] of equal) {
    const value = filters[key];
    if (typeof value !== "string") continue;
    where.push(`${column} = @${key}`);
    params[key] = cast(value);
  }
  if (filters.assignee === "none") where.push("c.assignee_id IS NULL");
  else if (filters.assignee) {
    where.push("c.assignee_id = @assignee");
    params.assignee = Number(filters.assignee);
  }
  if (filters.q) {
    const match = ftsQuery(filters.q);
    if (match) {
      // The full-text index leads (the brand's newest matches), never a walk over the brand's messages.
      where.push(`c.id IN (${searchHitsSql()})`);
      params.f_q = match;
    }
  }
  if (filters.cursor) {
    const [at, id] = filters.cursor.split(":").map(Number);
    if (!Number.isFinite(at) || !Number.isFinite(id)) throw new AppError("bad_request:cursor", "Invalid cursor.");
    where.push("(c.last_message_at < @at OR (c.last_message_at = @at AND c.id < @id))");
    Object.assign(params, { at, id });
  }
  const rows = db.$client.prepare(`${SELECT} WHERE ${where.join(" AND ")} ORDER BY c.last_message_at DESC, c.id DESC LIMIT @limit`).all(params) as Row[];
  const page = rows.slice(0, filters.limit);
  const last = page[page.length - 1];
  return {
    conversations: page.map(toApi),
    nextCursor: rows.length > filters.limit && last ? `${last.last_message_at}:${last.id}` : null,
  };
}

export function apiGetConversation({ db, brandId, id }: { db: Db; brandId: number; id: number }) {
  const row = db.$client.prepare(`${SELECT} WHERE c.id = ? AND c.brand_id = ?`).get(id, brandId) as Row | undefined;
  if (!row) throw new AppError("not_found:conversation");
  const messages = db.$client
    .prepare(
      `SELECT id, direction, external_id, text, created_at, received_at, automated, language, category, complaint, sentiment,
              sentiment_score, delivery_state, edited_at, deleted_on_platform_at, in_reply_to_external_id, user_id
         FROM messages WHERE conversation_id = ? ORDER BY created_at, id`,
    )
    .all(id) as Row[];
  const cycles = db.$client
    .prepare(
      `SELECT number, category, started_at, first_response_at, first_response_seconds, first_response_business_seconds,
              target_seconds, due_at, sla_state, resolved_at FROM response_cycles WHERE conversation_id = ? ORDER BY number`,
    )
    .all(id) as Row[];
  return {
    ...toApi(row),
    messages: messages.map((m) => ({
      id: String(m.id),
      direction: m.direction,
      externalId: m.external_id ?? null,
      inReplyTo: m.in_reply_to_external_id ?? null,
      text: m.text,
      createdAt: iso(m.created_at as number),
      receivedAt: iso(m.received_at as number),
      automated: !!m.automated,
      language: m.language ?? null,
      category: m.category ?? null,
      complaint: m.complaint == null ? null : !!m.complaint,
      sentiment: m.sentiment ?? null,
      sentimentScore: m.sentiment_score ?? null,
      deliveryState: m.delivery_state ?? null,
      editedAt: iso(m.edited_at as number | null),
      deletedOnPlatformAt: iso(m.deleted_on_platform_at as number | null),
    })),
    cycles: cycles.map((c) => ({
      number: c.number,
      category: c.category,
      startedAt: iso(c.started_at as number),
      firstResponseAt: iso(c.first_response_at as number | null),
      firstResponseSeconds: c.first_response_seconds ?? null,
      firstResponseBusinessSeconds: c.first_response_business_seconds ?? null,
      targetSeconds: c.target_seconds,
      dueAt: iso(c.due_at as number),
      slaState: c.sla_state,
      resolvedAt: iso(c.resolved_at as number | null),
    })),
  };
}
