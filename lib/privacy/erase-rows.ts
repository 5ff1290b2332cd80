import { and, eq, inArray, isNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { skipIndex } from "@/db/inbox";
import { channels, classifierExamples, contacts, conversations, drafts, escalations, messages, notifications } from "@/db/schema";
import { PREVIEW_CHARS } from "@/lib/ingest/conversation-state";
import { scrubText } from "./scrub";
import { ERASED, tokenise } from "./token";

// The writes of an erasure, table by table, inside the caller's transaction. Timestamps, cycles,
// categories and every figure stay; only content (texts, names, handles, attachment
// references, platform ids) changes.

export type EraseTarget = {
  brandId: number;
  // Messages whose content goes whole.
  messageIds: number[];
  // Conversations that are the person's own: preview, thread id, drafts, bell entries.
  conversationIds: number[];
  contactIds: number[];
  // Names and handles, replaced wherever the brand's other rows mention them.
  needles: string[];
};

export type EraseCounts = {
  messages: number;
  contacts: number;
  conversations: number;
  mentions: number;
  drafts: number;
  notifications: number;
  classifierExamples: number;
  escalations: number;
  auditEntries: number;
  webhookDeliveries: number;
  changes: number;
};

const CHUNK = 400;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

// One condition over a long id list, in chunks the engines accept as bound parameters.
export function anyOf(column: SQLWrapper & Parameters<typeof inArray>[0], ids: (number | string)[]): SQL {
  if (ids.length === 0) return sql`1 = 0`;
  return or(...chunks(ids).map((part) => inArray(column, part)))!;
}

// A case-insensitive prefilter for rows that may mention a needle; the exact test is scrubText's.
export function mentions(column: SQLWrapper, needles: string[]): SQL {
  if (needles.length === 0) return sql`1 = 0`;
  const like = (n: string) => `%${n.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(...needles.map((n) => sql`lower(CAST(${column} AS TEXT)) LIKE ${like(n)} ESCAPE '\\'`))!;
}

type Attachment = { kind: string; url: string; name?: string; size?: number; contentType?: string };

export async function eraseMessageRows(tx: Tx, { brandId, messageIds }: EraseTarget): Promise<number> {
  let count = 0;
  const erasedChannels = new Set<number>();
  for (const part of chunks(messageIds)) {
    const rows = await tx
      .select({ id: messages.id, channelId: messages.channelId, externalId: messages.externalId, inReplyTo: messages.inReplyToExternalId, subject: messages.subject, quotedText: messages.quotedText, url: messages.url, attachments: messages.attachments, hiddenReason: messages.hiddenReason })
      .from(messages)
      .where(and(eq(skipIndex(messages.brandId), brandId), inArray(messages.id, part)));
    for (const row of rows) {
      await tx
        .update(messages)
        .set({
          text: ERASED,
          subject: row.subject == null ? null : ERASED,
          quotedText: row.quotedText == null ? null : ERASED,
          url: row.url == null ? null : ERASED,
          attachments: row.attachments == null ? null : row.attachments.map((a: Attachment) => ({ kind: a.kind, url: ERASED })),
          hiddenReason: row.hiddenReason == null ? null : ERASED,
          reasons: [],
          externalId: tokenise(row.channelId, row.externalId),
          inReplyToExternalId: tokenise(row.channelId, row.inReplyTo),
        })
        .where(and(eq(messages.id, row.id), eq(messages.brandId, brandId)));
      // Replies elsewhere that name the erased message keep pointing at it, by its token.
      if (row.externalId != null && row.externalId !== tokenise(row.channelId, row.externalId))
        await tx
          .update(messages)
          .set({ inReplyToExternalId: tokenise(row.channelId, row.externalId) })
          .where(and(eq(messages.channelId, row.channelId), eq(messages.inReplyToExternalId, row.externalId), eq(messages.brandId, brandId)));
      erasedChannels.add(row.channelId);
      count++;
    }
  }
  await markChannelsErased(tx, brandId, [...erasedChannels]);
  return count;
}

// From now on ingest looks this channel's events up by their erased-id token too (lib/ingest/stages/dedupe.ts).
async function markChannelsErased(tx: Tx, brandId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(channels).set({ erasedAt: new Date() }).where(and(eq(channels.brandId, brandId), inArray(channels.id, ids), isNull(channels.erasedAt)));
}

export async function eraseContactRows(tx: Tx, { brandId, contactIds }: EraseTarget): Promise<number> {
  const rows = await tx.select({ id: contacts.id, channelId: contacts.channelId, externalId: contacts.externalId }).from(contacts).where(and(eq(contacts.brandId, brandId), anyOf(contacts.id, contactIds)));
  for (const row of rows)
    await tx
      .update(contacts)
      .set({ name: ERASED, handle: ERASED, externalId: tokenise(row.channelId, row.externalId) })
      .where(and(eq(contacts.id, row.id), eq(contacts.brandId, brandId)));
  return rows.length;
}

// The person's own conversations lose their preview and thread id; every conversation that held
// an erased message gets its preview again from its latest inbound text.
export async function eraseConversationRows(tx: Tx, target: EraseTarget): Promise<number> {
  const { brandId, conversationIds, messageIds } = target;
  const own = await tx.select({ id: conversations.id, channelId: conversations.channelId, thread: conversations.externalThreadId }).from(conversations).where(and(eq(conversations.brandId, brandId), anyOf(conversations.id, conversationIds)));
  for (const row of own)
    await tx
      .update(conversations)
      .set({ preview: ERASED, externalThreadId: tokenise(row.channelId, row.thread) })
      .where(and(eq(conversations.id, row.id), eq(conversations.brandId, brandId)));
  const touched = await tx.selectDistinct({ id: messages.conversationId }).from(messages).where(and(eq(skipIndex(messages.brandId), brandId), anyOf(messages.id, messageIds)));
  const ownIds = new Set(conversationIds);
  const others = touched.map((r) => r.id).filter((id) => !ownIds.has(id));
  const latest = sql`(SELECT substr(m.text, 1, ${PREVIEW_CHARS}) FROM messages m WHERE m.conversation_id = ${conversations.id} AND m.direction = 'inbound' ORDER BY m.created_at DESC, m.id DESC LIMIT 1)`;
  for (const part of chunks(others)) await tx.update(conversations).set({ preview: sql`coalesce(${latest}, '')` }).where(and(eq(skipIndex(conversations.brandId), brandId), inArray(conversations.id, part)));
  return own.length + others.length;
}

// Other people's messages, previews, drafts, notes and training examples that name the person.
export async function scrubMentions(tx: Tx, { brandId, needles, messageIds }: EraseTarget): Promise<number> {
  if (needles.length === 0) return 0;
  const erased = new Set(messageIds);
  let count = 0;
  const found = await tx
    .select({ id: messages.id, text: messages.text, subject: messages.subject, quotedText: messages.quotedText })
    .from(messages)
    .where(and(eq(messages.brandId, brandId), or(mentions(messages.text, needles), mentions(messages.subject, needles), mentions(messages.quotedText, needles))));
  for (const row of found) {
    if (erased.has(row.id)) continue;
    const next = { text: scrubText(row.text, needles), subject: row.subject && scrubText(row.subject, needles), quotedText: row.quotedText && scrubText(row.quotedText, needles) };
    if (next.text === row.text && next.subject === row.subject && next.quotedText === row.quotedText) continue;
    await tx.update(messages).set(next).where(and(eq(messages.id, row.id), eq(messages.brandId, brandId)));
    count++;
  }
  const previews = await tx.select({ id: conversations.id, preview: conversations.preview }).from(conversations).where(and(eq(conversations.brandId, brandId), mentions(conversations.preview, needles)));
  for (const row of previews) {
    const preview = scrubText(row.preview, needles);
    if (preview === row.preview) continue;
    await tx.update(conversations).set({ preview }).where(and(eq(conversations.id, row.id), eq(conversations.brandId, brandId)));
    count++;
  }
  const examples = await tx.select({ id: classifierExamples.id, text: classifierExamples.text }).from(classifierExamples).where(and(eq(classifierExamples.brandId, brandId), mentions(classifierExamples.text, needles)));
  for (const row of examples) {
    const text = scrubText(row.text, needles);
    if (text === row.text) continue;
    await tx.update(classifierExamples).set({ text }).where(and(eq(classifierExamples.id, row.id), eq(classifierExamples.brandId, brandId)));
    count++;
  }
  const bell = await tx.select({ id: notifications.id, text: notifications.text }).from(notifications).where(and(eq(notifications.brandId, brandId), mentions(notifications.text, needles)));
  for (const row of bell) {
    const text = scrubText(row.text, needles);
    if (text === row.text) continue;
    await tx.update(notifications).set({ text }).where(and(eq(notifications.id, row.id), eq(notifications.brandId, brandId)));
    count++;
  }
  const notes = await tx.select({ id: escalations.id, note: escalations.note }).from(escalations).where(and(eq(escalations.brandId, brandId), mentions(escalations.note, needles)));
  for (const row of notes) {
    const note = row.note && scrubText(row.note, needles);
    if (note === row.note) continue;
    await tx.update(escalations).set({ note }).where(and(eq(escalations.id, row.id), eq(escalations.brandId, brandId)));
    count++;
  }
  return count;
}

export async function eraseDrafts(tx: Tx, { brandId, conversationIds, needles }: EraseTarget): Promise<number> {
  const rows = await tx
    .select({ userId: drafts.userId, conversationId: drafts.conversationId, body: drafts.body })
    .from(drafts)
    .where(and(eq(drafts.brandId, brandId), or(anyOf(drafts.conversationId, conversationIds), mentions(drafts.body, needles))));
  const own = new Set(conversationIds);
  let count = 0;
  for (const row of rows) {
    const body = own.has(row.conversationId) ? (row.body === "" ? "" : ERASED) : scrubText(row.body, needles);
    if (body === row.body) continue;
    await tx.update(drafts).set({ body }).where(and(eq(drafts.userId, row.userId), eq(drafts.conversationId, row.conversationId), eq(drafts.brandId, brandId)));
    count++;
  }
  return count;
}

export async function eraseDerivedRows(tx: Tx, { brandId, conversationIds, messageIds }: EraseTarget): Promise<Pick<EraseCounts, "notifications" | "classifierExamples" | "escalations">> {
  const bell = await tx
    .update(notifications)
    .set({ text: ERASED })
    .where(and(eq(notifications.brandId, brandId), anyOf(notifications.conversationId, conversationIds)))
    .returning({ id: notifications.id });
  const examples = await tx
    .update(classifierExamples)
    .set({ text: ERASED })
    .where(and(eq(classifierExamples.brandId, brandId), anyOf(classifierExamples.messageId, messageIds)))
    .returning({ id: classifierExamples.id });
  const raised = await tx
    .update(escalations)
    .set({ cues: [], note: sql`CASE WHEN ${escalations.note} IS NULL THEN NULL ELSE ${ERASED} END` })
    .where(and(eq(escalations.brandId, brandId), or(anyOf(escalations.conversationId, conversationIds), anyOf(escalations.messageId, messageIds))))
    .returning({ id: escalations.id });
  return { notifications: bell.length, classifierExamples: examples.length, escalations: raised.length };
}
