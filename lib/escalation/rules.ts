import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { channels, escalationRules, memberships, webhookEndpoints } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { parseRule, ruleSchema, type ParsedRule, type Rule, type RuleInput } from "./rule-schema";

type Row = typeof escalationRules.$inferSelect;
type Tx = Pick<Db, "select" | "insert">;

export function toRule(row: Row): Rule | null {
  const parsed = ruleSchema.safeParse({ name: row.name, enabled: row.enabled, match: row.match, conditions: row.conditions, actions: row.actions });
  if (!parsed.success) return null;
  return { ...parsed.data, id: row.id, brandId: row.brandId, position: row.position };
}

// Every rule of the brand in evaluation order, disabled ones included (the editor shows them).
export function listRules({ db, brandId }: { db: Db; brandId: number }): Rule[] {
  const rows = db.select().from(escalationRules).where(eq(escalationRules.brandId, brandId)).orderBy(asc(escalationRules.position), asc(escalationRules.id)).all();
  return rows.map(toRule).filter((r): r is Rule => r !== null);
}

export function requireRule({ db, brandId, id }: { db: Db; brandId: number; id: number }): Rule {
  const row = db.select().from(escalationRules).where(and(eq(escalationRules.id, id), eq(escalationRules.brandId, brandId))).get();
  const rule = row && toRule(row);
  if (!rule) throw new AppError("not_found:rule", "No such escalation rule.");
  return rule;
}

/** The schema check plus the brand's references (channels, people, endpoints): what the editor shows per field. */
export function checkRule({ db, brandId, input }: { db: Db; brandId: number; input: unknown }): ParsedRule {
  const parsed = parseRule(input);
  if (!parsed.ok) return parsed;
  const fieldErrors = referenceErrors({ db, brandId, rule: parsed.rule });
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : parsed;
}

function referenceErrors({ db, brandId, rule }: { db: Db; brandId: number; rule: RuleInput }): Record<string, string> {
  const errors: Record<string, string> = {};
  const known = (table: "channels" | "members" | "endpoints", wanted: number[]): Set<number> => {
    if (wanted.length === 0) return new Set();
    const rows =
      table === "channels"
        ? db.select({ id: channels.id }).from(channels).where(and(eq(channels.brandId, brandId), inArray(channels.id, wanted))).all()
        : table === "members"
          ? db.select({ id: memberships.userId }).from(memberships).where(and(eq(memberships.brandId, brandId), inArray(memberships.userId, wanted))).all()
          : db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(and(eq(webhookEndpoints.brandId, brandId), inArray(webhookEndpoints.id, wanted))).all();
    return new Set(rows.map((r) => r.id));
  };
  rule.conditions.forEach((c, i) => {
    if (c.type !== "channel") return;
    const ok = known("channels", c.channelIds);
    if (c.channelIds.some((id) => !ok.has(id))) errors[`conditions.${i}.channelIds`] = "A channel is not one of this brand's.";
  });
  rule.actions.forEach((a, i) => {
    const people = a.type === "assign" ? [a.userId] : "userIds" in a ? a.userIds : [];
    const ok = known("members", people);
    if (people.some((id) => !ok.has(id))) errors[`actions.${i}.${a.type === "assign" ? "userId" : "userIds"}`] = "A person is not a member of this brand.";
    if (a.type === "notify_webhook" && !known("endpoints", [a.endpointId]).has(a.endpointId))
      errors[`actions.${i}.endpointId`] = "No such webhook endpoint in this brand.";
  });
  return errors;
}

function requireValid({ db, brandId, input }: { db: Db; brandId: number; input: unknown }): RuleInput {
  const checked = checkRule({ db, brandId, input });
  if (checked.ok) return checked.rule;
  const fields = Object.entries(checked.fieldErrors).map(([path, message]) => ({ path, message }));
  throw new AppError("bad_request:rule", fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join("; "), { fields });
}

const stored = (rule: RuleInput) => ({ name: rule.name, enabled: rule.enabled, match: rule.match, conditions: rule.conditions, actions: rule.actions });

export function createRule({ db, brandId, input, actor }: { db: Db; brandId: number; input: unknown; actor: Actor }): Rule {
  const rule = requireValid({ db, brandId, input });
  return db.transaction((tx) => insertRules({ tx, brandId, rules: [rule], actor })[0]);
}

