import { and, desc, eq, isNull, lte, ne, sql, type Column } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { bind, ONE, prepared } from "@/db/prepared";
import { channels, conversations, messages, responseCycles } from "@/db/schema";

// The per-event queries of the ingest path, prepared once per connection (db/prepared.ts):
// building a query costs more than running it here. Timestamps travel as milliseconds, as the
// pipeline computes them.

const p = sql.placeholder;
// A timestamp as stored, without the column's conversion to Date.
const ms = (column: Column) => sql<number>`${column}`;
const msOrNull = (column: Column) => sql<number | null>`${column}`;

// Only the columns the path reads: wide rows cost more to materialise than the lookup itself.
export const conversationRow = {
  id: conversations.id,
  brandId: conversations.brandId,
  channelId: conversations.channelId,
  contactId: conversations.contactId,
  kind: conversations.kind,
  status: conversations.status,
  category: conversations.category,
  currentCycleId: conversations.currentCycleId,
  priority: conversations.priority,
  lastMessageAt: ms(conversations.lastMessageAt),
};

export const cycleRow = {
  id: responseCycles.id,
  conversationId: responseCycles.conversationId,
  number: responseCycles.number,
  category: responseCycles.category,
  startedAt: ms(responseCycles.startedAt),
  firstResponseAt: msOrNull(responseCycles.firstResponseAt),
  targetSeconds: responseCycles.targetSeconds,
  atRiskShare: responseCycles.atRiskShare,
  // The stored JSON text: parsed once per distinct calendar (lib/ingest/cycles.ts).
  calendar: sql<string | null>`${responseCycles.calendar}`,
  dueAt: ms(responseCycles.dueAt),
  slaState: responseCycles.slaState,
  awaitingSince: msOrNull(responseCycles.awaitingSince),
  resolvedAt: msOrNull(responseCycles.resolvedAt),
};

// What the decision reads of each message of a cycle.
export const cycleMessageRow = {
  id: messages.id,
  externalId: messages.externalId,
  direction: messages.direction,
  contactId: messages.contactId,
  userId: messages.userId,
  text: messages.text,
  inReplyTo: messages.inReplyToExternalId,
  createdAt: ms(messages.createdAt),
  automated: messages.automated,
  category: messages.category,
  complaint: messages.complaint,
  confidence: messages.confidence,
  requestProbability: messages.requestProbability,
  language: messages.language,
  corrected: messages.corrected,
  visibility: messages.visibility,
};

// A column of the conversation's latest inbound message.
const latestInbound = (column: "text" | "sentiment" | "sentiment_score") =>
  sql`SELECT m.${sql.raw(column)} FROM messages m WHERE m.conversation_id = ${p("id")} AND m.direction = 'inbound' ORDER BY m.created_at DESC, m.id DESC LIMIT 1`;

const brandScoped = (id: Column, brandId: Column) => and(eq(id, p("id")), eq(brandId, p("brandId")));

