import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { escalationRules } from "@/db/schema";
import { compileRule, type CompiledRule } from "./evaluate";
import { ruleKind, ruleSchema, type Rule } from "./rule-schema";

export type BrandRules = { message: CompiledRule[]; alerts: Rule[] };

// Keyed by the rules' stored text: any change (from this process, the CLI or another server)
// recompiles on the next batch, and an unchanged brand costs one indexed read per batch.
const cache = new Map<number, { key: string; rules: BrandRules }>();
const warned = new Set<number>();

export async function loadBrandRules(db: Db, brandId: number): Promise<BrandRules> {
  const rows = await db
    .select({
      id: escalationRules.id,
      brandId: escalationRules.brandId,
      name: escalationRules.name,
      match: escalationRules.match,
      conditions: escalationRules.conditions,
      actions: escalationRules.actions,
      position: escalationRules.position,
    })
    .from(escalationRules)
    .where(and(eq(escalationRules.brandId, brandId), eq(escalationRules.enabled, true)))
    .orderBy(asc(escalationRules.position), asc(escalationRules.id));
  const key = JSON.stringify(rows);
  const hit = cache.get(brandId);
  if (hit && hit.key === key) return hit.rules;
  const rules: BrandRules = { message: [], alerts: [] };
  for (const row of rows) {
    const rule = parseRow(row);
    if (!rule) continue;
    if (ruleKind(rule) === "brand_alert") rules.alerts.push(rule);
    else rules.message.push(compileRule(rule));
  }
  cache.set(brandId, { key, rules });
  return rules;
}

type Row = { id: number; brandId: number; name: string; match: "all" | "any"; conditions: unknown[]; actions: unknown[]; position: number };

function parseRow(row: Row): Rule | null {
  const parsed = ruleSchema.safeParse({ name: row.name, enabled: true, match: row.match, conditions: row.conditions, actions: row.actions });
  if (parsed.success) return { ...parsed.data, id: row.id, brandId: row.brandId, position: row.position };
  // A rule stored by an older version that no longer validates is skipped, not fatal to ingestion.
  if (!warned.has(row.id)) console.error(`escalation rule ${row.id} is invalid and skipped`, parsed.error.issues[0]);
  warned.add(row.id);
  return null;
}
