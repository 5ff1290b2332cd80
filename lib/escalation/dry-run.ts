import type { Db } from "@/db/client";
import type { SlaState } from "@/db/schema";
import { messageFacts } from "./engine";
import { compileRule } from "./evaluate";
import { ruleKind, type RuleInput } from "./rule-schema";

export type DryRunMatch = { messageId: number; conversationId: number; text: string; at: number; cues: string[] };
export type DryRunResult = { examined: number; matched: DryRunMatch[]; brandAlert: boolean };

type Row = {
  id: number;
  conversation_id: number;
  text: string;
  created_at: number;
  sentiment: "negative" | "neutral" | "positive" | null;
  sentiment_score: number | null;
  complaint: number | null;
  language: string | null;
  visibility: "public" | "private";
  channel_id: number;
  channel_kind: string;
  contact_id: number | null;
  followers: number | null;
  blocked: number | null;
  first_response_at: number | null;
  at_risk_at: number | null;
  due_at: number | null;
};

/**
 * "Would have matched 12 of the last 500 messages": the rule (as the editor has it, saved or
 * not) over the brand's latest inbound messages, with the code ingestion runs. SLA conditions
 * use the worst state the message's cycle reached; repeat contact counts as of the message.
 */
export function dryRunRule({ db, brandId, rule, limit = 500, now = Date.now() }: { db: Db; brandId: number; rule: RuleInput; limit?: number; now?: number }): DryRunResult {
  if (ruleKind(rule) === "brand_alert") return { examined: 0, matched: [], brandAlert: true };
  const sqlite = db.$client;
  const compiled = compileRule({ ...rule, id: 0 });
  // messages_brand_direction_created: the brand's inbound messages, newest first.
  const rows = sqlite
    .prepare(
      `SELECT m.id, m.conversation_id, m.text, m.created_at, m.sentiment, m.sentiment_score, m.complaint, m.language, m.visibility,
              m.channel_id, ch.kind AS channel_kind, m.contact_id, ct.followers, ct.blocked, r.first_response_at, r.at_risk_at, r.due_at
         FROM messages m JOIN channels ch ON ch.id = m.channel_id LEFT JOIN contacts ct ON ct.id = m.contact_id
         LEFT JOIN response_cycles r ON r.id = m.cycle_id
        WHERE m.brand_id = ? AND m.direction = 'inbound' ORDER BY m.created_at DESC, m.id DESC LIMIT ?`,
    )
    .all(brandId, Math.min(Math.max(Math.floor(limit), 1), 5000)) as Row[];
  const matched: DryRunMatch[] = [];
  for (const row of rows) {
    if (row.blocked) continue;
    const facts = messageFacts(sqlite, {
      text: row.text,
      classification: { sentiment: row.sentiment ?? "neutral", sentimentScore: row.sentiment_score ?? 0, complaint: !!row.complaint, language: row.language ?? "" },
      followers: row.followers,
      channelId: row.channel_id,
      channelKind: row.channel_kind,
      visibility: row.visibility,
      conversationId: row.conversation_id,
      contactId: row.contact_id,
      at: row.created_at,
      slaState: worstState(row, now),
    });
    const cues = compiled.test(facts);
    if (cues) matched.push({ messageId: row.id, conversationId: row.conversation_id, text: row.text, at: row.created_at, cues });
  }
  return { examined: rows.length, matched, brandAlert: false };
}

function worstState(row: Row, now: number): SlaState | null {
  if (row.due_at == null) return null;
  const end = row.first_response_at ?? now;
  if (end > row.due_at) return "breached";
  if (row.at_risk_at != null && end > row.at_risk_at) return "at_risk";
  return "on_track";
}
