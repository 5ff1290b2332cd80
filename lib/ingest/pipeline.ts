import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { classify as defaultClassify } from "@/lib/classify";
import type { Classification } from "@/lib/classify/types";
import { loadBrandModel } from "@/lib/classify/brand-training";
import { loadBrandPolicies } from "@/lib/sla/policy-store";
import type { InboundEvent } from "./event";
import { statements, type ConversationRow, type CycleRow, type Statements } from "./store";
import { applyPersonReply, saveCycle, startCycle } from "./cycles";
import { findThread, threadKey } from "./threading";
import { recordChange } from "@/lib/realtime/record-change";
import { indexNewMessages } from "@/lib/search/fts-index";
import { escalateIngested } from "@/lib/escalation/engine";
import { resolveOnReply } from "@/lib/escalation/resolve-on-reply";

export type IngestItem = { event: InboundEvent; channelId: number; userId?: number | null };
export type IngestOutcome = {
  externalId: string;
  messageId: string | null;
  conversationId: string | null;
  duplicate: boolean;
};

type Context = {
  s: Statements;
  brandId: number;
  now: number;
  policies: ReturnType<typeof loadBrandPolicies>;
  classifyText: (text: string) => Classification;
  touched: Map<number, number>;
  channelKinds: Map<number, string>;
};

const PREVIEW_CHARS = 140;

// The base model, adapted by the brand's own layer when agents' corrections have trained one.
function brandClassifier(db: Db, brandId: number): (text: string) => Classification {
  const brandModel = loadBrandModel({ db, brandId });
  return (text) => defaultClassify(text, { brandModel });
}

// One synchronous transaction per batch: everything or nothing is stored, and the caller
// acknowledges only after this returns.
export function ingestBatch({
  db,
  brandId,
  items,
  now = Date.now(),
  classifyText,
}: {
  db: Db;
  brandId: number;
  items: IngestItem[];
  now?: number;
  classifyText?: (text: string) => Classification;
}): IngestOutcome[] {
  const sqlite = db.$client;
  const s = statements(sqlite);
  const run = sqlite.transaction(() => {
    const ctx: Context = {
      s,
      brandId,
      now,
      policies: loadBrandPolicies({ sqlite, brandId }),
      classifyText: classifyText ?? brandClassifier(db, brandId),
      touched: new Map(),
      channelKinds: new Map(),
    };
    const outcomes = items.map((item) => ingestOne(ctx, item));
    recordTouched(ctx);
    indexNewMessages(sqlite, now);
    return outcomes;
  });
  return run.immediate();
}

function recordTouched(ctx: Context): void {
  const sqlite = ctx.s.sqlite;
  for (const [conversationId, messageId] of ctx.touched)
    recordChange(sqlite, { brandId: ctx.brandId, kind: "conversation", objectId: conversationId, conversationId, data: { messageId }, at: ctx.now });
}

function checkChannel(ctx: Context, channelId: number): void {
  if (ctx.channelKinds.has(channelId)) return;
  const channel = ctx.s.channel.get(channelId) as { brand_id: number; kind: string } | undefined;
  if (!channel || channel.brand_id !== ctx.brandId) throw new AppError("not_found:channel", `Unknown channel ${channelId}.`);
  ctx.channelKinds.set(channelId, channel.kind);
}

function platformTime(event: InboundEvent, now: number): number {
  const created = Date.parse(event.createdAt);
  return Number.isFinite(created) ? Math.min(created, now) : now;
}

