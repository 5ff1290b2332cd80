import { and, eq, isNotNull, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditLog, changes, escalations, webhookDeliveries } from "@/db/schema";
import { anyOf, mentions, type EraseCounts, type EraseTarget } from "./erase-rows";
import { scrubJson, scrubText } from "./scrub";
import { ERASED } from "./token";

// Audit details, webhook bodies and the realtime log keep their records; what they quote goes.
export async function scrubRecords(tx: Tx, target: EraseTarget): Promise<Pick<EraseCounts, "auditEntries" | "webhookDeliveries" | "changes">> {
  const { brandId, messageIds, conversationIds, contactIds, needles } = target;
  const escalationRows = await tx
    .select({ id: escalations.id })
    .from(escalations)
    .where(and(eq(escalations.brandId, brandId), or(anyOf(escalations.conversationId, conversationIds), anyOf(escalations.messageId, messageIds))));
  const escalationIds = escalationRows.map((r) => r.id);
  const linked = (type: string, ids: number[]) => and(eq(auditLog.objectType, type), anyOf(auditLog.objectId, ids.map(String)));
  const audits = await tx
    .select({ id: auditLog.id, objectType: auditLog.objectType, objectId: auditLog.objectId, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.brandId, brandId),
        or(linked("message", messageIds), linked("conversation", conversationIds), linked("contact", contactIds), linked("escalation", escalationIds), mentions(auditLog.before, needles), mentions(auditLog.after, needles)),
      ),
    );
  const ids = { message: new Set(messageIds.map(String)), conversation: new Set(conversationIds.map(String)), contact: new Set(contactIds.map(String)), escalation: new Set(escalationIds.map(String)) };
  let auditEntries = 0;
  for (const row of audits) {
    const set = ids[row.objectType as keyof typeof ids];
    const content = !!set && row.objectId != null && set.has(row.objectId);
    const before = scrubJson(row.before, { needles, content });
    const after = scrubJson(row.after, { needles, content });
    if (JSON.stringify(before) === JSON.stringify(row.before) && JSON.stringify(after) === JSON.stringify(row.after)) continue;
    await tx.update(auditLog).set({ before, after }).where(and(eq(auditLog.id, row.id), eq(auditLog.brandId, brandId)));
    auditEntries++;
  }
  const deliveries = await tx
    .select({ id: webhookDeliveries.id, escalationId: webhookDeliveries.escalationId, payload: webhookDeliveries.payload })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.brandId, brandId), or(anyOf(webhookDeliveries.escalationId, escalationIds), mentions(webhookDeliveries.payload, needles))));
  const escalated = new Set(escalationIds);
  let webhookCount = 0;
  for (const row of deliveries) {
    const content = row.escalationId != null && escalated.has(row.escalationId);
    const payload = scrubPayload(row.payload, { needles, content });
    if (payload === row.payload) continue;
    await tx.update(webhookDeliveries).set({ payload }).where(and(eq(webhookDeliveries.id, row.id), eq(webhookDeliveries.brandId, brandId)));
    webhookCount++;
  }
  const logged = await tx
    .select({ id: changes.id, conversationId: changes.conversationId, data: changes.data })
    .from(changes)
    .where(and(eq(changes.brandId, brandId), isNotNull(changes.data), or(anyOf(changes.conversationId, conversationIds), mentions(changes.data, needles))));
  const own = new Set(conversationIds);
  let changeCount = 0;
  for (const row of logged) {
    const data = scrubJson(row.data, { needles, content: row.conversationId != null && own.has(row.conversationId) });
    if (JSON.stringify(data) === JSON.stringify(row.data)) continue;
    await tx.update(changes).set({ data }).where(and(eq(changes.id, row.id), eq(changes.brandId, brandId)));
    changeCount++;
  }
  return { auditEntries, webhookDeliveries: webhookCount, changes: changeCount };
}

// A webhook body is JSON text; one that is not (never written so) is replaced whole when linked.
function scrubPayload(payload: string, options: { needles: string[]; content: boolean }): string {
  try {
    return JSON.stringify(scrubJson(JSON.parse(payload), options));
  } catch {
    return options.content ? ERASED : scrubText(payload, options.needles);
  }
}
