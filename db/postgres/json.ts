import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { prepared } from "../prepared";
import { auditLog, escalationRules } from "../schema";

// PostgreSQL's twins of db/sqlite/json.ts: jsonb_array_elements and -> over the jsonb columns.
// A number in JSON is compared as jsonb (5 = 5), as SQLite's json_extract compares integers.

export async function rulesSendingToEndpoint(db: Db, { brandId, endpointId }: { brandId: number; endpointId: number }): Promise<string[]> {
  const rows = await db
    .select({ name: escalationRules.name })
    .from(escalationRules)
    .where(
      and(
        eq(escalationRules.brandId, brandId),
        sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${escalationRules.actions}) a
                     WHERE a.value->>'type' = 'notify_webhook' AND a.value->'endpointId' = to_jsonb(${endpointId}::bigint))`,
      ),
    );
  return rows.map((r) => r.name);
}

export async function brandsWithRuleConditions(db: Db, { types }: { types: readonly string[] }): Promise<number[]> {
  const rows = await db
    .selectDistinct({ brandId: escalationRules.brandId })
    .from(escalationRules)
    .where(
      and(
        eq(escalationRules.enabled, true),
        sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${escalationRules.conditions}) c
                     WHERE c.value->>'type' = ANY(${sql.param([...types])}::text[]))`,
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
        sql`${auditLog.after}->'ruleId' = to_jsonb(${sql.placeholder("ruleId")}::bigint)`,
        // A JSON null or a missing key matches a missing cycle, as SQLite's `IS NULL` does.
        sql`nullif(${auditLog.after}->'cycleId', 'null'::jsonb) IS NOT DISTINCT FROM to_jsonb(${sql.placeholder("cycleId")}::bigint)`,
      ),
    )
    .limit(1)
    .prepare();

export async function ruleFiredInCycle(db: Db, { conversationId, ruleId, cycleId }: { conversationId: number; ruleId: number; cycleId: number | null }): Promise<boolean> {
  const [row] = await prepared(db, "postgres.ruleFiredInCycle", prepareFiredInCycle).execute({ objectId: String(conversationId), ruleId, cycleId });
  return !!row;
}
