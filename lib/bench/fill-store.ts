import { getTableColumns, sql, type Column, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { insertRows } from "@/db/bulk";
import type { Tx } from "@/db/client";
import { auditLog, classifierExamples, contacts, conversations, escalations, messages, responseCycles, type SlaState } from "@/db/schema";
import { deadlinesFor, type CycleTerms } from "@/lib/sla/policy-store";
import { responseSeconds, slaStateAt } from "@/lib/sla/state";

// The rows the bulk fill writes, in the same layout the ingest pipeline leaves behind.

export type FillCycle = {
  id: number;
  number: number;
  category: "request" | "noise";
  startedAt: number;
  firstResponseAt: number | null;
  responderId: number | null;
  awaitingSince: number | null;
  resolvedAt: number | null;
  complaint: boolean;
  terms: CycleTerms;
  createdAt: number;
  lastInbound: { id: number; text: string; language: string | null } | null;
};

export type FillConversation = {
  id: number;
  brandId: number;
  channelId: number;
  contactId: number;
  threadKey: string;
  kind: "public_comment" | "private_message";
  status: "open" | "pending" | "snoozed" | "resolved";
  cycle: FillCycle | null;
  language: string | null;
  languageAt: number;
  sentiment: "negative" | "neutral" | "positive";
  sentimentScore: number;
  preview: string;
  latestInboundAt: number;
  firstInboundAt: number | null;
  lastMessageAt: number;
  lastInboundAt: number | null;
  lastInboundReceivedAt: number | null;
  assigneeId: number | null;
  escalationLevel: number;
  linkedId: number | null;
  createdAt: number;
  updatedAt: number;
};

// A placeholder that takes the driver value as it is: the rows are mapped by their columns first
// (drizzle's placeholder mapping would turn a null date or flag into an error or a 0).
type Slots = Record<string, SQL>;

function columnsOf<T extends SQLiteTable, K extends keyof T["$inferInsert"] & string>(table: T, keys: readonly K[]) {
  const columns = getTableColumns(table) as Record<string, Column>;
  return {
    slots: Object.fromEntries(keys.map((key) => [key, sql`${sql.placeholder(key)}`])) as Slots,
    params(row: Pick<T["$inferInsert"], K>): Record<string, unknown> {
      const params: Record<string, unknown> = {};
      for (const key of keys) {
        const value = row[key];
        params[key] = value == null ? null : columns[key].mapToDriverValue(value);
      }
      return params;
    },
  };
}

const MESSAGE = [
  "id", "conversationId", "brandId", "channelId", "cycleId", "direction", "visibility", "externalId", "inReplyToExternalId", "contactId",
  "userId", "text", "createdAt", "receivedAt", "automated", "language", "category", "complaint", "sentiment", "sentimentScore",
  "confidence", "reasons", "url", "attachments", "nrtSeconds", "deliveryState", "sentAt",
] as const;
const CONTACT = ["brandId", "channelId", "externalId", "handle", "name", "followers", "createdAt"] as const;
const CYCLE = [
  "id", "conversationId", "brandId", "channelId", "number", "category", "startedAt", "firstResponseAt", "firstResponseSeconds",
  "firstResponseBusinessSeconds", "firstResponderId", "policyId", "targetSeconds", "nextResponseTargetSeconds", "atRiskShare",
  "calendar", "atRiskAt", "dueAt", "slaState", "awaitingSince", "resolvedAt", "resolutionSeconds", "resolutionBusinessSeconds",
  "reopened", "createdAt",
] as const;
const CONVERSATION = [
  "id", "brandId", "channelId", "contactId", "externalThreadId", "kind", "status", "category", "complaint", "sentiment", "sentimentScore",
  "priority", "assigneeId", "language", "labels", "currentCycleId", "escalationLevel", "slaState", "firstResponseDueAt",
  "awaitingFirstResponse", "firstInboundAt", "lastMessageAt", "lastInboundAt", "lastInboundReceivedAt", "snoozedUntil",
  "linkedConversationId", "preview", "createdAt", "updatedAt",
] as const;
const AUDIT = ["brandId", "userId", "actor", "action", "objectType", "objectId", "createdAt"] as const;
const ESCALATION = ["brandId", "conversationId", "level", "reason", "cues", "status", "createdAt", "resolvedAt"] as const;
const EXAMPLE = ["brandId", "messageId", "text", "language", "request", "source", "createdAt"] as const;

export type MessageRow = Pick<typeof messages.$inferInsert, (typeof MESSAGE)[number]>;

/**
 * The fill's inserts, prepared once per transaction with a placeholder for every column: the
 * fill writes millions of rows, and building each statement anew would cost more than the insert.
 */
export function fillStatements(tx: Tx): FillStatements {
  const m = columnsOf(messages, MESSAGE);
  const ct = columnsOf(contacts, CONTACT);
  const cy = columnsOf(responseCycles, CYCLE);
  const cv = columnsOf(conversations, CONVERSATION);
  const a = columnsOf(auditLog, AUDIT);
  const e = columnsOf(escalations, ESCALATION);
  const x = columnsOf(classifierExamples, EXAMPLE);
  const message = tx.insert(messages).values(m.slots as never).prepare();
  const contact = tx
    .insert(contacts)
    .values(ct.slots as never)
    .onConflictDoUpdate({ target: [contacts.channelId, contacts.externalId], set: { handle: sql`coalesce(excluded.handle, ${contacts.handle})` } })
    .returning({ id: contacts.id })
    .prepare();
  const cycle = tx.insert(responseCycles).values(cy.slots as never).prepare();
  const conversation = tx.insert(conversations).values(cv.slots as never).prepare();
  const audit = tx.insert(auditLog).values(a.slots as never).prepare();
  const escalation = tx.insert(escalations).values(e.slots as never).prepare();
  const example = tx.insert(classifierExamples).values(x.slots as never).onConflictDoNothing().prepare();
  return {
    message: async (row: MessageRow) => void (await message.execute(m.params(row))),
    contact: async (row: Pick<typeof contacts.$inferInsert, (typeof CONTACT)[number]>) => (await contact.execute(ct.params(row)))[0].id,
    cycle: async (row: Pick<typeof responseCycles.$inferInsert, (typeof CYCLE)[number]>) => void (await cycle.execute(cy.params(row))),
    conversation: async (row: Pick<typeof conversations.$inferInsert, (typeof CONVERSATION)[number]>) => void (await conversation.execute(cv.params(row))),
    audit: async (row: Pick<typeof auditLog.$inferInsert, (typeof AUDIT)[number]>) => void (await audit.execute(a.params(row))),
    escalation: async (row: Pick<typeof escalations.$inferInsert, (typeof ESCALATION)[number]>) => void (await escalation.execute(e.params(row))),
    example: async (row: Pick<typeof classifierExamples.$inferInsert, (typeof EXAMPLE)[number]>) => void (await example.execute(x.params(row))),
    flush: async () => {},
  };
}

type Rows<T extends { $inferInsert: unknown }, K extends readonly (keyof T["$inferInsert"])[]> = Pick<T["$inferInsert"], K[number]>;

export type FillStatements = {
  message(row: MessageRow): Promise<void>;
  contact(row: Rows<typeof contacts, typeof CONTACT>): Promise<number>;
  cycle(row: Rows<typeof responseCycles, typeof CYCLE>): Promise<void>;
  conversation(row: Rows<typeof conversations, typeof CONVERSATION>): Promise<void>;
  audit(row: Rows<typeof auditLog, typeof AUDIT>): Promise<void>;
  escalation(row: Rows<typeof escalations, typeof ESCALATION>): Promise<void>;
  example(row: Rows<typeof classifierExamples, typeof EXAMPLE>): Promise<void>;
  /** Writes what is still held back; before the transaction ends. */
  flush(): Promise<void>;
};

/** The contacts written so far, kept across transactions: every contact of the fill, by channel and platform id. */
export type ContactIds = { last: number; ids: Map<string, number> };

/**
 * The same rows for a database across the network (PostgreSQL), where a statement per row would
 * spend the fill on round trips: rows are held back per table and written `batch` at a time in
 * one multi-row INSERT. Contacts get their ids here (after `known.last`), each contact once.
 */
export function batchedFillStatements(tx: Tx, known: ContactIds, batch = 1000): FillStatements {
  const held = new Map<SQLiteTable, Record<string, unknown>[]>();
  const write = (table: SQLiteTable, rows: Record<string, unknown>[], ignoreDuplicates: boolean) => insertRows(tx, table, rows, { ignoreDuplicates });
  const hold = async (table: SQLiteTable, row: object) => {
    let rows = held.get(table);
    if (!rows) held.set(table, (rows = []));
    rows.push(row as Record<string, unknown>);
    if (rows.length >= batch) {
      held.set(table, []);
      await write(table, rows, table === classifierExamples);
    }
  };
  return {
    message: (row: MessageRow) => hold(messages, row),
    async contact(row: Rows<typeof contacts, typeof CONTACT>) {
      const key = `${row.channelId}:${row.externalId}`;
      let id = known.ids.get(key);
      if (id === undefined) {
        known.ids.set(key, (id = ++known.last));
        await hold(contacts, { ...row, id });
      }
      return id;
    },
    cycle: (row: Rows<typeof responseCycles, typeof CYCLE>) => hold(responseCycles, row),
    conversation: (row: Rows<typeof conversations, typeof CONVERSATION>) => hold(conversations, row),
    audit: (row: Rows<typeof auditLog, typeof AUDIT>) => hold(auditLog, row),
    escalation: (row: Rows<typeof escalations, typeof ESCALATION>) => hold(escalations, row),
    example: (row: Rows<typeof classifierExamples, typeof EXAMPLE>) => hold(classifierExamples, row),
    async flush() {
      for (const [table, rows] of held) {
        held.set(table, []);
        await write(table, rows, table === classifierExamples);
      }
    },
  };
}

const date = (ms: number | null) => (ms == null ? null : new Date(ms));

// A cycle row with its deadlines, FRT and SLA state as of `now`, computed by the SLA engine itself.
export async function writeCycle(s: FillStatements, conversation: FillConversation, cycle: FillCycle, now: number): Promise<{ dueAt: number; slaState: SlaState }> {
  const { terms } = cycle;
  const { atRiskAt, dueAt } = deadlinesFor({ terms, startedAt: cycle.startedAt });
  const started = new Date(cycle.startedAt);
  const answered = cycle.firstResponseAt == null ? null : new Date(cycle.firstResponseAt);
  const frt = answered ? responseSeconds({ calendar: terms.calendar, from: started, to: answered }) : null;
  const slaState = slaStateAt({ startedAt: started, firstResponseAt: answered, targetSeconds: terms.targetSeconds, atRiskShare: terms.atRiskShare, calendar: terms.calendar, now: new Date(now) });
  const resolution = cycle.resolvedAt == null ? null : responseSeconds({ calendar: terms.calendar, from: started, to: new Date(Math.max(cycle.resolvedAt, cycle.startedAt)) });
  await s.cycle({
    id: cycle.id,
    conversationId: conversation.id,
    brandId: conversation.brandId,
    channelId: conversation.channelId,
    number: cycle.number,
    category: cycle.category,
    startedAt: started,
    firstResponseAt: answered,
    firstResponseSeconds: frt ? Math.round(frt.wall) : null,
    firstResponseBusinessSeconds: frt ? Math.round(frt.business) : null,
    firstResponderId: cycle.responderId,
    policyId: terms.policyId,
    targetSeconds: terms.targetSeconds,
    nextResponseTargetSeconds: terms.nextResponseTargetSeconds,
    atRiskShare: terms.atRiskShare,
    calendar: terms.calendar,
    atRiskAt: new Date(atRiskAt),
    dueAt: new Date(dueAt),
    slaState,
    awaitingSince: date(cycle.awaitingSince),
    resolvedAt: date(cycle.resolvedAt),
    resolutionSeconds: resolution ? Math.round(resolution.wall) : null,
    resolutionBusinessSeconds: resolution ? Math.round(resolution.business) : null,
    reopened: cycle.number > 1,
    createdAt: new Date(cycle.createdAt),
  });
  return { dueAt, slaState };
}

export async function writeConversation(s: FillStatements, c: FillConversation, current: { dueAt: number; slaState: SlaState } | null, snoozedUntil: number | null): Promise<void> {
  const cycle = c.cycle;
  await s.conversation({
    id: c.id,
    brandId: c.brandId,
    channelId: c.channelId,
    contactId: c.contactId,
    externalThreadId: c.threadKey,
    kind: c.kind,
    status: c.status,
    category: cycle?.category ?? "noise",
    complaint: !!cycle?.complaint,
    sentiment: c.sentiment,
    sentimentScore: c.sentimentScore,
    priority: c.escalationLevel > 0 ? "high" : "normal",
    assigneeId: c.assigneeId,
    language: c.language,
    labels: [],
    currentCycleId: cycle?.id ?? null,
    escalationLevel: c.escalationLevel,
    slaState: current?.slaState ?? null,
    firstResponseDueAt: date(current?.dueAt ?? null),
    awaitingFirstResponse: !!cycle && cycle.firstResponseAt == null && c.status !== "resolved",
    firstInboundAt: date(c.firstInboundAt),
    lastMessageAt: new Date(c.lastMessageAt),
    lastInboundAt: date(c.lastInboundAt),
    lastInboundReceivedAt: date(c.lastInboundReceivedAt),
    snoozedUntil: date(snoozedUntil),
    linkedConversationId: c.linkedId,
    preview: c.preview,
    createdAt: new Date(c.createdAt),
    updatedAt: new Date(c.updatedAt),
  });
}
