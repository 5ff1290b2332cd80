import type Database from "better-sqlite3";
import { PRIORITIES } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { recordChange } from "@/lib/realtime/record-change";
import { notify, type NotificationKind } from "@/lib/notifications/notify";
import type { CompiledRule } from "./evaluate";
import { enqueueEmail, enqueueWebhook } from "./deliveries";
import { noticeText, type Notice, type NoticeEvent } from "./payload";
import { audienceUserIds, emailsOf, isActiveMember, levelAudience } from "./people";
import { dbFor, prepared } from "./sql";

export type Firing = {
  sqlite: Database.Database;
  brandId: number;
  now: number;
  rule: CompiledRule;
  cues: string[];
  conversationId: number;
  messageId: number | null;
  trigger: "message" | "sla";
  slaState?: string;
};

type ConversationRow = {
  id: number;
  priority: (typeof PRIORITIES)[number];
  assignee_id: number | null;
  labels: string;
  escalation_level: number;
  current_cycle_id: number | null;
  preview: string;
  kind: string;
  channel_kind: string;
};

const CONVERSATION = `SELECT c.id, c.priority, c.assignee_id, c.labels, c.escalation_level, c.current_cycle_id, c.preview, c.kind, ch.kind AS channel_kind
  FROM conversations c JOIN channels ch ON ch.id = c.channel_id WHERE c.id = ? AND c.brand_id = ?`;

export const ruleActor = (rule: { name: string }): Actor => ({ userId: null, label: `rule: ${rule.name}` });

/**
 * Applies a matched rule's actions in the caller's transaction. A rule that escalates fires
 * while the conversation has no open escalation at its level or above (a higher level raises
 * the open one); any other rule fires once per response cycle. Returns whether it fired.
 */
