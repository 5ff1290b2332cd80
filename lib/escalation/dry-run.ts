import { and, desc, eq } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { channels, contacts, messages, responseCycles, type SlaState } from "@/db/schema";
import { messageFacts } from "./engine";
import { compileRule } from "./evaluate";
import { ruleKind, type RuleInput } from "./rule-schema";
import { epochMs, epochMsOrNull } from "./sql";

export type DryRunMatch = { messageId: number; conversationId: number; text: string; at: number; cues: string[] };
export type DryRunResult = { examined: number; matched: DryRunMatch[]; brandAlert: boolean };

/**
 * "Would have matched 12 of the last 500 messages": the rule (as the editor has it, saved or
 * not) over the brand's latest inbound messages, with the code ingestion runs. SLA conditions
 * use the worst state the message's cycle reached; repeat contact counts as of the message.
 */
export async function dryRunRule({ db = database(), brandId, rule, limit = 500, now = Date.now() }: { db?: Db; brandId: number; rule: RuleInput; limit?: number; now?: number }): Promise<DryRunResult> {
  if (ruleKind(rule) === "brand_alert") return { examined: 0, matched: [], brandAlert: true };
  const compiled = compileRule({ ...rule, id: 0 });
  // messages_brand_direction_created: the brand's inbound messages, newest first.
  const rows = await db
    .select({
      id: messages.id,
      conversationId: messages.conversationId,
      text: messages.text,
      createdAt: epochMs(messages.createdAt),
      sentiment: messages.sentiment,
      sentimentScore: messages.sentimentScore,
      complaint: messages.complaint,
      language: messages.language,
      visibility: messages.visibility,
      channelId: messages.channelId,
      channelKind: channels.kind,
      contactId: messages.contactId,
      followers: contacts.followers,
      blocked: contacts.blocked,
      firstResponseAt: epochMsOrNull(responseCycles.firstResponseAt),
      atRiskAt: epochMsOrNull(responseCycles.atRiskAt),
      dueAt: epochMsOrNull(responseCycles.dueAt),
    })
    .from(messages)
    .innerJoin(channels, eq(channels.id, messages.channelId))
    .leftJoin(contacts, eq(contacts.id, messages.contactId))
    .leftJoin(responseCycles, eq(responseCycles.id, messages.cycleId))
    .where(and(eq(messages.brandId, brandId), eq(messages.direction, "inbound")))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(Math.min(Math.max(Math.floor(limit), 1), 5000));
  const matched: DryRunMatch[] = [];
  for (const row of rows) {
    if (row.blocked) continue;
    const facts = messageFacts(db, {
      text: row.text,
      classification: { sentiment: row.sentiment ?? "neutral", sentimentScore: row.sentimentScore ?? 0, complaint: !!row.complaint, language: row.language ?? "" },
      followers: row.followers,
      channelId: row.channelId,
      channelKind: row.channelKind,
      visibility: row.visibility,
      conversationId: row.conversationId,
      contactId: row.contactId,
      at: row.createdAt,
      slaState: worstState(row, now),
    });
    const cues = await compiled.test(facts);
    if (cues) matched.push({ messageId: row.id, conversationId: row.conversationId, text: row.text, at: row.createdAt, cues });
  }
  return { examined: rows.length, matched, brandAlert: false };
}

function worstState(row: { firstResponseAt: number | null; atRiskAt: number | null; dueAt: number | null }, now: number): SlaState | null {
  if (row.dueAt == null) return null;
  const end = row.firstResponseAt ?? now;
  if (end > row.dueAt) return "breached";
  if (row.atRiskAt != null && end > row.atRiskAt) return "at_risk";
  return "on_track";
}
