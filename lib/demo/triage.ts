import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, messages } from "@/db/schema";
import type { Actor } from "@/lib/audit/record";
import { markConversationsNoise } from "@/lib/conversations/actions";

const HOUR = 3600_000;

/**
 * A team's triage as agents work the queue, from the ground truth: a conversation waiting for a
 * first reply that holds no real request is marked "Not a request" once its last message is an
 * hour old at `at` (each such correction is an example the brand's layer learns from). Returns
 * how many conversations were marked.
 */
export async function triageMisreads({
  db,
  brandId,
  actor,
  asks,
  at,
}: {
  db: Db;
  brandId: number;
  actor: Actor;
  // whether the inbound message with this channel and external id really asks something
  asks: (channelId: number, externalId: string) => boolean;
  at: number;
}): Promise<number> {
  const c = conversations;
  const rows = await db
    .select({ conversationId: c.id, channelId: messages.channelId, externalId: messages.externalId, createdAt: messages.createdAt })
    .from(c)
    .innerJoin(messages, and(eq(messages.conversationId, c.id), eq(messages.cycleId, c.currentCycleId)))
    .where(and(eq(c.brandId, brandId), ne(c.status, "resolved"), eq(c.awaitingFirstResponse, true), eq(messages.direction, "inbound")));
  const byConversation = new Map<number, { asks: boolean; last: number }>();
  for (const r of rows) {
    const entry = byConversation.get(r.conversationId) ?? { asks: false, last: 0 };
    entry.asks ||= r.externalId !== null && asks(r.channelId, r.externalId);
    entry.last = Math.max(entry.last, r.createdAt.getTime());
    byConversation.set(r.conversationId, entry);
  }
  const misread = [...byConversation].filter(([, e]) => !e.asks && e.last < at - HOUR).map(([id]) => id);
  return misread.length ? markConversationsNoise({ db, brandId, actor, conversationIds: misread }) : 0;
}
