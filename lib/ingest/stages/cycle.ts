import type { Classification } from "@/lib/classify/types";
import { applyPersonReply, saveCycle, startCycle } from "../cycles";
import { linkConversations } from "../conversation-state";
import type { ConversationRow, CycleRow, Thread } from "../queries";
import type { Arrival, Batch } from "../batch";
import { applyDecision, decideCycle, type CycleDecision, type CycleMessage, type NewInbound } from "../decision";

// Stage 5. Cycle and SLA: an inbound message opens a response cycle (or a new one when it
// reopens a resolved conversation) or joins the open one; a person's reply sets the cycle's
// first response time, or closes a next-response wait. Automated replies count for nothing.

const THREAD_ANSWERED_IN_ITSELF = new Set(["email", "web"]);

export type Placed = { cycle: CycleRow | null; nrtSeconds: number | null };

export async function placeInCycle(
  batch: Batch,
  {
    arrival,
    thread: { conversation, cycle },
    classification,
    seen = [],
    authorId,
  }: { arrival: Arrival; thread: Thread; classification: Classification | null; seen?: CycleMessage[]; authorId?: number | null },
): Promise<Placed> {
  // An auto-reply, bounce or bulk mail is kept in its conversation but opens and moves no clock.
  if (arrival.inbound && arrival.event.automated) return { cycle, nrtSeconds: null };
  if (arrival.inbound) {
    const { event } = arrival;
    const added: NewInbound = { authorId: String(authorId ?? `event:${event.externalId}`), at: arrival.at, classification: classification!, text: event.text, kind: event.kind, inReplyTo: event.inReplyTo };
    return { cycle: await placeInbound(batch, { conversation, current: cycle }, arrival.at, decideCycle(seen, added)), nrtSeconds: null };
  }
  if (arrival.event.automated || !cycle) return { cycle, nrtSeconds: null };
  // The first reply proves the message it names a request: the clock starts at its author's.
  const answers = arrival.event.inReplyTo;
  if (answers && cycle.firstResponseAt == null && seen.some((m) => m.externalId === answers)) applyDecision(cycle, decideCycle(seen, undefined, answers));
  const nrtSeconds = await countReply(batch, { conversation, cycle, at: arrival.at, userId: arrival.userId });
  return { cycle, nrtSeconds };
}

// The cycle's category and clock start come from the conversation decision over its inbound
// messages, the new one included (lib/ingest/decision.ts).
async function placeInbound(batch: Batch, { conversation, current }: { conversation: ConversationRow; current: CycleRow | null }, at: number, decided: CycleDecision): Promise<CycleRow> {
  const { store, brandId, now } = batch;
  const reopens = current && conversation.status === "resolved" && (current.resolvedAt == null || at >= current.resolvedAt);
  if (!current || reopens) {
    const { category } = decided.decision;
    const cycle = await startCycle({ store, conversation, number: (current?.number ?? 0) + 1, startedAt: at, category, policies: batch.policies, now });
    // The message stage writes both onto the conversation with its summary.
    conversation.currentCycleId = cycle.id;
    conversation.status = "open";
    return cycle;
  }
  // The decision sets the category and the clock start; saveCycle recomputes the deadlines.
  applyDecision(current, decided);
  if (current.firstResponseAt != null && current.awaitingSince == null && at >= current.firstResponseAt) current.awaitingSince = at;
  await saveCycle({ q: store.cycleWriter, brandId, cycle: current, now });
  conversation.status = "open";
  return current;
}

/**
 * A person's reply, ingested or sent from Replyhour: counted on the conversation's cycle, and
 * a private reply also answers the author's waiting public comments. Returns the next-response
 * time it closed, if any.
 */
export async function countReply(
  batch: Batch,
  { conversation, cycle, at, userId }: { conversation: ConversationRow; cycle: CycleRow | null; at: number; userId: number | null },
): Promise<number | null> {
  let nrtSeconds: number | null = null;
  if (cycle) {
    const result = applyPersonReply({ cycle, at });
    nrtSeconds = result.nrtSeconds;
    if (result.firstResponse) await recordReplyExample(batch, cycle, at);
    await saveCycle({ q: batch.store.cycleWriter, brandId: batch.brandId, cycle, now: batch.now, responderId: userId });
  }
  // "Please DM us" is a social-network answer; an e-mail or site thread is answered in itself.
  if (conversation.kind === "private_message" && !THREAD_ANSWERED_IN_ITSELF.has(batch.channelKinds.get(conversation.channelId) ?? "")) await answerPublicByDm(batch, conversation, at, userId);
  return nrtSeconds;
}

// The message a first response answered is a request, in this brand's words: the brand's classifier learns from it.
async function recordReplyExample({ store, now }: Batch, cycle: CycleRow, at: number): Promise<void> {
  const message = await store.latestInboundBefore(cycle.conversationId, cycle.id, at);
  if (message) store.replyExample({ messageId: message.id, text: message.text, language: message.language, now });
}

// "Please DM us": a private message from the brand to the author answers their waiting public comments.
async function answerPublicByDm(batch: Batch, dm: ConversationRow, at: number, userId: number | null): Promise<void> {
  const { tx, q, store, brandId, now } = batch;
  if (!(await store.hasPublicConversation(dm.contactId, dm.channelId, dm.id))) return;
  // The stored conversations that were waiting, and the batch's own, each judged as the batch now
  // sees it: nothing pending needs storing first (a batch of DMs stored each one's rows apart).
  const stored = await q.unansweredPublicOfContact.execute({ channelId: dm.channelId, contactId: dm.contactId, dmId: dm.id, at });
  const ids = new Set([...stored.map((row) => row.conversationId), ...store.batchConversationsOf(dm.contactId, dm.channelId, "public_comment")]);
  ids.delete(dm.id);
  await store.readStored([...ids]);
  for (const id of [...ids].sort((a, b) => a - b)) {
    const found = await store.thread(id);
    const cycle = found?.cycle;
    if (!found || !cycle || cycle.firstResponseAt != null || cycle.startedAt > at) continue;
    applyPersonReply({ cycle, at });
    await saveCycle({ q: store.cycleWriter, brandId, cycle, now, responderId: userId });
    await linkConversations(tx, { brandId, a: dm.id, b: id });
    await store.refresh(found.conversation, cycle, { inbound: false, now });
    batch.touched.set(id, 0);
  }
}
