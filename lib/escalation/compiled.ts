import type Database from "better-sqlite3";
import { compileRule, type CompiledRule } from "./evaluate";
import { ruleKind, ruleSchema, type Rule } from "./rule-schema";
import { prepared } from "./sql";

export type BrandRules = { message: CompiledRule[]; alerts: Rule[] };

type Row = { id: number; brand_id: number; name: string; match: string; conditions: string; actions: string; enabled: number; position: number };

// Keyed by the rules' stored text: any change (from this process, the CLI or another server)
// recompiles on the next batch, and an unchanged brand costs one indexed read per batch.
const cache = new WeakMap<Database.Database, Map<number, { key: string; rules: BrandRules }>>();
const warned = new Set<number>();

export function loadBrandRules(sqlite: Database.Database, brandId: number): BrandRules {
  const rows = prepared(
    sqlite,
    "SELECT id, brand_id, name, match, conditions, actions, enabled, position FROM escalation_rules WHERE brand_id = ? AND enabled = 1 ORDER BY position, id",
  ).all(brandId) as Row[];
  const key = JSON.stringify(rows);
  let perDb = cache.get(sqlite);
  if (!perDb) {
    perDb = new Map();
    cache.set(sqlite, perDb);
  }
  const hit = perDb.get(brandId);
  if (hit && hit.key === key) return hit.rules;
  const rules: BrandRules = { message: [], alerts: [] };
  for (const row of rows) {
    const rule = parseRow(row);
    if (!rule) continue;
    if (ruleKind(rule) === "brand_alert") rules.alerts.push(rule);
    else rules.message.push(compileRule(rule));
  }
  perDb.set(brandId, { key, rules });
  return rules;
}

function parseRow(row: Row): Rule | null {
  const parsed = ruleSchema.safeParse({ name: row.name, enabled: !!row.enabled, match: row.match, conditions: JSON.parse(row.conditions), actions: JSON.parse(row.actions) });
  if (parsed.success) return { ...parsed.data, id: row.id, brandId: row.brand_id, position: row.position };
  // A rule stored by an older version that no longer validates is skipped, not fatal to ingestion.
  if (!warned.has(row.id)) console.error(`escalation rule ${row.id} is invalid and skipped`, parsed.error.issues[0]);
  warned.add(row.id);
  return null;
}
