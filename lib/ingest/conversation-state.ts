import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { bind, prepared } from "@/db/prepared";
import { conversations, type SlaState } from "@/db/schema";
import { queries, type ConversationRow, type CycleRow, type Summary } from "./queries";

export const PREVIEW_CHARS = 140;

/**
 * Copies onto the conversation what the inbox sorts and filters by: its current cycle's
 * category and SLA, the latest inbound message's sentiment and preview, its first and last
 * message times, its language. Called after every change to its messages or cycle. Returns the
 * SLA state it stored, which the escalation rules read next.
 */
export async function refreshConversation({
  tx,
  brandId,
  conversationId,
  now,
  inbound = false,
  known,
  summary: knownSummary,
}: {
  tx: Tx;
  brandId: number;
  conversationId: number;
  now: number;
  inbound?: boolean;
  // The caller's up-to-date rows, when it has them, spare two reads per message.
  known?: { conversation: ConversationRow; cycle: CycleRow | null };
  // What the summary query would return, when the caller knows the conversation's only message.
  summary?: Summary;
}): Promise<{ slaState: SlaState | null }> {
  const q = queries(tx);
  const conversation = known?.conversation ?? (await q.conversation.execute({ id: conversationId }))[0];
  const cycle = known ? known.cycle : conversation.currentCycleId ? ((await q.cycle.execute({ id: conversation.currentCycleId }))[0] ?? null) : null;
  const summary = knownSummary ?? (await q.summary.execute({ id: conversationId, cycleId: cycle?.id ?? null }))[0];
  const slaState = cycle?.slaState ?? null;
  await q.updateConversation.execute({
    id: conversationId,
    brandId,
    status: conversation.status,
    category: cycle?.category ?? conversation.category,
    complaint: summary.complaint ? 1 : 0,
    sentiment: summary.latestSentiment ?? "neutral",
    sentimentScore: summary.latestScore ?? 0,
    language: summary.language,
    cycleId: cycle?.id ?? null,
    slaState,
    dueAt: cycle?.dueAt ?? null,
    awaiting: cycle && cycle.firstResponseAt == null && conversation.status !== "resolved" ? 1 : 0,
    firstInboundAt: summary.first,
    lastMessageAt: summary.last ?? conversation.lastMessageAt,
    lastInboundAt: summary.lastInbound,
    lastInboundReceivedAt: inbound ? now : null,
    preview: (summary.latestText ?? "").slice(0, PREVIEW_CHARS),
    now,
  });
  return { slaState };
}

const prepareLink = (tx: Tx) =>
  tx
    .update(conversations)
    .set({ linkedConversationId: bind("to") })
    .where(and(eq(conversations.id, sql.placeholder("from")), eq(conversations.brandId, sql.placeholder("brandId")), isNull(conversations.linkedConversationId)))
    .prepare();

// Two conversations about one matter point at each other (an orphan reply, a DM answering a comment).
export async function linkConversations(tx: Tx, { brandId, a, b }: { brandId: number; a: number; b: number }): Promise<void> {
  const link = prepared(tx, "ingest.linkConversations", prepareLink);
  for (const [from, to] of [
    [b, a],
    [a, b],
  ])
    await link.execute({ from, to, brandId });
}