function prepare(tx: Tx) {
  return {
    conversation: tx.select(conversationRow).from(conversations).where(eq(conversations.id, p("id"))).prepare(),
    // A thread with its current cycle, found by the key it was filed under or by one of its messages.
    threadByKey: tx
      .select({ conversation: conversationRow, cycle: cycleRow })
      .from(conversations)
      .leftJoin(responseCycles, eq(responseCycles.id, conversations.currentCycleId))
      .where(and(eq(conversations.channelId, p("channelId")), eq(conversations.externalThreadId, p("threadKey")), eq(conversations.kind, p("kind"))))
      .orderBy(desc(conversations.id))
      .limit(ONE)
      .prepare(),
    cycle: tx.select(cycleRow).from(responseCycles).where(eq(responseCycles.id, p("id"))).prepare(),
    updateCycle: tx
      .update(responseCycles)
      .set({
        category: bind("category"),
        startedAt: bind("startedAt"),
        firstResponseAt: bind("firstResponseAt"),
        firstResponseSeconds: bind("firstResponseSeconds"),
        firstResponseBusinessSeconds: bind("firstResponseBusinessSeconds"),
        firstResponderId: sql`coalesce(${p("responderId")}, ${responseCycles.firstResponderId})`,
        atRiskAt: bind("atRiskAt"),
        dueAt: bind("dueAt"),
        slaState: bind("slaState"),
        awaitingSince: bind("awaitingSince"),
      })
      .where(brandScoped(responseCycles.id, responseCycles.brandId))
      .prepare(),
    cycleMessages: tx
      .select(cycleMessageRow)
      .from(messages)
      .where(and(eq(messages.conversationId, p("conversationId")), eq(messages.cycleId, p("cycleId"))))
      .orderBy(messages.createdAt, messages.id)
      .prepare(),
    channelAccount: tx.select({ name: channels.name, accountId: channels.accountId }).from(channels).where(eq(channels.id, p("channelId"))).prepare(),
    orphansOf: tx
      .selectDistinct({ id: messages.conversationId })
      .from(messages)
      .where(and(eq(messages.channelId, p("channelId")), eq(messages.inReplyToExternalId, p("externalId")), ne(messages.conversationId, p("conversationId"))))
      .prepare(),
    unansweredPublicOfContact: tx
      .select({ conversationId: conversations.id, cycleId: responseCycles.id })
      .from(conversations)
      .innerJoin(responseCycles, eq(responseCycles.id, conversations.currentCycleId))
      .where(
        and(
          eq(conversations.channelId, p("channelId")),
          eq(conversations.contactId, p("contactId")),
          eq(conversations.kind, "public_comment"),
          ne(conversations.id, p("dmId")),
          isNull(responseCycles.firstResponseAt),
          lte(responseCycles.startedAt, p("at")),
        ),
      )
      .prepare(),
    // What refreshConversation copies onto the conversation, in one statement.
    summary: tx
      .select({
        first: sql<number | null>`min(CASE WHEN ${messages.direction} = 'inbound' THEN ${messages.createdAt} END)`,
        lastInbound: sql<number | null>`max(CASE WHEN ${messages.direction} = 'inbound' THEN ${messages.createdAt} END)`,
        last: sql<number | null>`max(CASE WHEN ${messages.direction} != 'note' THEN ${messages.createdAt} END)`,
        language: sql<string | null>`(SELECT m.language FROM messages m
          WHERE m.conversation_id = ${p("id")} AND m.direction = 'inbound' AND m.language IS NOT NULL ORDER BY m.created_at LIMIT 1)`,
        complaint: sql<number | null>`(SELECT max(CASE WHEN m.complaint THEN 1 ELSE 0 END) FROM messages m
          WHERE m.conversation_id = ${p("id")} AND m.cycle_id = ${p("cycleId")} AND m.direction = 'inbound')`,
        latestText: sql<string | null>`(${latestInbound("text")})`,
        latestSentiment: sql<"negative" | "neutral" | "positive" | null>`(${latestInbound("sentiment")})`,
        latestScore: sql<number | null>`(${latestInbound("sentiment_score")})`,
      })
      .from(messages)
      .where(eq(messages.conversationId, p("id")))
      .prepare(),
    updateConversation: tx
      .update(conversations)
      .set({
        status: bind("status"),
        category: bind("category"),
        complaint: bind("complaint"),
        sentiment: bind("sentiment"),
        sentimentScore: bind("sentimentScore"),
        language: bind("language"),
        currentCycleId: bind("cycleId"),
        slaState: bind("slaState"),
        firstResponseDueAt: bind("dueAt"),
        awaitingFirstResponse: bind("awaiting"),
        firstInboundAt: bind("firstInboundAt"),
        lastMessageAt: bind("lastMessageAt"),
        lastInboundAt: bind("lastInboundAt"),
        lastInboundReceivedAt: sql`coalesce(${p("lastInboundReceivedAt")}, ${conversations.lastInboundReceivedAt})`,
        snoozedUntil: sql`CASE WHEN ${p("status")} = 'snoozed' THEN ${conversations.snoozedUntil} ELSE NULL END`,
        preview: bind("preview"),
        updatedAt: bind("now"),
      })
      .where(brandScoped(conversations.id, conversations.brandId))
      .prepare(),
  };
}

export type Queries = ReturnType<typeof prepare>;
type Row<K extends keyof Queries> = Awaited<ReturnType<Queries[K]["execute"]>> extends (infer R)[] ? R : never;
export type ConversationRow = Row<"conversation">;
export type CycleRow = Row<"cycle">;
export type CycleMessage = Row<"cycleMessages">;
// `created`: the conversation was started by the event being stored.
export type Thread = { conversation: ConversationRow; cycle: CycleRow | null; created?: boolean };
export type Summary = Row<"summary">;

export function queries(tx: Tx): Queries {
  return prepared(tx, "ingest.queries", prepare);
}
