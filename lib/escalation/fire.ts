import { and, asc, desc, eq, inArray, ne, sql, type Column } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { skipIndex } from "@/db/inbox";
import { idSource, insertValues, updateValues } from "@/db/bulk";
import { keptWrites } from "@/db/kept-writes";
import { bind, ONE, prepared } from "@/db/prepared";
import { brands, channels, conversations, escalations, PRIORITIES } from "@/db/schema";
import { ruleFiredInCycle } from "@/db/json";
import { insertedRowId } from "@/db/rowid";
import { keptAudit, recordAudit, type Actor } from "@/lib/audit/record";
import { recordChange } from "@/lib/realtime/record-change";
import { notify, type NotificationKind } from "@/lib/notifications/notify";
import type { CompiledRule } from "./evaluate";
import { enqueueEmail, enqueueWebhook } from "./deliveries";
import { noticeText, type Notice, type NoticeEvent } from "./payload";
import { audienceUserIds, mailRecipients, isActiveMember, levelAudience, type RoleMemo } from "./people";

export type Firing = {
  tx: Tx;
  brandId: number;
  now: number;
  rule: CompiledRule;
  cues: string[];
  conversationId: number;
  messageId: number | null;
  trigger: "message" | "sla";
  slaState?: string;
  // Shared by the firings of one transaction (an ingest batch, an SLA timer run).
  memo?: FiringMemo;
};

// What does not change while one transaction runs rules: the brand, its members by role. An
// ingest batch also reads its conversations and their open escalations once (readBatchFacts),
// and the firings keep them up to date.
export type FiringMemo = { brand?: Promise<Notice["brand"]>; roles: RoleMemo; batch?: BatchFacts; labels: Map<number, string> };

export type ConversationFacts = Awaited<ReturnType<ReturnType<typeof prepareConversation>["execute"]>>[number];
export type OpenEscalation = { id: number; level: number; cues: string[]; status: string };
export type BatchFacts = { conversations: Map<number, ConversationFacts>; open: Map<number, OpenEscalation[]> };

export const firingMemo = (): FiringMemo => ({ roles: new Map(), labels: new Map() });

export const ruleActor = (rule: { name: string }): Actor => ({ userId: null, label: `rule: ${rule.name}` });

// A matching rule runs these on the ingest path, once per matching inbound message: prepared
// once per connection (db/prepared.ts). Timestamps and JSON travel as the driver stores them.
const p = sql.placeholder;
const ofBrand = (t: { id: Column; brandId: Column }) => and(eq(t.id, p("id")), eq(t.brandId, p("brandId")));

const conversationFacts = {
  id: conversations.id,
  priority: conversations.priority,
  assigneeId: conversations.assigneeId,
  labels: conversations.labels,
  currentCycleId: conversations.currentCycleId,
  preview: conversations.preview,
  kind: conversations.kind,
  channelKind: channels.kind,
};

const prepareConversation = (tx: Tx) =>
  tx
    .select(conversationFacts)
    .from(conversations)
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .where(ofBrand(conversations))
    .prepare();

// The conversation's highest open escalation.
const prepareOpenEscalation = (tx: Tx) =>
  tx
    .select({ id: escalations.id, level: escalations.level, cues: escalations.cues })
    .from(escalations)
    .where(and(eq(escalations.conversationId, p("conversationId")), eq(escalations.brandId, p("brandId")), ne(escalations.status, "resolved")))
    .orderBy(desc(escalations.level), asc(escalations.id))
    .limit(ONE)
    .prepare();

const prepareBrand = (tx: Tx) => tx.select({ id: brands.id, slug: brands.slug, name: brands.name }).from(brands).where(eq(brands.id, p("id"))).prepare();

const prepareInsertEscalation = (tx: Tx) =>
  tx
    .insert(escalations)
    .values({
      brandId: bind("brandId"),
      conversationId: bind("conversationId"),
      messageId: bind("messageId"),
      ruleId: bind("ruleId"),
      level: bind("level"),
      reason: bind("reason"),
      cues: bind("cues"),
      ownerId: bind("ownerId"),
      status: "open",
      createdAt: bind("now"),
    })
    .prepare();

const prepareRaiseEscalation = (tx: Tx) =>
  tx
    .update(escalations)
    .set({ level: bind("level"), ruleId: bind("ruleId"), reason: bind("reason"), cues: bind("cues"), ownerId: sql`coalesce(${p("ownerId")}, ${escalations.ownerId})` })
    .where(ofBrand(escalations))
    .prepare();

type ConversationWrite = { id: number; brandId: number; level: number | null; priority: string | null; now: number };