function insertRules({ tx, brandId, rules, actor }: { tx: Tx; brandId: number; rules: RuleInput[]; actor: Actor }): Rule[] {
  const last = tx.select({ position: escalationRules.position }).from(escalationRules).where(eq(escalationRules.brandId, brandId)).orderBy(asc(escalationRules.position)).all();
  let position = last.length ? last[last.length - 1].position + 1 : 0;
  return rules.map((rule) => {
    const row = tx.insert(escalationRules).values({ brandId, position: position++, ...stored(rule) }).returning().get();
    recordAudit(tx, { actor, brandId, action: "escalation_rule.create", objectType: "escalation_rule", objectId: row.id, after: stored(rule) });
    return toRule(row)!;
  });
}

export function updateRule({ db, brandId, id, input, actor }: { db: Db; brandId: number; id: number; input: unknown; actor: Actor }): Rule {
  const rule = requireValid({ db, brandId, input });
  return db.transaction((tx) => {
    const before = requireRule({ db, brandId, id });
    const row = tx.update(escalationRules).set(stored(rule)).where(and(eq(escalationRules.id, id), eq(escalationRules.brandId, brandId))).returning().get();
    recordAudit(tx, { actor, brandId, action: "escalation_rule.update", objectType: "escalation_rule", objectId: id, before: stored(before), after: stored(rule) });
    return toRule(row)!;
  });
}

export function setRuleEnabled({ db, brandId, id, enabled, actor }: { db: Db; brandId: number; id: number; enabled: boolean; actor: Actor }): void {
  db.transaction((tx) => {
    requireRule({ db, brandId, id });
    tx.update(escalationRules).set({ enabled }).where(and(eq(escalationRules.id, id), eq(escalationRules.brandId, brandId))).run();
    recordAudit(tx, { actor, brandId, action: enabled ? "escalation_rule.enable" : "escalation_rule.disable", objectType: "escalation_rule", objectId: id });
  });
}

export function deleteRule({ db, brandId, id, actor }: { db: Db; brandId: number; id: number; actor: Actor }): void {
  db.transaction((tx) => {
    const before = requireRule({ db, brandId, id });
    tx.delete(escalationRules).where(and(eq(escalationRules.id, id), eq(escalationRules.brandId, brandId))).run();
    recordAudit(tx, { actor, brandId, action: "escalation_rule.delete", objectType: "escalation_rule", objectId: id, before: stored(before) });
  });
}

/** Moves a rule one place earlier or later in the evaluation order. */
export function moveRule({ db, brandId, id, direction, actor }: { db: Db; brandId: number; id: number; direction: "up" | "down"; actor: Actor }): void {
  db.transaction((tx) => {
    const ids = tx.select({ id: escalationRules.id }).from(escalationRules).where(eq(escalationRules.brandId, brandId)).orderBy(asc(escalationRules.position), asc(escalationRules.id)).all().map((r) => r.id);
    const from = ids.indexOf(id);
    if (from < 0) throw new AppError("not_found:rule", "No such escalation rule.");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to], ids[from]];
    ids.forEach((ruleId, position) => tx.update(escalationRules).set({ position }).where(eq(escalationRules.id, ruleId)).run());
    recordAudit(tx, { actor, brandId, action: "escalation_rule.move", objectType: "escalation_rule", objectId: id, after: { position: to } });
  });
}

export const DEFAULT_RULES: RuleInput[] = [
  {
    name: "Negative public comment",
    enabled: true,
    match: "all",
    conditions: [{ type: "negative_sentiment", minStrength: 0 }, { type: "visibility", visibility: "public" }],
    actions: [{ type: "escalate", level: 1, userIds: [] }, { type: "set_priority", priority: "high" }],
  },
  {
    name: "Negative from a large audience",
    enabled: true,
    match: "all",
    conditions: [{ type: "negative_sentiment", minStrength: 0 }, { type: "followers", min: 10_000 }],
    actions: [{ type: "escalate", level: 2, userIds: [] }, { type: "set_priority", priority: "high" }],
  },
  {
    name: "First response breached",
    enabled: true,
    match: "all",
    conditions: [{ type: "sla", states: ["breached"] }],
    actions: [{ type: "notify_in_app", to: "managers", userIds: [] }],
  },
];

// Called when a brand is created, inside its transaction. Existing brands keep what they have.
export function installDefaultRules({ tx, brandId, actor }: { tx: Tx; brandId: number; actor: Actor }): void {
  insertRules({ tx, brandId, rules: DEFAULT_RULES, actor });
}
