import type Database from "better-sqlite3";
import { deadlinesFor, type CycleTerms } from "@/lib/sla/policy-store";
import { responseSeconds, slaStateAt } from "@/lib/sla/state";
import type { Calendar } from "@/lib/sla/calendar";

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
  sentiment: string;
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

const calendarJson = new WeakMap<Calendar, string>();

function jsonOf(calendar: Calendar): string {
  let json = calendarJson.get(calendar);
  if (json === undefined) calendarJson.set(calendar, (json = JSON.stringify(calendar)));
  return json;
}

export function fillStatements(sqlite: Database.Database) {
  const p = (sql: string) => sqlite.prepare(sql);
  return {
    message: p(
      `INSERT INTO messages (id, conversation_id, brand_id, channel_id, cycle_id, direction, visibility, external_id,
         in_reply_to_external_id, contact_id, user_id, text, created_at, received_at, automated, language, category,
         complaint, sentiment, sentiment_score, confidence, reasons, url, attachments, nrt_seconds, delivery_state, sent_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    contact: p(
      `INSERT INTO contacts (channel_id, external_id, handle, name, followers, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (channel_id, external_id) DO UPDATE SET handle = coalesce(excluded.handle, handle)
       RETURNING id`,
    ),
    cycle: p(
      `INSERT INTO response_cycles (id, conversation_id, brand_id, channel_id, number, category, started_at, first_response_at,
         first_response_seconds, first_response_business_seconds, first_responder_id, policy_id, target_seconds,
         next_response_target_seconds, at_risk_share, calendar, at_risk_at, due_at, sla_state, awaiting_since, resolved_at,
         resolution_seconds, resolution_business_seconds, reopened, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    conversation: p(
      `INSERT INTO conversations (id, brand_id, channel_id, contact_id, external_thread_id, kind, status, category, complaint,
         sentiment, sentiment_score, priority, assignee_id, language, labels, current_cycle_id, escalation_level, sla_state,
         first_response_due_at, awaiting_first_response, first_inbound_at, last_message_at, last_inbound_at,
         last_inbound_received_at, snoozed_until, linked_conversation_id, preview, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    audit: p(
      `INSERT INTO audit_log (brand_id, user_id, actor, action, object_type, object_id, created_at)
       VALUES (?, ?, ?, 'conversation.resolve', 'conversation', ?, ?)`,
    ),
    escalation: p(
      `INSERT INTO escalations (brand_id, conversation_id, level, reason, cues, status, created_at, resolved_at)
       VALUES (?, ?, ?, 'Negative public comment', '["negative"]', ?, ?, ?)`,
    ),
    example: p(
      `INSERT OR IGNORE INTO classifier_examples (brand_id, message_id, text, language, request, source, created_at)
       VALUES (?, ?, ?, ?, 1, 'reply', ?)`,
    ),
  };
}

export type FillStatements = ReturnType<typeof fillStatements>;

// A cycle row with its deadlines, FRT and SLA state as of `now`, computed by the SLA engine itself.
export function writeCycle(s: FillStatements, conversation: FillConversation, cycle: FillCycle, now: number): { dueAt: number; slaState: string } {
  const { terms } = cycle;
  const { atRiskAt, dueAt } = deadlinesFor({ terms, startedAt: cycle.startedAt });
  const started = new Date(cycle.startedAt);
  const answered = cycle.firstResponseAt == null ? null : new Date(cycle.firstResponseAt);
  const frt = answered ? responseSeconds({ calendar: terms.calendar, from: started, to: answered }) : null;
  const slaState = slaStateAt({ startedAt: started, firstResponseAt: answered, targetSeconds: terms.targetSeconds, atRiskShare: terms.atRiskShare, calendar: terms.calendar, now: new Date(now) });
  const resolution = cycle.resolvedAt == null ? null : responseSeconds({ calendar: terms.calendar, from: started, to: new Date(Math.max(cycle.resolvedAt, cycle.startedAt)) });
  s.cycle.run(
    cycle.id, conversation.id, conversation.brandId, conversation.channelId, cycle.number, cycle.category, cycle.startedAt,
    cycle.firstResponseAt, frt ? Math.round(frt.wall) : null, frt ? Math.round(frt.business) : null, cycle.responderId,
    terms.policyId, terms.targetSeconds, terms.nextResponseTargetSeconds, terms.atRiskShare, jsonOf(terms.calendar),
    atRiskAt, dueAt, slaState, cycle.awaitingSince, cycle.resolvedAt,
    resolution ? Math.round(resolution.wall) : null, resolution ? Math.round(resolution.business) : null,
    cycle.number > 1 ? 1 : 0, cycle.createdAt,
  );
  return { dueAt, slaState };
}

export function writeConversation(s: FillStatements, c: FillConversation, current: { dueAt: number; slaState: string } | null, snoozedUntil: number | null): void {
  const cycle = c.cycle;
  const awaiting = cycle && cycle.firstResponseAt == null && c.status !== "resolved" ? 1 : 0;
  s.conversation.run(
    c.id, c.brandId, c.channelId, c.contactId, c.threadKey, c.kind, c.status, cycle?.category ?? "noise", cycle?.complaint ? 1 : 0,
    c.sentiment, c.sentimentScore, c.escalationLevel > 0 ? "high" : "normal", c.assigneeId, c.language, cycle?.id ?? null, c.escalationLevel, current?.slaState ?? null,
    current?.dueAt ?? null, awaiting, c.firstInboundAt, c.lastMessageAt, c.lastInboundAt, c.lastInboundReceivedAt, snoozedUntil,
    c.linkedId, c.preview, c.createdAt, c.updatedAt,
  );
}
