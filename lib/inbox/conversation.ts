import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";

export type ThreadMessage = {
  id: number;
  direction: "inbound" | "outbound" | "note";
  text: string;
  createdAt: number;
  automated: boolean;
  language: string | null;
  category: string | null;
  complaint: boolean | null;
  sentiment: string | null;
  reasons: string[];
  url: string | null;
  editedAt: number | null;
  deletedOnPlatformAt: number | null;
  hiddenAt: number | null;
  hiddenReason: string | null;
  visibility: "public" | "private";
  deliveryState: string | null;
  lastError: string | null;
  author: string;
};

export type CycleSummary = {
  number: number;
  category: string;
  startedAt: number;
  firstResponseAt: number | null;
  firstResponseSeconds: number | null;
  targetSeconds: number;
  dueAt: number;
  slaState: string;
  resolvedAt: number | null;
};

// Fetch-or-throw within the caller's brand: another brand's conversation does not exist.
export function requireConversation({ db, brandId, id }: { db: Db; brandId: number; id: number }) {
  const row = db.$client
    .prepare(
      `SELECT c.*, ch.kind AS channel_kind, ch.name AS channel_name, ct.handle AS contact_handle, ct.name AS contact_name,
              ct.followers AS contact_followers, ct.external_id AS contact_external_id, ct.blocked AS contact_blocked, u.name AS assignee_name
         FROM conversations c JOIN channels ch ON ch.id = c.channel_id JOIN contacts ct ON ct.id = c.contact_id
         LEFT JOIN users u ON u.id = c.assignee_id
        WHERE c.id = ? AND c.brand_id = ?`,
    )
    .get(id, brandId) as Record<string, unknown> | undefined;
  if (!row) throw new AppError("not_found:conversation");
  return row;
}

export function threadMessages({ db, conversationId }: { db: Db; conversationId: number }): ThreadMessage[] {
  const rows = db.$client
    .prepare(
      `SELECT m.*, u.name AS user_name, ct.name AS contact_name, ct.handle AS contact_handle
         FROM messages m LEFT JOIN users u ON u.id = m.user_id LEFT JOIN contacts ct ON ct.id = m.contact_id
        WHERE m.conversation_id = ? ORDER BY m.created_at, m.id`,
    )
    .all(conversationId) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as number,
    direction: r.direction as ThreadMessage["direction"],
    text: r.text as string,
    createdAt: r.created_at as number,
    automated: !!r.automated,
    language: (r.language as string) ?? null,
    category: (r.category as string) ?? null,
    complaint: r.complaint == null ? null : !!r.complaint,
    sentiment: (r.sentiment as string) ?? null,
    reasons: r.reasons ? (JSON.parse(r.reasons as string) as string[]) : [],
    url: (r.url as string) ?? null,
    editedAt: (r.edited_at as number) ?? null,
    deletedOnPlatformAt: (r.deleted_on_platform_at as number) ?? null,
    hiddenAt: (r.hidden_at as number) ?? null,
    hiddenReason: (r.hidden_reason as string) ?? null,
    visibility: r.visibility as ThreadMessage["visibility"],
    deliveryState: (r.delivery_state as string) ?? null,
    lastError: (r.last_error as string) ?? null,
    author:
      r.direction === "inbound"
        ? ((r.contact_name as string) ?? (r.contact_handle as string) ?? "Customer")
        : r.automated
          ? "Auto-reply"
          : ((r.user_name as string) ?? "Brand"),
  }));
}

export function conversationCycles({ db, conversationId }: { db: Db; conversationId: number }): CycleSummary[] {
  return db.$client
    .prepare(
      `SELECT number, category, started_at AS startedAt, first_response_at AS firstResponseAt,
              first_response_seconds AS firstResponseSeconds, target_seconds AS targetSeconds, due_at AS dueAt,
              sla_state AS slaState, resolved_at AS resolvedAt
         FROM response_cycles WHERE conversation_id = ? ORDER BY number`,
    )
    .all(conversationId) as CycleSummary[];
}