// Raised levels and priorities, one row per conversation in a statement per brand. A level only
// ever goes up (a later, milder rule never hides a serious one); a priority is only ever raised
// (fireRule checks), so the last one holds.
async function writeConversations(tx: Tx, list: ConversationWrite[]): Promise<void> {
  const merged = new Map<number, ConversationWrite>();
  for (const w of list) {
    const seen = merged.get(w.id);
    if (!seen) merged.set(w.id, { ...w });
    else {
      if (w.level != null) seen.level = Math.max(seen.level ?? w.level, w.level);
      seen.priority = w.priority ?? seen.priority;
      seen.now = Math.max(seen.now, w.now);
    }
  }
  for (const brandId of new Set(list.map((w) => w.brandId))) {
    const rows = [...merged.values()].filter((w) => w.brandId === brandId).map((w) => [w.id, w.level, w.priority, w.now]);
    await updateValues(tx, conversations, {
      brandId,
      keys: ["id", "escalationLevel", "priority", "updatedAt"],
      rows,
      set: {
        escalationLevel: (value, stored) => `CASE WHEN ${value("escalationLevel")} > ${stored} THEN ${value("escalationLevel")} ELSE ${stored} END`,
        priority: (value, stored) => `coalesce(${value("priority")}, ${stored})`,
      },
    });
  }
}

const keptConversationWrites = keptWrites<ConversationWrite>(writeConversations);

type EscalationRow = { id: number; brandId: number; conversationId: number; messageId: number | null; ruleId: number; level: number; reason: string; cues: string; ownerId: number | null; now: number };

// A kept escalation takes its id now (the notifications, audit entries and changes of its firing
// name it) and is written with the others.
async function insertEscalation(tx: Tx, row: Omit<EscalationRow, "id">): Promise<number> {
  const kept = keptEscalations.of(tx);
  if (!kept) return insertedRowId(await prepared(tx, "escalation.insert", prepareInsertEscalation).execute(row));
  let next = escalationIds.get(kept);
  if (!next) escalationIds.set(kept, (next = idSource(tx, escalations)));
  const id = await next();
  kept.push({ ...row, id });
  return id;
}

async function raiseEscalation(tx: Tx, raise: Pick<EscalationRow, "id" | "brandId" | "level" | "ruleId" | "reason" | "cues" | "ownerId">): Promise<void> {
  const row = keptEscalations.of(tx)?.find((e) => e.id === raise.id);
  if (row) Object.assign(row, { level: raise.level, ruleId: raise.ruleId, reason: raise.reason, cues: raise.cues, ownerId: raise.ownerId ?? row.ownerId });
  else await prepared(tx, "escalation.raise", prepareRaiseEscalation).execute(raise);
}

const ESCALATION_KEYS = ["id", "brandId", "conversationId", "messageId", "ruleId", "level", "reason", "cues", "ownerId", "status", "createdAt"];
const keptEscalations = keptWrites<EscalationRow>((tx, rows) =>
  insertValues(tx, escalations, ESCALATION_KEYS, rows.map((e) => [e.id, e.brandId, e.conversationId, e.messageId, e.ruleId, e.level, e.reason, e.cues, e.ownerId, "open", e.now])),
);
const escalationIds = new WeakMap<object, () => Promise<number>>();

/**
 * Runs `fn` with what its rules' firings write to escalations and conversations kept and
 * written together at its end: the new escalations, then the conversations' levels and priorities.
 */
export const keepingFirings = <T>(tx: Tx, fn: () => Promise<T>): Promise<T> => keptConversationWrites.around(tx, () => keptEscalations.around(tx, fn));

async function loadConversation(tx: Tx, brandId: number, conversationId: number, memo?: FiringMemo) {
  const known = memo?.batch?.conversations.get(conversationId);
  if (known) return known;
  const [row] = await prepared(tx, "escalation.conversation", prepareConversation).execute({ id: conversationId, brandId });
  return row;
}

// The conversation's highest open escalation.
async function openEscalation(tx: Tx, brandId: number, conversationId: number, memo?: FiringMemo): Promise<OpenEscalation | undefined> {
  const open = memo?.batch?.open;
  if (open?.has(conversationId)) return [...open.get(conversationId)!].sort((a, b) => b.level - a.level || a.id - b.id)[0];
  const [row] = await prepared(tx, "escalation.open", prepareOpenEscalation).execute({ conversationId, brandId });
  return row ? { ...row, status: "open" } : undefined;
}

