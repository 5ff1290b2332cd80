import { and, asc, count, eq } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { channels, contacts, conversations, messages, responseCycles, users } from "@/db/schema";
import { bind, prepared } from "@/db/prepared";
import { inIdList } from "@/db/inbox";
import { AppError } from "@/lib/errors";
import { hasRemoteImages, mailHtmlDocument } from "@/lib/ingest/adapters/email/html";

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
  subject: string | null;
  quotedText: string | null;
  /** An HTML mail as documents for a sandboxed frame: as shown by default, and with its remote images (null when it has none). */
  html: { document: string; withImages: string | null } | null;
  attachments: { name: string; size: number | null; contentType: string | null }[];
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
  const [row] = await prepared(db, "inbox.requireConversation", prepareRequire).execute({ id, brandId });
  if (!row) throw new AppError("not_found:conversation");
  return row;
}

// Prepared once per connection: every action on a conversation starts with this check.
const prepareRequire = (db: Db) =>
  db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, bind("id")), eq(conversations.brandId, bind("brandId"))))
    .limit(1)
    .prepare();

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

// Prepared once per connection: opening a conversation reads its thread.
const prepareThread = (db: Db) => {
  const m = messages;
  return db
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
      subject: m.subject,
      quotedText: m.quotedText,
      html: m.html,
      attachments: m.attachments,
      userName: users.name,
      contactName: contacts.name,
      contactHandle: contacts.handle,
    })
    .from(m)
    .leftJoin(users, eq(users.id, m.userId))
    .leftJoin(contacts, eq(contacts.id, m.contactId))
    .where(eq(m.conversationId, bind("conversationId")))
    .orderBy(asc(m.createdAt), asc(m.id))
    .prepare();
};

export async function threadMessages({ db = database(), conversationId }: { db?: Db; conversationId: number }): Promise<ThreadMessage[]> {
  const rows = await prepared(db, "inbox.threadMessages", prepareThread).execute({ conversationId });
  return rows.map(({ userName, contactName, contactHandle, attachments, html, ...r }) => ({
    ...r,
    html: html ? { document: mailHtmlDocument({ html }), withImages: hasRemoteImages(html) ? mailHtmlDocument({ html, remoteImages: true }) : null } : null,
    // Names, sizes and types only: a file is never fetched, inlined or linked from the inbox.
    attachments: (attachments ?? []).map((a) => ({ name: a.name ?? a.kind, size: a.size ?? null, contentType: a.contentType ?? null })),
    createdAt: r.createdAt.getTime(),
    reasons: r.reasons ?? [],
    editedAt: ms(r.editedAt),
    deletedOnPlatformAt: ms(r.deletedOnPlatformAt),
    hiddenAt: ms(r.hiddenAt),
    author: r.direction === "inbound" ? (contactName ?? contactHandle ?? "Customer") : r.automated ? "Auto-reply" : (userName ?? "Brand"),
  }));
}

// Prepared once per connection: opening a conversation reads its response cycles.
const prepareCycles = (db: Db) => {
  const r = responseCycles;
  return db
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
    .where(eq(r.conversationId, bind("conversationId")))
    .orderBy(asc(r.number))
    .prepare();
};

export async function conversationCycles({ db = database(), conversationId }: { db?: Db; conversationId: number }): Promise<CycleSummary[]> {
  const rows = await prepared(db, "inbox.conversationCycles", prepareCycles).execute({ conversationId });
  return rows.map((row) => ({ ...row, startedAt: row.startedAt.getTime(), firstResponseAt: ms(row.firstResponseAt), dueAt: row.dueAt.getTime(), resolvedAt: ms(row.resolvedAt) }));
}
