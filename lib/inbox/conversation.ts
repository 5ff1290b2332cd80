import { and, asc, count, eq } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { channels, contacts, conversations, messages, responseCycles, users } from "@/db/schema";
import { inIdList } from "@/db/inbox";
import { AppError } from "@/lib/errors";

export type Conversation = typeof conversations.$inferSelect;

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

// The one scope check: fetch-or-throw within the caller's brand; another brand's conversation does not exist.
export async function requireConversation({ db = database(), brandId, id }: { db?: Db; brandId: number; id: number }): Promise<Conversation> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.brandId, brandId)))
    .limit(1);
  if (!row) throw new AppError("not_found:conversation");
  return row;
}

// The same check for a selection: every id must be a conversation of the brand, or nothing happens.
export async function requireConversations({ db, brandId, ids }: { db: Db; brandId: number; ids: number[] }): Promise<number[]> {
  if (ids.length === 0) throw new AppError("bad_request:selection", "Select at least one conversation.");
  const unique = [...new Set(ids)];
  const [found] = await db
    .select({ n: count() })
    .from(conversations)
    .where(and(eq(conversations.brandId, brandId), inIdList(conversations.id, unique)));
  if (found.n !== unique.length) throw new AppError("not_found:conversation");
  return unique;
}

// The conversation with its channel and its author, as the conversation pane shows them.
export async function conversationDetail({ db = database(), brandId, id }: { db?: Db; brandId: number; id: number }) {
  const conversation = await requireConversation({ db, brandId, id });
  const [party] = await db
    .select({
      channel: { kind: channels.kind, name: channels.name },
      contact: { id: contacts.id, handle: contacts.handle, name: contacts.name, followers: contacts.followers, blocked: contacts.blocked },
    })
    .from(channels)
    .innerJoin(contacts, eq(contacts.id, conversation.contactId))
    .where(eq(channels.id, conversation.channelId))
    .limit(1);
  return { ...conversation, ...party };
}

const ms = (at: Date | null) => (at ? at.getTime() : null);

export async function threadMessages({ db = database(), conversationId }: { db?: Db; conversationId: number }): Promise<ThreadMessage[]> {
  const m = messages;
  const rows = await db
    .select({
      id: m.id,
      direction: m.direction,
      text: m.text,
      createdAt: m.createdAt,
      automated: m.automated,
      language: m.language,
      category: m.category,
      complaint: m.complaint,
      sentiment: m.sentiment,
      reasons: m.reasons,
      url: m.url,
      editedAt: m.editedAt,
      deletedOnPlatformAt: m.deletedOnPlatformAt,
      hiddenAt: m.hiddenAt,
      hiddenReason: m.hiddenReason,
      visibility: m.visibility,
      deliveryState: m.deliveryState,
      lastError: m.lastError,
      userName: users.name,
      contactName: contacts.name,
      contactHandle: contacts.handle,
    })
    .from(m)
    .leftJoin(users, eq(users.id, m.userId))
    .leftJoin(contacts, eq(contacts.id, m.contactId))
    .where(eq(m.conversationId, conversationId))
    .orderBy(asc(m.createdAt), asc(m.id));
  return rows.map(({ userName, contactName, contactHandle, ...r }) => ({
    ...r,
    createdAt: r.createdAt.getTime(),
    reasons: r.reasons ?? [],
    editedAt: ms(r.editedAt),
    deletedOnPlatformAt: ms(r.deletedOnPlatformAt),
    hiddenAt: ms(r.hiddenAt),
    author: r.direction === "inbound" ? (contactName ?? contactHandle ?? "Customer") : r.automated ? "Auto-reply" : (userName ?? "Brand"),
  }));
}

export async function conversationCycles({ db = database(), conversationId }: { db?: Db; conversationId: number }): Promise<CycleSummary[]> {
  const r = responseCycles;
  const rows = await db
    .select({
      number: r.number,
      category: r.category,
      startedAt: r.startedAt,
      firstResponseAt: r.firstResponseAt,
      firstResponseSeconds: r.firstResponseSeconds,
      targetSeconds: r.targetSeconds,
      dueAt: r.dueAt,
      slaState: r.slaState,
      resolvedAt: r.resolvedAt,
    })
    .from(r)
    .where(eq(r.conversationId, conversationId))
    .orderBy(asc(r.number));
  return rows.map((row) => ({ ...row, startedAt: row.startedAt.getTime(), firstResponseAt: ms(row.firstResponseAt), dueAt: row.dueAt.getTime(), resolvedAt: ms(row.resolvedAt) }));
}