// The rule fired in the cycle: recorded, or recorded by this transaction and not written yet.
async function firedInCycle(tx: Tx, query: { conversationId: number; ruleId: number; cycleId: number | null }): Promise<boolean> {
  const kept = keptAudit(tx, (e) => {
    const after = e.after as { ruleId?: number; cycleId?: number | null } | undefined;
    return e.action === "escalation_rule.fire" && e.objectType === "conversation" && e.objectId === String(query.conversationId) && after?.ruleId === query.ruleId && (after?.cycleId ?? null) === query.cycleId;
  });
  return kept || ruleFiredInCycle(tx, query);
}

/** The conversations of an ingest batch and their open escalations, read once for its rules. */
export async function readBatchFacts(tx: Tx, brandId: number, conversationIds: number[]): Promise<BatchFacts> {
  const facts: BatchFacts = { conversations: new Map(), open: new Map() };
  for (const id of conversationIds) facts.open.set(id, []);
  for (let i = 0; i < conversationIds.length; i += 500) {
    const ids = conversationIds.slice(i, i + 500);
    // The brand never drives the lookup (skipIndex): SQLite would walk all the brand's
    // conversations or escalations through a brand index instead of looking the ids up.
    const rows = await tx
      .select(conversationFacts)
      .from(conversations)
      .innerJoin(channels, eq(channels.id, conversations.channelId))
      .where(and(inArray(conversations.id, ids), eq(skipIndex(conversations.brandId), brandId)));
    for (const row of rows) facts.conversations.set(row.id, row);
    const open = await tx
      .select({ id: escalations.id, level: escalations.level, cues: escalations.cues, status: escalations.status, conversationId: escalations.conversationId })
      .from(escalations)
      .where(and(inArray(escalations.conversationId, ids), eq(skipIndex(escalations.brandId), brandId), ne(escalations.status, "resolved")));
    for (const { conversationId, ...e } of open) facts.open.get(conversationId)?.push(e);
  }
  return facts;
}

export async function brandOf(tx: Tx, brandId: number): Promise<Notice["brand"]> {
  const [brand] = await prepared(tx, "escalation.brand", prepareBrand).execute({ id: brandId });
  return brand;
}

/**
 * Applies a matched rule's actions in the caller's transaction. A rule that escalates fires
 * while the conversation has no open escalation at its level or above (a higher level raises
 * the open one); any other rule fires once per response cycle. Returns whether it fired.
 */
