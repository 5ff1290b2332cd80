import { and, asc, desc, eq, inArray, or, sql, type SQLWrapper } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { skipIndex } from "@/db/inbox";
import { auditLog, channels, contacts, conversations, messages } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { contactTarget } from "./erase";
import { scrubText } from "./scrub";

// Finding everything the brand holds about one person, for their access request (GDPR art. 15)
// or before erasing it. Admins of the brand only: the answer is personal data.

export type FoundContact = {
  id: number;
  channelId: number;
  channelKind: string;
  externalId: string;
  handle: string | null;
  name: string | null;
  email: string | null;
};

const FIND_LIMIT = 100;

const like = (column: SQLWrapper, text: string) => sql`lower(${column}) LIKE ${`%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`;

/** The brand's contacts whose name, handle or platform id (an e-mail address on e-mail channels) contains the text. */
export async function findContacts({ db = database(), actor, brandId, query }: { db?: Db; actor: Principal; brandId: number; query: string }): Promise<FoundContact[]> {
  authorize({ actor, brandId, needs: "admin" });
  const text = query.trim();
  if (text.length < 2) throw new AppError("bad_request:query", "Search with at least two characters.");
  const rows = await db
    .select({ id: contacts.id, channelId: contacts.channelId, channelKind: channels.kind, externalId: contacts.externalId, handle: contacts.handle, name: contacts.name })
    .from(contacts)
    .innerJoin(channels, eq(channels.id, contacts.channelId))
    .where(and(eq(contacts.brandId, brandId), or(like(contacts.name, text), like(contacts.handle, text), like(contacts.externalId, text))))
    .orderBy(asc(contacts.id))
    .limit(FIND_LIMIT);
  return rows.map((r) => ({ ...r, email: r.channelKind === "email" ? r.externalId : null }));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Everything held about one contact of the brand, as plain JSON. */
export async function exportContact({ db = database(), actor, brandId, contactId }: { db?: Db; actor: Principal; brandId: number; contactId: number }) {
  authorize({ actor, brandId, needs: "admin" });
  const [contact] = await db
    .select({ id: contacts.id, channelId: contacts.channelId, channelKind: channels.kind, externalId: contacts.externalId, handle: contacts.handle, name: contacts.name, followers: contacts.followers, language: contacts.language, blocked: contacts.blocked, createdAt: contacts.createdAt })
    .from(contacts)
    .innerJoin(channels, eq(channels.id, contacts.channelId))
    .where(and(eq(contacts.id, contactId), eq(contacts.brandId, brandId)))
    .limit(1);
  if (!contact) throw new AppError("not_found:contact");
  // The same rows an erasure would change: what is exported is what is erased.
  const target = await contactTarget(db, { brandId, contactId });
  const messageRows = target.messageIds.length
    ? await db.select().from(messages).where(and(eq(skipIndex(messages.brandId), brandId), inArray(messages.id, target.messageIds))).orderBy(asc(messages.createdAt), asc(messages.id))
    : [];
  const conversationIds = [...new Set([...target.conversationIds, ...messageRows.map((m) => m.conversationId)])];
  const conversationRows = conversationIds.length
    ? await db.select().from(conversations).where(and(eq(skipIndex(conversations.brandId), brandId), inArray(conversations.id, conversationIds))).orderBy(asc(conversations.id))
    : [];
  const mentioning = target.needles.length
    ? await db
        .select({ id: messages.id, conversationId: messages.conversationId, userId: messages.userId, text: messages.text, createdAt: messages.createdAt })
        .from(messages)
        .where(and(eq(messages.brandId, brandId), eq(messages.direction, "note"), or(...target.needles.map((n) => like(messages.text, n)))))
    : [];
  const own = new Set(target.messageIds);
  const notes = mentioning.filter((n) => !own.has(n.id) && scrubText(n.text, target.needles) !== n.text);
  const linked = (type: string, ids: number[]) => (ids.length ? and(eq(auditLog.objectType, type), inArray(auditLog.objectId, ids.map(String))) : undefined);
  const audit = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.brandId, brandId), or(linked("contact", [contactId]), linked("conversation", target.conversationIds), linked("message", target.messageIds))))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id));
  return {
    contact: { ...contact, email: contact.channelKind === "email" ? contact.externalId : null, createdAt: iso(contact.createdAt) },
    conversations: conversationRows.map((c) => ({
      id: c.id,
      channelId: c.channelId,
      kind: c.kind,
      status: c.status,
      category: c.category,
      complaint: c.complaint,
      sentiment: c.sentiment,
      priority: c.priority,
      labels: c.labels,
      preview: c.preview,
      createdAt: iso(c.createdAt),
      lastMessageAt: iso(c.lastMessageAt),
    })),
    messages: messageRows.map((m) => ({
      id: m.id,
      conversationId: m.conversationId,
      direction: m.direction,
      visibility: m.visibility,
      externalId: m.externalId,
      text: m.text,
      subject: m.subject,
      url: m.url,
      attachments: m.attachments,
      createdAt: iso(m.createdAt),
      receivedAt: iso(m.receivedAt),
      classification: { language: m.language, category: m.category, complaint: m.complaint, sentiment: m.sentiment, confidence: m.confidence, corrected: m.corrected },
    })),
    notes: notes.map((n) => ({ id: n.id, conversationId: n.conversationId, userId: n.userId, text: n.text, createdAt: iso(n.createdAt) })),
    auditEntries: audit.map((a) => ({ id: a.id, actor: a.actor, action: a.action, objectType: a.objectType, objectId: a.objectId, before: a.before, after: a.after, createdAt: iso(a.createdAt) })),
  };
}

export type ContactExport = Awaited<ReturnType<typeof exportContact>>;