function ingestOne(ctx: Context, { event, channelId, userId = null }: IngestItem): IngestOutcome {
  checkChannel(ctx, channelId);
  const { s, now } = ctx;
  const at = platformTime(event, now);
  const existing = s.messageByExternal.get(channelId, event.externalId) as
    | { id: number; conversation_id: number; text: string; deleted_on_platform_at: number | null }
    | undefined;
  if (existing) return applyPlatformChange(ctx, { existing, event, at, externalId: event.externalId });
  if (event.action === "delete")
    return { externalId: event.externalId, messageId: null, conversationId: null, duplicate: false };

  const inbound = event.direction === "inbound";
  const contact = inbound ? upsertContact(s, channelId, event, now) : null;
  let conversation = findThread({ s, channelId, event });
  if (!conversation) {
    const owner = contact ?? upsertContact(s, channelId, event, now);
    conversation = s.insertConversation.get({
      brandId: ctx.brandId,
      channelId,
      contactId: owner.id,
      threadKey: threadKey(event),
      kind: event.kind,
      at,
      now,
    }) as ConversationRow;
  }
  const classification = inbound ? classifyInbound(ctx, event.text, contact!.blocked) : null;
  const cycle = inbound
    ? placeInbound(ctx, conversation, at, classification!.category)
    : conversation.current_cycle_id
      ? (s.cycle.get(conversation.current_cycle_id) as CycleRow)
      : null;

  let nrtSeconds: number | null = null;
  const personReply = !inbound && !event.automated;
  if (personReply && cycle) {
    const result = applyPersonReply({ cycle, at });
    nrtSeconds = result.nrtSeconds;
    if (result.firstResponse) recordReplyExample(ctx, cycle, at);
    saveCycle({ s, cycle, now, responderId: userId });
    if (conversation.kind === "private_message") answerPublicByDm(ctx, conversation, at, userId);
  }

  const info = s.insertMessage.run({
    conversationId: conversation.id,
    brandId: ctx.brandId,
    channelId,
    cycleId: cycle?.id ?? null,
    direction: event.direction,
    visibility: event.kind === "private_message" ? "private" : "public",
    externalId: event.externalId,
    inReplyTo: event.inReplyTo ?? null,
    contactId: contact?.id ?? null,
    userId: inbound ? null : userId,
    text: event.text,
    createdAt: at,
    receivedAt: now,
    automated: event.automated ? 1 : 0,
    language: classification?.language ?? null,
    category: classification?.category ?? null,
    complaint: classification ? (classification.complaint ? 1 : 0) : null,
    sentiment: classification?.sentiment ?? null,
    sentimentScore: classification?.sentimentScore ?? null,
    confidence: classification?.confidence ?? null,
    reasons: classification ? JSON.stringify(classification.reasons) : null,
    url: event.url ?? null,
    attachments: event.attachments ? JSON.stringify(event.attachments) : null,
    editedAt: event.action === "edit" ? at : null,
    nrtSeconds,
    deliveryState: inbound ? null : "sent",
    sentAt: inbound ? null : at,
  });
  const messageId = Number(info.lastInsertRowid);
  linkOrphans(ctx, conversation, channelId, event.externalId, cycle);
  refreshConversation(ctx, conversation.id, inbound, { conversation, cycle });
  escalateIngested(ctx, { messageId, conversationId: conversation.id, channelId, event, classification, contact, userId });
  s.touchChannel.run(now, channelId);
  ctx.touched.set(conversation.id, messageId);
  return { externalId: event.externalId, messageId: String(messageId), conversationId: String(conversation.id), duplicate: false };
}

function upsertContact(s: Statements, channelId: number, event: InboundEvent, now: number) {
  // Most messages come from a known contact whose profile did not change: a read, not a write.
  const known = s.contactByExternal.get(channelId, event.author.id) as
    | { id: number; blocked: number; handle: string | null; name: string | null; followers: number | null }
    | undefined;
  const { handle, name, followers } = event.author;
  if (
    known &&
    (handle == null || handle === known.handle) &&
    (name == null || name === known.name) &&
    (followers == null || followers === known.followers)
  )
    return { id: known.id, blocked: !!known.blocked };
  const row = s.upsertContact.get({
    channelId,
    externalId: event.author.id,
    handle: event.author.handle ?? null,
    name: event.author.name ?? null,
    followers: event.author.followers ?? null,
    now,
  }) as { id: number; blocked: number };
  return { id: row.id, blocked: !!row.blocked };
}

function classifyInbound(ctx: Context, text: string, blocked: boolean): Classification {
  const result = ctx.classifyText(text);
  if (!blocked) return result;
  return { ...result, category: "noise", complaint: false, confidence: 1, reasons: ["author blocked", ...result.reasons] };
}