export async function fireRule(f: Firing): Promise<boolean> {
  const { tx, brandId, now, rule } = f;
  const conversation = await loadConversation(tx, brandId, f.conversationId, f.memo);
  if (!conversation) return false;
  const escalate = rule.actions.find((a) => a.type === "escalate");
  const open = await openEscalation(tx, brandId, conversation.id, f.memo);
  if (escalate ? open && open.level >= escalate.level : await firedInCycle(tx, { conversationId: conversation.id, ruleId: rule.id, cycleId: conversation.currentCycleId })) return false;

  const actor = ruleActor(rule);
  const brand = await (f.memo ? (f.memo.brand ??= brandOf(tx, brandId)) : brandOf(tx, brandId));
  const inApp = new Set<number>();
  let escalation: Notice["escalation"] = null;
  let event: NoticeEvent = "rule.matched";

  if (escalate) {
    const owner = escalate.userIds.length === 1 ? escalate.userIds[0] : null;
    if (open) {
      const cues = [...new Set([...open.cues, ...f.cues])];
      await raiseEscalation(tx, { id: open.id, brandId, level: escalate.level, ruleId: rule.id, reason: rule.name, cues: JSON.stringify(cues), ownerId: owner });
      await recordAudit(tx, { actor, brandId, action: "escalation.raise", objectType: "escalation", objectId: open.id, before: { level: open.level }, after: { level: escalate.level, reason: rule.name, ruleId: rule.id, cues: f.cues, ownerId: owner } });
      escalation = { id: open.id, level: escalate.level };
      event = "escalation.raised";
      open.level = escalate.level;
      open.cues = cues;
    } else {
      const id = await insertEscalation(tx, {
        brandId,
        conversationId: conversation.id,
        messageId: f.messageId,
        ruleId: rule.id,
        level: escalate.level,
        reason: rule.name,
        cues: JSON.stringify(f.cues),
        ownerId: owner,
        now,
      });
      f.memo?.batch?.open.get(conversation.id)?.push({ id, level: escalate.level, cues: f.cues, status: "open" });
      await recordAudit(tx, { actor, brandId, action: "escalation.create", objectType: "escalation", objectId: id, after: { level: escalate.level, reason: rule.name, ruleId: rule.id, cues: f.cues, conversationId: conversation.id, messageId: f.messageId, ownerId: owner } });
      escalation = { id, level: escalate.level };
      event = "escalation.created";
    }
    await keptConversationWrites.add(tx, { id: conversation.id, brandId, level: escalate.level, priority: null, now });
    await recordChange(tx, { brandId, kind: "escalation", objectId: escalation.id, conversationId: conversation.id, data: { level: escalation.level, event }, at: now });
    for (const id of await audienceUserIds(tx, { brandId, audience: levelAudience(escalate.level, escalate.userIds), memo: f.memo?.roles })) inApp.add(id);
  }

  const notice: Notice = {
    event,
    brand,
    rule: { id: rule.id, name: rule.name },
    escalation,
    conversation: { id: conversation.id, preview: conversation.preview, channelKind: conversation.channelKind, kind: conversation.kind },
    cues: f.cues,
    at: now,
  };
  const key = escalation ? `esc:${escalation.id}:l${escalation.level}` : `rule:${rule.id}:conv:${conversation.id}:cycle:${conversation.currentCycleId ?? 0}`;
  const where = () => and(eq(conversations.id, conversation.id), eq(conversations.brandId, brandId));

  for (const action of rule.actions) {
    switch (action.type) {
      case "set_priority":
        if (PRIORITIES.indexOf(action.priority) > PRIORITIES.indexOf(conversation.priority)) {
          await keptConversationWrites.add(tx, { id: conversation.id, brandId, level: null, priority: action.priority, now });
          await recordAudit(tx, { actor, brandId, action: "conversation.priority", objectType: "conversation", objectId: conversation.id, before: { priority: conversation.priority }, after: { priority: action.priority } });
          conversation.priority = action.priority;
        }
        break;
      case "assign":
        // Never takes a conversation away from someone already working it.
        if (conversation.assigneeId == null && (await isActiveMember(tx, brandId, action.userId))) {
          await tx.update(conversations).set({ assigneeId: action.userId, updatedAt: new Date(now) }).where(where());
          await recordAudit(tx, { actor, brandId, action: "conversation.assign", objectType: "conversation", objectId: conversation.id, before: { assigneeId: null }, after: { assigneeId: action.userId } });
          conversation.assigneeId = action.userId;
          await notify(tx, { brandId, userIds: [action.userId], kind: "assignment", text: (t) => t("notify.assignedByRule", { rule: rule.name, preview: conversation.preview.slice(0, 100) }), conversationId: conversation.id, at: now });
        }
        break;
      case "add_label": {
        const labels = conversation.labels;
        if (!labels.includes(action.label)) {
          const next = [...labels, action.label];
          await tx.update(conversations).set({ labels: next, updatedAt: new Date(now) }).where(where());
          await recordAudit(tx, { actor, brandId, action: "conversation.label", objectType: "conversation", objectId: conversation.id, before: { labels }, after: { labels: next } });
          conversation.labels = next;
        }
        break;
      }
      case "notify_in_app":
        for (const id of await audienceUserIds(tx, { brandId, audience: action, assigneeId: conversation.assigneeId, memo: f.memo?.roles })) inApp.add(id);
        break;
      case "notify_email": {
        const people = await audienceUserIds(tx, { brandId, audience: action, assigneeId: conversation.assigneeId, memo: f.memo?.roles });
        for (const { address, locale } of await mailRecipients(tx, people, action.addresses))
          await enqueueEmail(tx, { brandId, address, locale, notice, key: `${key}:mailto:${address}`, now });
        break;
      }
      case "notify_webhook":
        await enqueueWebhook(tx, { brandId, endpointId: action.endpointId, notice, key: `${key}:ep:${action.endpointId}`, now });
        break;
      case "escalate":
        break;
    }
  }

  const kind: NotificationKind = !escalation && f.cues.includes("SLA breached") ? "sla_breach" : "escalation";
  if (inApp.size) await notify(tx, { brandId, userIds: [...inApp], kind, text: (t) => noticeText(notice, t), conversationId: conversation.id, escalationId: escalation?.id ?? null, at: now });
  await recordAudit(tx, {
    actor,
    brandId,
    action: "escalation_rule.fire",
    objectType: "conversation",
    objectId: conversation.id,
    after: { ruleId: rule.id, rule: rule.name, cycleId: conversation.currentCycleId, cues: f.cues, trigger: f.trigger, escalationId: escalation?.id ?? null, messageId: f.messageId },
  });
  // Ingestion records its own conversation change at the end of the batch; the SLA timer does not.
  if (f.trigger === "sla") await recordChange(tx, { brandId, kind: "conversation", objectId: conversation.id, conversationId: conversation.id, at: now });
  return true;
}
