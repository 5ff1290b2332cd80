import { getSecrets } from "@/lib/security/secrets";
import { verifyReplyToken } from "../adapters/email/token";
import type { InboundEvent } from "../event";
import type { Thread } from "../queries";
import type { Arrival, Batch } from "../batch";
import { upsertContact, type Contact } from "./contact";

// Stage 3. DESIGN.md threads: reply-to links first (a comment and every reply under it), then
// the platform's thread id; a private dialogue is one conversation per contact and channel.
// E-mail threads are Message-ID chains instead: a mail that answers nothing starts a conversation,
// even from the same person. A message that joins no thread starts a conversation, owned by its
// author. The thread comes with its current response cycle, which the next stage needs.

export async function thread(batch: Batch, arrival: Arrival, contact: Contact | null): Promise<Thread> {
  const found = batch.channelKinds.get(arrival.channelId) === "email" ? await findMailThread(batch, arrival) : await findThread(batch, arrival);
  if (found) return found;
  const owner = contact ?? (await upsertContact(batch, arrival));
  const { channelId, at, event } = arrival;
  const conversation = await batch.store.insertConversation({ channelId, contactId: owner.id, threadKey: threadKey(event), kind: event.kind, at, now: batch.now });
  return { conversation, cycle: null, created: true };
}

// The key a new conversation is filed under: the dialogue for private messages, else its first comment.
export function threadKey(event: InboundEvent): string {
  if (event.kind === "private_message") return event.threadId ?? event.author.id;
  return event.externalId;
}

async function findThread(batch: Batch, { event, channelId }: Arrival): Promise<Thread | null> {
  if (event.kind === "private_message") {
    const key = event.threadId ?? (event.direction === "inbound" ? event.author.id : null);
    if (key) {
      const byKey = await batch.store.threadByKey(channelId, key, "private_message");
      if (byKey) return byKey;
    }
    return event.inReplyTo ? threadOf(batch, channelId, event.inReplyTo) : null;
  }
  if (event.inReplyTo) {
    const parent = await threadOf(batch, channelId, event.inReplyTo);
    if (parent) return parent;
  }
  // A thread id that names a seen message (the root comment) joins its thread; a post id does not:
  // every top-level comment under a post is a conversation of its own.
  if (event.threadId && event.threadId !== event.externalId) return threadOf(batch, channelId, event.threadId);
  return null;
}

// The mail it answers, then any earlier mail of its References (newest first), then the root it
// names, then the signed token of the reply address it was sent to.
async function findMailThread(batch: Batch, { event, channelId }: Arrival): Promise<Thread | null> {
  const { store } = batch;
  const chain = [...new Set([event.inReplyTo, ...(event.references ?? []).toReversed()].filter((id): id is string => Boolean(id) && id !== event.externalId))];
  for (const id of chain) {
    const found = await threadOf(batch, channelId, id);
    if (found) return found;
  }
  if (event.threadId && event.threadId !== event.externalId) {
    const byKey = await store.threadByKey(channelId, event.threadId, event.kind);
    if (byKey) return byKey;
  }
  const conversationId = event.replyToken ? verifyReplyToken({ secret: getSecrets().credentialsKey, channelId, token: event.replyToken }) : null;
  if (conversationId == null) return null;
  const found = await store.thread(conversationId);
  return found && found.conversation.channelId === channelId ? found : null;
}

// The thread of a message seen on the channel.
function threadOf(batch: Batch, channelId: number, externalId: string): Promise<Thread | null> {
  return batch.store.threadOfMessage(channelId, externalId);
}
