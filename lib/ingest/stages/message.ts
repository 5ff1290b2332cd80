import { and, asc, eq } from "drizzle-orm";
import { conversations, messages, type SlaState } from "@/db/schema";
import type { Classification } from "@/lib/classify/types";
import { applyPersonReply, saveCycle } from "../cycles";
import { linkConversations } from "../conversation-state";
import type { ConversationRow, CycleRow } from "../queries";
import type { Arrival, Batch } from "../batch";
import type { Contact } from "./contact";
import { editTime } from "./dedupe";
import { sanitizeMailHtml } from "../adapters/email/html";

// Stage 6. The message is stored in its conversation and cycle; replies that arrived before it
// find their parent; the conversation's inbox summary is brought up to date.

export type Placement = {
  arrival: Arrival;
  contact: Contact | null;
  conversation: ConversationRow;
  // The conversation was started by this event: the message is its first.
  created?: boolean;
  classification: Classification | null;
  cycle: CycleRow | null;
  nrtSeconds: number | null;
};

// The stored message, and the conversation's SLA state as its summary now says.
export type Stored = { messageId: number; slaState: SlaState | null };

export async function storeMessage(batch: Batch, { arrival, contact, conversation, classification, cycle, nrtSeconds }: Placement): Promise<Stored> {
  const { event, channelId, userId, at, inbound } = arrival;
  const messageId = await batch.store.insertMessage({
    conversationId: conversation.id,
    channelId,
    cycleId: cycle?.id ?? null,
    direction: event.direction,
    visibility: event.kind === "private_message" ? "private" : "public",
    externalId: event.externalId,
    inReplyTo: event.inReplyTo ?? null,
    contactId: contact?.id ?? null,
    userId: inbound ? null : userId,
    text: event.text,
    createdAt: at,
    receivedAt: batch.now,
    automated: event.automated ? 1 : 0,
    language: classification?.language ?? null,
    category: classification?.category ?? null,
    complaint: classification ? (classification.complaint ? 1 : 0) : null,
    sentiment: classification?.sentiment ?? null,
    sentimentScore: classification?.sentimentScore ?? null,
    confidence: classification?.confidence ?? null,
    requestProbability: classification?.requestProbability ?? null,
    reasons: classification ? JSON.stringify(classification.reasons) : null,
    url: event.url ?? null,
    attachments: event.attachments ? JSON.stringify(event.attachments) : null,
    subject: event.subject ?? null,
    quotedText: event.quoted ?? null,
    // Sanitised again here: an event from the API or an import may carry HTML too.
    html: event.html ? sanitizeMailHtml(event.html) : null,
    editedAt: event.action === "edit" ? editTime(event, at, batch.now) : null,
    nrtSeconds,
    deliveryState: inbound ? null : "sent",
    sentAt: inbound ? null : at,
  });
  // A conversation this event started holds only this message, unless it adopted earlier replies.
  await linkOrphans(batch, { conversation, channelId, externalId: event.externalId, cycle });
  await batch.store.refresh(conversation, cycle, { inbound, now: batch.now });
  batch.channelsWithEvents.add(channelId);
  batch.touched.set(conversation.id, messageId);
  return { messageId, slaState: cycle?.slaState ?? null };
}

// Replies that arrived before their parent: a brand-only orphan is the brand's answer and joins
// the parent's thread; a customer's orphan stays its own conversation and is linked. True when
// the conversation took over another's messages.
async function linkOrphans(batch: Batch, { conversation, channelId, externalId, cycle }: { conversation: ConversationRow; channelId: number; externalId: string; cycle: CycleRow | null }): Promise<boolean> {
  const { tx, brandId, now, store } = batch;
  if (!store.mayHaveReplies(channelId, externalId)) return false;
  await store.flush();
  let adopted = false;
  const orphans = await batch.q.orphansOf.execute({ channelId, externalId, conversationId: conversation.id });
  for (const orphan of orphans) {
    const inbound = await tx.$count(messages, and(eq(messages.conversationId, orphan.id), eq(messages.direction, "inbound")));
    if (inbound === 0 && cycle) {
      await tx.update(messages).set({ conversationId: conversation.id, cycleId: cycle.id }).where(and(eq(messages.conversationId, orphan.id), eq(messages.brandId, brandId)));
      await tx.update(conversations).set({ status: "resolved", updatedAt: new Date(now) }).where(and(eq(conversations.id, orphan.id), eq(conversations.brandId, brandId)));
      store.forget(conversation.id);
      await reapplyAdoptedReplies(batch, conversation.id, cycle);
      adopted = true;
    } else {
      await linkConversations(tx, { brandId, a: conversation.id, b: orphan.id });
    }
    store.forget(orphan.id, { rows: true });
    batch.touched.set(orphan.id, 0);
  }
  return adopted;
}

async function reapplyAdoptedReplies(batch: Batch, conversationId: number, cycle: CycleRow): Promise<void> {
  const replies = await batch.tx
    .select({ createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, "outbound"), eq(messages.automated, false)))
    .orderBy(asc(messages.createdAt));
  for (const reply of replies) applyPersonReply({ cycle, at: reply.createdAt.getTime() });
  await saveCycle({ q: batch.store.cycleWriter, brandId: batch.brandId, cycle, now: batch.now });
}