export function fireRule(f: Firing): boolean {
  const { sqlite, brandId, now, rule } = f;
  const conversation = prepared(sqlite, CONVERSATION).get(f.conversationId, brandId) as ConversationRow | undefined;
  if (!conversation) return false;
  const escalate = rule.actions.find((a) => a.type === "escalate");
  const open = prepared(sqlite, "SELECT id, level, cues FROM escalations WHERE conversation_id = ? AND status != 'resolved' ORDER BY level DESC, id LIMIT 1").get(conversation.id) as
    | { id: number; level: number; cues: string }
    | undefined;
  if (escalate ? open && open.level >= escalate.level : firedThisCycle(sqlite, rule.id, conversation)) return false;

  const db = dbFor(sqlite);
  const actor = ruleActor(rule);
  const brand = prepared(sqlite, "SELECT id, slug, name FROM brands WHERE id = ?").get(brandId) as Notice["brand"];
  const inApp = new Set<number>();
  let escalation: Notice["escalation"] = null;
  let event: NoticeEvent = "rule.matched";

  if (escalate) {
    const owner = escalate.userIds.length === 1 ? escalate.userIds[0] : null;
    if (open) {
      const cues = [...new Set([...(JSON.parse(open.cues) as string[]), ...f.cues])];
      prepared(sqlite, "UPDATE escalations SET level = ?, rule_id = ?, reason = ?, cues = ?, owner_id = coalesce(?, owner_id) WHERE id = ?").run(escalate.level, rule.id, rule.name, JSON.stringify(cues), owner, open.id);
      recordAudit(db, { actor, brandId, action: "escalation.raise", objectType: "escalation", objectId: open.id, before: { level: open.level }, after: { level: escalate.level, reason: rule.name, ruleId: rule.id, cues: f.cues, ownerId: owner } });
      escalation = { id: open.id, level: escalate.level };
      event = "escalation.raised";
    } else {
      const id = Number(
        prepared(
          sqlite,
          `INSERT INTO escalations (brand_id, conversation_id, message_id, rule_id, level, reason, cues, owner_id, status, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
        ).run(brandId, conversation.id, f.messageId, rule.id, escalate.level, rule.name, JSON.stringify(f.cues), owner, now).lastInsertRowid,
      );
      recordAudit(db, { actor, brandId, action: "escalation.create", objectType: "escalation", objectId: id, after: { level: escalate.level, reason: rule.name, ruleId: rule.id, cues: f.cues, conversationId: conversation.id, messageId: f.messageId, ownerId: owner } });
      escalation = { id, level: escalate.level };
      event = "escalation.created";
    }
    // The level only ever goes up: a later, milder rule never hides a serious one.
    prepared(sqlite, "UPDATE conversations SET escalation_level = max(escalation_level, ?), updated_at = ? WHERE id = ?").run(escalate.level, now, conversation.id);
    recordChange(sqlite, { brandId, kind: "escalation", objectId: escalation.id, conversationId: conversation.id, data: { level: escalation.level, event }, at: now });
    for (const id of audienceUserIds(sqlite, { brandId, audience: levelAudience(escalate.level, escalate.userIds) })) inApp.add(id);
  }

  const notice: Notice = {
    event,
    brand,
    rule: { id: rule.id, name: rule.name },
    escalation,
    conversation: { id: conversation.id, preview: conversation.preview, channelKind: conversation.channel_kind, kind: conversation.kind },
    cues: f.cues,
    at: now,
  };
  const key = escalation ? `esc:${escalation.id}:l${escalation.level}` : `rule:${rule.id}:conv:${conversation.id}:cycle:${conversation.current_cycle_id ?? 0}`;

  for (const action of rule.actions) {
    switch (action.type) {
      case "set_priority":
        if (PRIORITIES.indexOf(action.priority) > PRIORITIES.indexOf(conversation.priority)) {
          prepared(sqlite, "UPDATE conversations SET priority = ?, updated_at = ? WHERE id = ?").run(action.priority, now, conversation.id);
          recordAudit(db, { actor, brandId, action: "conversation.priority", objectType: "conversation", objectId: conversation.id, before: { priority: conversation.priority }, after: { priority: action.priority } });
          conversation.priority = action.priority;
        }
        break;
      case "assign":
        // Never takes a conversation away from someone already working it.
        if (conversation.assignee_id == null && isActiveMember(sqlite, brandId, action.userId)) {
          prepared(sqlite, "UPDATE conversations SET assignee_id = ?, updated_at = ? WHERE id = ?").run(action.userId, now, conversation.id);
          recordAudit(db, { actor, brandId, action: "conversation.assign", objectType: "conversation", objectId: conversation.id, before: { assigneeId: null }, after: { assigneeId: action.userId } });
          conversation.assignee_id = action.userId;
          notify(sqlite, { brandId, userIds: [action.userId], kind: "assignment", text: `Assigned to you by a rule (${rule.name}): “${conversation.preview.slice(0, 100)}”`, conversationId: conversation.id, at: now });
        }
        break;
      case "add_label": {
        const labels = JSON.parse(conversation.labels) as string[];
        if (!labels.includes(action.label)) {
          const next = [...labels, action.label];
          prepared(sqlite, "UPDATE conversations SET labels = ?, updated_at = ? WHERE id = ?").run(JSON.stringify(next), now, conversation.id);
          recordAudit(db, { actor, brandId, action: "conversation.label", objectType: "conversation", objectId: conversation.id, before: { labels }, after: { labels: next } });
          conversation.labels = JSON.stringify(next);
        }
        break;
      }
      case "notify_in_app":
        for (const id of audienceUserIds(sqlite, { brandId, audience: action, assigneeId: conversation.assignee_id })) inApp.add(id);
        break;
      case "notify_email": {
        const people = audienceUserIds(sqlite, { brandId, audience: action, assigneeId: conversation.assignee_id });
        for (const address of new Set([...emailsOf(sqlite, people), ...action.addresses].map((a) => a.toLowerCase())))
          enqueueEmail(sqlite, { brandId, address, notice, key: `${key}:mailto:${address}`, now });
        break;
      }
      case "notify_webhook":
        enqueueWebhook(sqlite, { brandId, endpointId: action.endpointId, notice, key: `${key}:ep:${action.endpointId}`, now });
        break;
      case "escalate":
        break;
    }
  }

  const kind: NotificationKind = !escalation && f.cues.includes("SLA breached") ? "sla_breach" : "escalation";
  if (inApp.size) notify(sqlite, { brandId, userIds: [...inApp], kind, text: noticeText(notice), conversationId: conversation.id, escalationId: escalation?.id ?? null, at: now });
  recordAudit(db, {
    actor,
    brandId,
    action: "escalation_rule.fire",
    objectType: "conversation",
    objectId: conversation.id,
    after: { ruleId: rule.id, rule: rule.name, cycleId: conversation.current_cycle_id, cues: f.cues, trigger: f.trigger, escalationId: escalation?.id ?? null, messageId: f.messageId },
  });
  // Ingestion records its own conversation change at the end of the batch; the SLA timer does not.
  if (f.trigger === "sla") recordChange(sqlite, { brandId, kind: "conversation", objectId: conversation.id, conversationId: conversation.id, at: now });
  return true;
}

// The audit row a firing writes doubles as its "already fired this cycle" marker (audit_object index).
function firedThisCycle(sqlite: Database.Database, ruleId: number, conversation: ConversationRow): boolean {
  return !!prepared(
    sqlite,
    `SELECT 1 FROM audit_log WHERE object_type = 'conversation' AND object_id = ? AND action = 'escalation_rule.fire'
       AND json_extract(after, '$.ruleId') = ? AND json_extract(after, '$.cycleId') IS ? LIMIT 1`,
  ).get(String(conversation.id), ruleId, conversation.current_cycle_id);
}
