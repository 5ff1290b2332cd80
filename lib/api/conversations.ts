import { and, asc, desc, eq, isNull, lt, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { database, type Db } from "@/db/client";
import { channels, contacts, conversations, messages, responseCycles, users } from "@/db/schema";
import { inIdList } from "@/db/inbox";
import { AppError } from "@/lib/errors";
import { requireConversation } from "@/lib/inbox/conversation";
import { searchHits, searchWords } from "@/lib/inbox/search";
import type { conversationFilterSchema } from "./events";

type Filters = z.output<typeof conversationFilterSchema>;

const iso = (at: Date | null | undefined) => (at == null ? null : at.toISOString());

const c = conversations;
const r = responseCycles;

function selectConversations(db: Db) {
  return db
    .select({
      id: c.id,
      status: c.status,
      category: c.category,
      complaint: c.complaint,
      sentiment: c.sentiment,
      sentimentScore: c.sentimentScore,
      language: c.language,
      priority: c.priority,
      labels: c.labels,
      snoozedUntil: c.snoozedUntil,
      assignee: { id: users.id, name: users.name },
      channel: { id: channels.id, kind: channels.kind, name: channels.name },
      contact: { id: contacts.id, handle: contacts.handle, name: contacts.name },
      startedAt: r.startedAt,
      firstResponseAt: r.firstResponseAt,
      dueAt: r.dueAt,
      slaState: r.slaState,
      lastMessageAt: c.lastMessageAt,
      preview: c.preview,
    })
    .from(c)
    .innerJoin(channels, eq(channels.id, c.channelId))
    .innerJoin(contacts, eq(contacts.id, c.contactId))
    .leftJoin(users, eq(users.id, c.assigneeId))
    .leftJoin(r, eq(r.id, c.currentCycleId));
}

type Row = Awaited<ReturnType<typeof selectConversations>>[number];

function toApi(row: Row) {
  return {
    id: String(row.id),
    status: row.status,
    category: row.category,
    complaint: row.complaint,
    sentiment: row.sentiment,
    sentimentScore: row.sentimentScore,
    language: row.language,
    priority: row.priority,
    labels: row.labels,
    snoozedUntil: iso(row.snoozedUntil),
    assignee: row.assignee ? { id: String(row.assignee.id), name: row.assignee.name } : null,
    channel: { id: String(row.channel.id), kind: row.channel.kind, name: row.channel.name },
    contact: { id: String(row.contact.id), handle: row.contact.handle, name: row.contact.name },
    firstInboundAt: iso(row.startedAt),
    firstResponseAt: iso(row.firstResponseAt),
    firstResponseDueAt: iso(row.dueAt),
    slaState: row.slaState,
    lastMessageAt: iso(row.lastMessageAt),
    preview: row.preview,
  };
}

// Newest activity first, keyset cursor "<lastMessageAt>:<id>".
export async function apiListConversations({ db = database(), brandId, filters }: { db?: Db; brandId: number; filters: Filters }) {
  const where: (SQL | undefined)[] = [eq(c.brandId, brandId)];
  if (filters.status) where.push(eq(c.status, filters.status));
  if (filters.category) where.push(eq(c.category, filters.category));
  if (filters.channel) where.push(eq(c.channelId, Number(filters.channel)));
  if (filters.slaState) where.push(eq(r.slaState, filters.slaState));
  if (filters.assignee === "none") where.push(isNull(c.assigneeId));
  else if (filters.assignee) where.push(eq(c.assigneeId, Number(filters.assignee)));
  const words = filters.q ? searchWords(filters.q) : [];
  // The full-text index leads (the brand's newest matches), never a walk over the brand's messages.
  if (words.length) where.push(inIdList(c.id, [...new Set(await searchHits({ db, brandId, words }))]));
  if (filters.cursor) {
    const [at, id] = filters.cursor.split(":").map(Number);
    if (!Number.isFinite(at) || !Number.isFinite(id)) throw new AppError("bad_request:cursor", "Invalid cursor.");
    where.push(or(lt(c.lastMessageAt, new Date(at)), and(eq(c.lastMessageAt, new Date(at)), lt(c.id, id))));
  }
  const rows = await selectConversations(db)
    .where(and(...where))
    .orderBy(desc(c.lastMessageAt), desc(c.id))
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page[page.length - 1];
  return {
    conversations: page.map(toApi),
    nextCursor: rows.length > filters.limit && last ? `${last.lastMessageAt.getTime()}:${last.id}` : null,
  };
}

export async function apiConversationSummary({ db = database(), brandId, id }: { db?: Db; brandId: number; id: number }) {
  const [row] = await selectConversations(db).where(and(eq(c.id, id), eq(c.brandId, brandId)));
  if (!row) throw new AppError("not_found:conversation");
  return toApi(row);
}

export async function apiGetConversation({ db = database(), brandId, id }: { db?: Db; brandId: number; id: number }) {
  await requireConversation({ db, brandId, id });
  const [row] = await selectConversations(db).where(and(eq(c.id, id), eq(c.brandId, brandId)));
  const m = messages;
  const thread = await db
    .select({
      id: m.id,
      direction: m.direction,
      externalId: m.externalId,
      inReplyTo: m.inReplyToExternalId,
      text: m.text,
      createdAt: m.createdAt,
      receivedAt: m.receivedAt,
      automated: m.automated,
      language: m.language,
      category: m.category,
      complaint: m.complaint,
      sentiment: m.sentiment,
      sentimentScore: m.sentimentScore,
      deliveryState: m.deliveryState,
      editedAt: m.editedAt,
      deletedOnPlatformAt: m.deletedOnPlatformAt,
    })
    .from(m)
    .where(and(eq(m.conversationId, id), eq(m.brandId, brandId)))
    .orderBy(asc(m.createdAt), asc(m.id));
  const cycles = await db
    .select({
      number: r.number,
      category: r.category,
      startedAt: r.startedAt,
      firstResponseAt: r.firstResponseAt,
      firstResponseSeconds: r.firstResponseSeconds,
      firstResponseBusinessSeconds: r.firstResponseBusinessSeconds,
      targetSeconds: r.targetSeconds,
      dueAt: r.dueAt,
      slaState: r.slaState,
      resolvedAt: r.resolvedAt,
    })
    .from(r)
    .where(and(eq(r.conversationId, id), eq(r.brandId, brandId)))
    .orderBy(asc(r.number));
  return {
    ...toApi(row),
    messages: thread.map((message) => ({
      ...message,
      id: String(message.id),
      createdAt: iso(message.createdAt),
      receivedAt: iso(message.receivedAt),
      editedAt: iso(message.editedAt),
      deletedOnPlatformAt: iso(message.deletedOnPlatformAt),
    })),
    cycles: cycles.map((cycle) => ({
      ...cycle,
      startedAt: iso(cycle.startedAt),
      firstResponseAt: iso(cycle.firstResponseAt),
      dueAt: iso(cycle.dueAt),
      resolvedAt: iso(cycle.resolvedAt),
    })),
  };
}