function placeInbound(ctx: Context, conversation: ConversationRow, at: number, category: "request" | "noise"): CycleRow {
  const { s, now } = ctx;
  const current = conversation.current_cycle_id ? (s.cycle.get(conversation.current_cycle_id) as CycleRow) : null;
  const reopens = current && conversation.status === "resolved" && (current.resolved_at == null || at >= current.resolved_at);
  if (!current || reopens) {
    const cycle = startCycle({ s, conversation, number: (current?.number ?? 0) + 1, startedAt: at, category, policies: ctx.policies, now });
    conversation.current_cycle_id = cycle.id;
    conversation.status = "open";
    s.setCurrentCycle.run(cycle.id, "open", conversation.id);
    return cycle;
  }
  // An earlier message arriving later moves the start back; saveCycle recomputes the deadlines.
  if (at < current.started_at) current.started_at = at;
  if (category === "request") current.category = "request";
  if (current.first_response_at != null && current.awaiting_since == null && at >= current.first_response_at)
    current.awaiting_since = at;
  saveCycle({ s, cycle: current, now });
  if (conversation.status !== "open") {
    conversation.status = "open";
    s.setCurrentCycle.run(current.id, "open", conversation.id);
  }
  return current;
}

function recordReplyExample(ctx: Context, cycle: CycleRow, at: number): void {
  const message = ctx.s.latestInboundBefore.get({ conversationId: cycle.conversation_id, cycleId: cycle.id, at }) as { id: number; text: string; language: string | null } | undefined;
  if (message) ctx.s.replyExample.run(ctx.brandId, message.id, message.text, message.language, ctx.now);
}

// "Please DM us": a private message from the brand to the author answers their waiting public comments.
function answerPublicByDm(ctx: Context, dm: ConversationRow, at: number, userId: number | null): void {
  const waiting = ctx.s.unansweredPublicOfContact.all(dm.channel_id, dm.contact_id, dm.id, at) as { conversationId: number; cycleId: number }[];
  for (const row of waiting) {
    const cycle = ctx.s.cycle.get(row.cycleId) as CycleRow;
    applyPersonReply({ cycle, at });
    saveCycle({ s: ctx.s, cycle, now: ctx.now, responderId: userId });
    ctx.s.link.run(dm.id, row.conversationId);
    ctx.s.link.run(row.conversationId, dm.id);
    refreshConversation(ctx, row.conversationId, false);
    ctx.touched.set(row.conversationId, 0);
  }
}

// Replies that arrived before their parent: a brand-only orphan is the brand's answer and joins
// the parent's thread; a customer's orphan stays its own conversation and is linked.
function linkOrphans(ctx: Context, conversation: ConversationRow, channelId: number, externalId: string, cycle: CycleRow | null): void {
  const orphans = ctx.s.orphansOf.all(channelId, externalId, conversation.id) as { id: number }[];
  for (const orphan of orphans) {
    const inbound = (ctx.s.inboundCount.get(orphan.id) as { n: number }).n;
    if (inbound === 0 && cycle) {
      ctx.s.adoptMessages.run({ from: orphan.id, to: conversation.id, cycleId: cycle.id });
      ctx.s.resolveEmptyConversation.run(ctx.now, orphan.id);
      reapplyAdoptedReplies(ctx, conversation.id, cycle);
    } else {
      ctx.s.link.run(conversation.id, orphan.id);
      ctx.s.link.run(orphan.id, conversation.id);
    }
    ctx.touched.set(orphan.id, 0);
  }
}

function reapplyAdoptedReplies(ctx: Context, conversationId: number, cycle: CycleRow): void {
  const replies = ctx.s.personRepliesOf.all(conversationId) as { created_at: number; user_id: number | null }[];
  for (const reply of replies) applyPersonReply({ cycle, at: reply.created_at });
  saveCycle({ s: ctx.s, cycle, now: ctx.now });
}

