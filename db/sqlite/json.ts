import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { prepared } from "../prepared";
import { auditLog, escalationRules } from "../schema";

// SQLite's JSON functions (json_each, json_extract) over stored JSON columns. The PostgreSQL
// twins (jsonb_array_elements, ->>) go beside these.

/** Names of the brand's rules with a `notify_webhook` action to the endpoint. */
export async function rulesSendingToEndpoint(db: Db, { brandId, endpointId }: { brandId: number; endpointId: number }): Promise<string[]> {
  const rows = await db
    .select({ name: escalationRules.name })
    .from(escalationRules)
    .where(
      and(
        eq(escalationRules.brandId, brandId),
        sql`EXISTS (SELECT 1 FROM json_each(${escalationRules.actions}) a
                     WHERE json_extract(a.value, '$.type') = 'notify_webhook' AND json_extract(a.value, '$.endpointId') = ${endpointId})`,
      ),
    );
  return rows.map((r) => r.name);
}

/** Brands with an enabled rule that has a condition of one of these types. */
export async function brandsWithRuleConditions(db: Db, { types }: { types: readonly string[] }): Promise<number[]> {
  const rows = await db
    .selectDistinct({ brandId: escalationRules.brandId })
    .from(escalationRules)
    .where(
      and(
        eq(escalationRules.enabled, true),
        sql`EXISTS (SELECT 1 FROM json_each(${escalationRules.conditions}) c
                     WHERE json_extract(c.value, '$.type') IN (${sql.join(types.map((t) => sql`${t}`), sql`, `)}))`,
      ),
    );
  return rows.map((r) => r.brandId);
}

const prepareFiredInCycle = (db: Db) =>
  db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.objectType, "conversation"),
        eq(auditLog.objectId, sql.placeholder("objectId")),
        eq(auditLog.action, "escalation_rule.fire"),
        sql`json_extract(${auditLog.after}, '$.ruleId') = ${sql.placeholder("ruleId")}`,
        sql`json_extract(${auditLog.after}, '$.cycleId') IS ${sql.placeholder("cycleId")}`,
      ),
    )
    .limit(1)
    .prepare();

/**
 * Whether a rule already fired on the conversation in this response cycle: the audit row a
 * firing writes is the marker (audit_object index; its `after` holds ruleId and cycleId).
 * Asked each time a non-escalating rule matches: prepared once per connection.
 */
export async function ruleFiredInCycle(db: Db, { conversationId, ruleId, cycleId }: { conversationId: number; ruleId: number; cycleId: number | null }): Promise<boolean> {
  const [row] = await prepared(db, "sqlite.ruleFiredInCycle", prepareFiredInCycle).execute({ objectId: String(conversationId), ruleId, cycleId });
  return !!row;
}
