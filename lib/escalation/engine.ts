import type Database from "better-sqlite3";
import type { SlaState } from "@/db/schema";
import type { Classification } from "@/lib/classify/types";
import type { InboundEvent } from "@/lib/ingest/event";
import { loadBrandRules, type BrandRules } from "./compiled";
import type { MessageFacts } from "./evaluate";
import { fireRule } from "./fire";
import { resolveOnReply } from "./resolve-on-reply";
import { prepared } from "./sql";

const DAY = 86_400_000;
// A message that reaches us more than a day after it was written is history (an import, a
// replay, the demo seed): it is stored and counted, but pages nobody.
export const STALE_AFTER_MS = DAY;

// The parts of the pipeline's batch context the engine reads; the object itself keys the per-batch rules.
type BatchContext = { s: { sqlite: Database.Database }; brandId: number; now: number; channelKinds?: Map<number, string> };

export type IngestedMessage = {
  messageId: number;
  conversationId: number;
  channelId: number;
  event: Pick<InboundEvent, "direction" | "automated" | "kind" | "text" | "author" | "createdAt">;
  classification: Classification | null;
  contact: { id: number; blocked: boolean } | null;
  userId: number | null;
};

const perBatch = new WeakMap<object, BrandRules>();

function batchRules(ctx: BatchContext): BrandRules {
  let rules = perBatch.get(ctx);
  if (!rules) {
    rules = loadBrandRules(ctx.s.sqlite, ctx.brandId);
    perBatch.set(ctx, rules);
  }
  return rules;
}

/**
 * The pipeline's hook, called once per stored message inside the ingest transaction: an
 * inbound message runs the brand's rules in order; a person's reply (made elsewhere and
 * ingested) resolves the conversation's open escalations.
 */
export function escalateIngested(ctx: BatchContext, m: IngestedMessage): void {
  const { sqlite } = ctx.s;
  if (m.event.direction === "outbound") {
    if (!m.event.automated) resolveOnReply(sqlite, { brandId: ctx.brandId, conversationId: m.conversationId, messageId: m.messageId, userId: m.userId, now: ctx.now });
    return;
  }
  if (m.event.direction !== "inbound" || !m.classification || m.contact?.blocked) return;
  if (ctx.now - Date.parse(m.event.createdAt) > STALE_AFTER_MS) return;
  const rules = batchRules(ctx).message;
  if (rules.length === 0) return;
  const facts = messageFacts(sqlite, {
    text: m.event.text,
    classification: m.classification,
    followers: m.event.author.followers ?? null,
    channelId: m.channelId,
    channelKind: ctx.channelKinds?.get(m.channelId) ?? channelKind(sqlite, m.channelId),
    visibility: m.event.kind === "private_message" ? "private" : "public",
    conversationId: m.conversationId,
    contactId: m.contact?.id ?? null,
    at: ctx.now,
  });
  for (const rule of rules) {
    const cues = rule.test(facts);
    if (cues) fireRule({ sqlite, brandId: ctx.brandId, now: ctx.now, rule, cues, conversationId: m.conversationId, messageId: m.messageId, trigger: "message" });
  }
}

type FactInput = {
  text: string;
  classification: Pick<Classification, "sentiment" | "sentimentScore" | "complaint" | "language">;
  followers: number | null;
  channelId: number;
  channelKind: string;
  visibility: "public" | "private";
  conversationId: number;
  contactId: number | null;
  at: number;
  slaState?: SlaState | null;
};

export function messageFacts(sqlite: Database.Database, f: FactInput): MessageFacts {
  return {
    text: f.text,
    sentiment: f.classification.sentiment,
    sentimentScore: f.classification.sentimentScore,
    complaint: f.classification.complaint,
    language: f.classification.language,
    followers: f.followers,
    channelId: f.channelId,
    channelKind: f.channelKind,
    visibility: f.visibility,
    slaState: () =>
      f.slaState !== undefined
        ? f.slaState
        : ((prepared(sqlite, "SELECT sla_state FROM conversations WHERE id = ?").get(f.conversationId) as { sla_state: SlaState | null } | undefined)?.sla_state ?? null),
    // conversations_contact index; the contact's own conversations are few.
    recentConversations: (days) =>
      f.contactId == null
        ? 0
        : (prepared(sqlite, "SELECT count(*) AS n FROM conversations WHERE contact_id = ? AND coalesce(first_inbound_at, created_at) BETWEEN ? AND ?").get(f.contactId, f.at - days * DAY, f.at) as { n: number }).n,
  };
}

function channelKind(sqlite: Database.Database, channelId: number): string {
  return (prepared(sqlite, "SELECT kind FROM channels WHERE id = ?").get(channelId) as { kind: string } | undefined)?.kind ?? "";
}

type LatestInbound = {
  id: number;
  text: string;
  sentiment: "negative" | "neutral" | "positive" | null;
  sentiment_score: number | null;
  complaint: number | null;
  language: string | null;
  visibility: "public" | "private";
  channel_id: number;
  contact_id: number | null;
  followers: number | null;
  blocked: number | null;
  channel_kind: string;
  created_at: number;
};

/**
 * The SLA timer's hook, inside its transaction: rules with an SLA condition are evaluated for
 * each request cycle that just became at risk or breached, against its latest inbound message.
 */
export function escalateOnSlaTransitions({ sqlite, transitions, now }: { sqlite: Database.Database; transitions: { id: number; conversation_id: number; brand_id: number; next: string }[]; now: number }): number {
  const byBrand = new Map<number, BrandRules>();
  let fired = 0;
  for (const t of transitions) {
    let rules = byBrand.get(t.brand_id);
    if (!rules) byBrand.set(t.brand_id, (rules = loadBrandRules(sqlite, t.brand_id)));
    const slaRules = rules.message.filter((r) => r.usesSla);
    if (slaRules.length === 0) continue;
    const current = prepared(sqlite, "SELECT 1 FROM conversations WHERE id = ? AND current_cycle_id = ? AND category = 'request' AND status != 'resolved'").get(t.conversation_id, t.id);
    if (!current) continue;
    const latest = prepared(
      sqlite,
      `SELECT m.id, m.text, m.sentiment, m.sentiment_score, m.complaint, m.language, m.visibility, m.channel_id, m.contact_id, m.created_at,
              ct.followers, ct.blocked, ch.kind AS channel_kind
         FROM messages m LEFT JOIN contacts ct ON ct.id = m.contact_id JOIN channels ch ON ch.id = m.channel_id
        WHERE m.conversation_id = ? AND m.direction = 'inbound' ORDER BY m.created_at DESC LIMIT 1`,
    ).get(t.conversation_id) as LatestInbound | undefined;
    if (!latest || latest.blocked) continue;
    const facts = messageFacts(sqlite, {
      text: latest.text,
      classification: { sentiment: latest.sentiment ?? "neutral", sentimentScore: latest.sentiment_score ?? 0, complaint: !!latest.complaint, language: latest.language ?? "" },
      followers: latest.followers,
      channelId: latest.channel_id,
      channelKind: latest.channel_kind,
      visibility: latest.visibility,
      conversationId: t.conversation_id,
      contactId: latest.contact_id,
      at: now,
      slaState: t.next as SlaState,
    });
    for (const rule of slaRules) {
      const cues = rule.test(facts);
      if (cues && fireRule({ sqlite, brandId: t.brand_id, now, rule, cues, conversationId: t.conversation_id, messageId: latest.id, trigger: "sla", slaState: t.next })) fired++;
    }
  }
  return fired;
}