export function refreshConversation(
  ctx: Pick<Context, "s" | "now">,
  conversationId: number,
  inbound: boolean,
  // The caller's up-to-date rows, when it has them, spare two reads per message.
  known?: { conversation: ConversationRow; cycle: CycleRow | null },
): void {
  const { s, now } = ctx;
  const conversation = known?.conversation ?? (s.conversation.get(conversationId) as ConversationRow);
  const cycle = known
    ? known.cycle
    : conversation.current_cycle_id
      ? (s.cycle.get(conversation.current_cycle_id) as CycleRow)
      : null;
  const latest = s.latestInbound.get(conversationId) as
    | { text: string; sentiment: string | null; sentiment_score: number | null; created_at: number }
    | undefined;
  const summary = cycle ? (s.cycleSummary.get({ conversationId, cycleId: cycle.id }) as { complaint: number | null }) : { complaint: 0 };
  const bounds = s.conversationBounds.get({ id: conversationId }) as { first: number | null; lastInbound: number | null; last: number | null; language: string | null };
  s.updateConversation.run({
    id: conversationId,
    status: conversation.status,
    category: cycle?.category ?? conversation.category,
    complaint: summary.complaint ? 1 : 0,
    sentiment: latest?.sentiment ?? "neutral",
    sentimentScore: latest?.sentiment_score ?? 0,
    language: bounds.language,
    cycleId: cycle?.id ?? null,
    slaState: cycle?.sla_state ?? null,
    dueAt: cycle?.due_at ?? null,
    awaiting: cycle && cycle.first_response_at == null && conversation.status !== "resolved" ? 1 : 0,
    firstInboundAt: bounds.first,
    lastMessageAt: bounds.last ?? conversation.last_message_at,
    lastInboundAt: bounds.lastInbound,
    lastInboundReceivedAt: inbound ? now : null,
    preview: (latest?.text ?? "").slice(0, PREVIEW_CHARS),
    now,
  });
}

function applyPlatformChange(
  ctx: Context,
  { existing, event, at, externalId }: { existing: { id: number; conversation_id: number; text: string; deleted_on_platform_at: number | null }; event: InboundEvent; at: number; externalId: string },
): IngestOutcome {
  const ref = { externalId, messageId: String(existing.id), conversationId: String(existing.conversation_id) };
  if (event.action === "edit" && event.text !== existing.text) {
    ctx.s.editMessage.run(event.text, at, existing.id);
    ctx.touched.set(existing.conversation_id, existing.id);
    return { ...ref, duplicate: false };
  }
  if (event.action === "delete" && existing.deleted_on_platform_at == null) {
    ctx.s.deleteOnPlatform.run(at, existing.id);
    ctx.touched.set(existing.conversation_id, existing.id);
    return { ...ref, duplicate: false };
  }
  return { ...ref, duplicate: true };
}

// A reply sent from Replyhour counts when the platform accepted it (DESIGN.md FRT).
export function recordSentReply({ db, messageId, externalId, sentAt, now = Date.now() }: { db: Db; messageId: number; externalId: string | null; sentAt: number; now?: number }): void {
  const sqlite = db.$client;
  const s = statements(sqlite);
  sqlite.transaction(() => {
    const message = sqlite
      .prepare("SELECT id, conversation_id, brand_id, user_id, direction, visibility FROM messages WHERE id = ?")
      .get(messageId) as { id: number; conversation_id: number; brand_id: number; user_id: number | null; direction: string; visibility: string };
    sqlite
      .prepare("UPDATE messages SET delivery_state = 'sent', external_id = coalesce(?, external_id), sent_at = ?, created_at = ?, last_error = NULL WHERE id = ?")
      .run(externalId, sentAt, sentAt, messageId);
    const conversation = s.conversation.get(message.conversation_id) as ConversationRow;
    const ctx: Context = { s, brandId: message.brand_id, now, policies: [], classifyText: defaultClassify, touched: new Map(), channelKinds: new Map() };
    if (conversation.current_cycle_id) {
      const cycle = s.cycle.get(conversation.current_cycle_id) as CycleRow;
      const result = applyPersonReply({ cycle, at: sentAt });
      if (result.nrtSeconds != null) sqlite.prepare("UPDATE messages SET nrt_seconds = ? WHERE id = ?").run(result.nrtSeconds, messageId);
      if (result.firstResponse) recordReplyExample(ctx, cycle, sentAt);
      saveCycle({ s, cycle, now, responderId: message.user_id });
    }
    if (conversation.kind === "private_message") answerPublicByDm(ctx, conversation, sentAt, message.user_id);
    refreshConversation(ctx, conversation.id, false);
    resolveOnReply(sqlite, { brandId: message.brand_id, conversationId: conversation.id, messageId, userId: message.user_id, now });
    ctx.touched.set(conversation.id, messageId);
    recordTouched(ctx);
  }).immediate();
}
