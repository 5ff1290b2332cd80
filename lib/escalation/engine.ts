import { and, between, count, desc, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { prepared } from "@/db/prepared";
import { channels, contacts, conversations, messages, type SlaState } from "@/db/schema";
import type { Classification } from "@/lib/classify/types";
import type { InboundEvent } from "@/lib/ingest/event";
import { loadBrandRules, type BrandRules } from "./compiled";
import type { MessageFacts } from "./evaluate";
import { fireRule, firingMemo, keepingFirings, readBatchFacts, type BatchFacts, type FiringMemo } from "./fire";
import { keepingResolves, resolveOnReply } from "./resolve-on-reply";
import { keepingNotifications } from "@/lib/notifications/notify";

const DAY = 86_400_000;
// A message that reaches us more than a day after it was written is history (an import, a
// replay, the demo seed): it is stored and counted, but pages nobody.
export const STALE_AFTER_MS = DAY;

export type IngestedMessage = {
  messageId: number;
  conversationId: number;
  channelId: number;
  event: Pick<InboundEvent, "direction" | "automated" | "kind" | "text" | "author" | "createdAt">;
  classification: Classification | null;
  contact: { id: number; blocked: boolean } | null;
  userId: number | null;
  // The conversation's SLA state as the pipeline has just stored it, when it has it: the SLA
  // condition then reads no row.
  slaState?: SlaState | null;
};

export type EscalateIngested = {
  tx: Tx;
  brandId: number;
  now: number;
  // Any object that lives for one ingest batch (the pipeline's batch context): the brand's
  // rules (and the brand and its members, for firings) are read once per batch, so an edited
  // rule takes effect on the next one.
  batch: object;
  // The batch's channel kinds by id, when the pipeline already has them.
  channelKinds?: Map<number, string>;
  // Every conversation of the batch, once its rows are stored: their facts are then read once.
  conversationIds?: () => number[];
  message: IngestedMessage;
};

type BatchState = { rules: Promise<BrandRules>; loaded?: BrandRules; memo: FiringMemo; facts?: Promise<BatchFacts> };

const perBatch = new WeakMap<object, BatchState>();

function batchState({ tx, brandId, batch }: Pick<EscalateIngested, "tx" | "brandId" | "batch">): BatchState {
  let state = perBatch.get(batch);
  if (!state) perBatch.set(batch, (state = { rules: loadBrandRules(tx, brandId), memo: firingMemo() }));
  return state;
}

// The batch's conversations and open escalations, read with its first message's rules.
async function batchFacts(state: BatchState, { tx, brandId, conversationIds }: { tx: Tx; brandId: number; conversationIds?: () => number[] }): Promise<void> {
  if (!conversationIds) return;
  state.memo.batch ??= await (state.facts ??= readBatchFacts(tx, brandId, conversationIds()));
}

/**
 * The pipeline's hook, awaited once per stored message inside the ingest transaction: an
 * inbound message runs the brand's rules in order; a person's reply (made elsewhere and
 * ingested) resolves the conversation's open escalations. Only database work: deliveries are
 * queued rows that the worker sends later.
 */
export async function escalateIngested({ tx, brandId, now, batch, channelKinds, conversationIds, message: m }: EscalateIngested): Promise<void> {
  if (m.event.direction === "outbound") {
    if (m.event.automated) return;
    const state = batchState({ tx, brandId, batch });
    await batchFacts(state, { tx, brandId, conversationIds });
    await resolveOnReply({ tx, brandId, conversationId: m.conversationId, messageId: m.messageId, userId: m.userId, now, open: state.memo.batch?.open, labels: state.memo.labels });
    return;
  }
  if (m.event.direction !== "inbound" || !m.classification || m.contact?.blocked || m.event.automated) return;
  if (now - Date.parse(m.event.createdAt) > STALE_AFTER_MS) return;
  const state = batchState({ tx, brandId, batch });
  const rules = (state.loaded ??= await state.rules).message;
  if (rules.length === 0) return;
  await batchFacts(state, { tx, brandId, conversationIds });
  const facts = messageFacts(tx, {
    text: m.event.text,
    classification: m.classification,
    followers: m.event.author.followers ?? null,
    channelId: m.channelId,
    channelKind: channelKinds?.get(m.channelId) ?? (await channelKind(tx, m.channelId)),
    visibility: m.event.kind === "private_message" ? "private" : "public",
    conversationId: m.conversationId,
    contactId: m.contact?.id ?? null,
    at: now,
    slaState: m.slaState,
  });
  for (const rule of rules) {
    const tested = rule.test(facts);
    const cues = tested instanceof Promise ? await tested : tested;
    if (cues) await fireRule({ tx, brandId, now, rule, cues, conversationId: m.conversationId, messageId: m.messageId, trigger: "message", memo: state.memo });
  }
}

/**
 * Runs `fn` (an ingest batch's rules) with what its rules write kept and written together at its
 * end, a few statements for the batch: the new escalations and the conversations' levels and
 * priorities, then the notifications, then the escalations replies resolved (and their
 * notifications, new ones too, read).
 */
export const keepingRuleWrites = <T>(tx: Tx, fn: () => Promise<T>): Promise<T> =>
  keepingResolves(tx, () => keepingNotifications(tx, () => keepingFirings(tx, fn)));

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

// The lazy facts, asked once per inbound message by a brand with an SLA or repeat-contact rule:
// prepared once per connection.
const p = sql.placeholder;
const prepareSlaState = (db: Db) => db.select({ slaState: conversations.slaState }).from(conversations).where(eq(conversations.id, p("id"))).prepare();
// conversations_contact index; the contact's own conversations are few.
const prepareRecentConversations = (db: Db) =>
  db
    .select({ n: count() })
    .from(conversations)
    .where(and(eq(conversations.contactId, p("contactId")), between(sql`coalesce(${conversations.firstInboundAt}, ${conversations.createdAt})`, p("from"), p("to"))))
    .prepare();
const prepareChannelKind = (db: Db) => db.select({ kind: channels.kind }).from(channels).where(eq(channels.id, p("id"))).prepare();

export function messageFacts(db: Db, f: FactInput): MessageFacts {
  return new Facts(db, f);
}

// One per inbound message: the lazy facts are methods, not closures made for each message.
class Facts implements MessageFacts {
  readonly text: string;
  readonly sentiment: MessageFacts["sentiment"];
  readonly sentimentScore: number | null;
  readonly complaint: boolean;
  readonly language: string | null;
  readonly followers: number | null;
  readonly channelId: number;
  readonly channelKind: string;
  readonly visibility: "public" | "private";

  constructor(
    private readonly db: Db,
    private readonly f: FactInput,
  ) {
    this.text = f.text;
    this.sentiment = f.classification.sentiment;
    this.sentimentScore = f.classification.sentimentScore;
    this.complaint = f.classification.complaint;
    this.language = f.classification.language;
    this.followers = f.followers;
    this.channelId = f.channelId;
    this.channelKind = f.channelKind;
    this.visibility = f.visibility;
  }

  slaState(): SlaState | null | Promise<SlaState | null> {
    return this.f.slaState !== undefined ? this.f.slaState : readSlaState(this.db, this.f.conversationId);
  }

  recentConversations(days: number): number | Promise<number> {
    const { contactId, at } = this.f;
    return contactId == null ? 0 : countRecentConversations(this.db, contactId, at - days * DAY, at);
  }
}

async function readSlaState(db: Db, conversationId: number): Promise<SlaState | null> {
  const [row] = await prepared(db, "escalation.slaState", prepareSlaState).execute({ id: conversationId });
  return row?.slaState ?? null;
}

async function countRecentConversations(db: Db, contactId: number, from: number, to: number): Promise<number> {
  const [row] = await prepared(db, "escalation.recentConversations", prepareRecentConversations).execute({ contactId, from, to });
  return row?.n ?? 0;
}

async function channelKind(db: Db, channelId: number): Promise<string> {
  const [row] = await prepared(db, "escalation.channelKind", prepareChannelKind).execute({ id: channelId });
  return row?.kind ?? "";
}

export type SlaTransition = { id: number; conversationId: number; brandId: number; next: SlaState };

/**
 * The SLA timer's hook, inside its transaction: rules with an SLA condition are evaluated for
 * each request cycle that just became at risk or breached, against its latest inbound message.
 */
export async function escalateOnSlaTransitions({ tx, transitions, now }: { tx: Tx; transitions: SlaTransition[]; now: number }): Promise<number> {
  const byBrand = new Map<number, { rules: BrandRules; memo: FiringMemo }>();
  let fired = 0;
  for (const t of transitions) {
    let brand = byBrand.get(t.brandId);
    if (!brand) byBrand.set(t.brandId, (brand = { rules: await loadBrandRules(tx, t.brandId), memo: firingMemo() }));
    const slaRules = brand.rules.message.filter((r) => r.usesSla);
    if (slaRules.length === 0) continue;
    const [current] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(
        and(
          eq(conversations.id, t.conversationId),
          eq(conversations.brandId, t.brandId),
          eq(conversations.currentCycleId, t.id),
          eq(conversations.category, "request"),
          ne(conversations.status, "resolved"),
        ),
      );
    if (!current) continue;
    const [latest] = await tx
      .select({
        id: messages.id,
        text: messages.text,
        sentiment: messages.sentiment,
        sentimentScore: messages.sentimentScore,
        complaint: messages.complaint,
        language: messages.language,
        visibility: messages.visibility,
        channelId: messages.channelId,
        contactId: messages.contactId,
        followers: contacts.followers,
        blocked: contacts.blocked,
        channelKind: channels.kind,
      })
      .from(messages)
      .leftJoin(contacts, eq(contacts.id, messages.contactId))
      .innerJoin(channels, eq(channels.id, messages.channelId))
      .where(and(eq(messages.conversationId, t.conversationId), eq(messages.direction, "inbound")))
      .orderBy(desc(messages.createdAt))
      .limit(1);
    if (!latest || latest.blocked) continue;
    const facts = messageFacts(tx, {
      text: latest.text,
      classification: { sentiment: latest.sentiment ?? "neutral", sentimentScore: latest.sentimentScore ?? 0, complaint: !!latest.complaint, language: latest.language ?? "" },
      followers: latest.followers,
      channelId: latest.channelId,
      channelKind: latest.channelKind,
      visibility: latest.visibility,
      conversationId: t.conversationId,
      contactId: latest.contactId,
      at: now,
      slaState: t.next,
    });
    for (const rule of slaRules) {
      const cues = await rule.test(facts);
      if (cues && (await fireRule({ tx, brandId: t.brandId, now, rule, cues, conversationId: t.conversationId, messageId: latest.id, trigger: "sla", slaState: t.next, memo: brand.memo }))) fired++;
    }
  }
  return fired;
}
