import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { database, type Db, type Tx } from "@/db/client";
import { channels, escalationRules, memberships, webhookEndpoints } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { parseRule, ruleSchema, type ParsedRule, type Rule, type RuleInput } from "./rule-schema";

type Row = typeof escalationRules.$inferSelect;

// Rules are a manager's tool: every change authorizes the actor as a manager of the brand.
const manager = (actor: Principal, brandId: number) => authorize({ actor, brandId, needs: "manager" }).audit;
const ruleOf = (brandId: number, id: number) => and(eq(escalationRules.id, id), eq(escalationRules.brandId, brandId));

export function toRule(row: Row): Rule | null {
  const parsed = ruleSchema.safeParse({ name: row.name, enabled: row.enabled, match: row.match, conditions: row.conditions, actions: row.actions });
  if (!parsed.success) return null;
  return { ...parsed.data, id: row.id, brandId: row.brandId, position: row.position };
}

// Every rule of the brand in evaluation order, disabled ones included (the editor shows them).
export async function listRules({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<Rule[]> {
  const rows = await db.select().from(escalationRules).where(eq(escalationRules.brandId, brandId)).orderBy(asc(escalationRules.position), asc(escalationRules.id));
  return rows.map(toRule).filter((r): r is Rule => r !== null);
}

export async function requireRule({ db = database(), brandId, id }: { db?: Db; brandId: number; id: number }): Promise<Rule> {
  const [row] = await db.select().from(escalationRules).where(ruleOf(brandId, id));
  const rule = row && toRule(row);
  if (!rule) throw new AppError("not_found:rule", "No such escalation rule.");
  return rule;
}

/** The schema check plus the brand's references (channels, people, endpoints): what the editor shows per field. */
export async function checkRule({ db = database(), brandId, input }: { db?: Db; brandId: number; input: unknown }): Promise<ParsedRule> {
  const parsed = parseRule(input);
  if (!parsed.ok) return parsed;
  const fieldErrors = await referenceErrors({ db, brandId, rule: parsed.rule });
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : parsed;
}

async function referenceErrors({ db, brandId, rule }: { db: Db; brandId: number; rule: RuleInput }): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const known = async (table: "channels" | "members" | "endpoints", wanted: number[]): Promise<Set<number>> => {
    if (wanted.length === 0) return new Set();
    const rows =
      table === "channels"
        ? await db.select({ id: channels.id }).from(channels).where(and(eq(channels.brandId, brandId), inArray(channels.id, wanted)))
        : table === "members"
          ? await db.select({ id: memberships.userId }).from(memberships).where(and(eq(memberships.brandId, brandId), inArray(memberships.userId, wanted)))
          : await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(and(eq(webhookEndpoints.brandId, brandId), inArray(webhookEndpoints.id, wanted)));
    return new Set(rows.map((r) => r.id));
  };
  for (const [i, c] of rule.conditions.entries()) {
    if (c.type !== "channel") continue;
    const ok = await known("channels", c.channelIds);
    if (c.channelIds.some((id) => !ok.has(id))) errors[`conditions.${i}.channelIds`] = "A channel is not one of this brand's.";
  }
  for (const [i, a] of rule.actions.entries()) {
    const people = a.type === "assign" ? [a.userId] : "userIds" in a ? a.userIds : [];
    const ok = await known("members", people);
    if (people.some((id) => !ok.has(id))) errors[`actions.${i}.${a.type === "assign" ? "userId" : "userIds"}`] = "A person is not a member of this brand.";
    if (a.type === "notify_webhook" && !(await known("endpoints", [a.endpointId])).has(a.endpointId))
      errors[`actions.${i}.endpointId`] = "No such webhook endpoint in this brand.";
  }
  return errors;
}

async function requireValid({ db, brandId, input }: { db: Db; brandId: number; input: unknown }): Promise<RuleInput> {
  const checked = await checkRule({ db, brandId, input });
  if (checked.ok) return checked.rule;
  const fields = Object.entries(checked.fieldErrors).map(([path, message]) => ({ path, message }));
  throw new AppError("bad_request:rule", fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join("; "), { fields });
}

const stored = (rule: RuleInput) => ({ name: rule.name, enabled: rule.enabled, match: rule.match, conditions: rule.conditions, actions: rule.actions });

export async function createRule({ db = database(), brandId, input, actor: principal }: { db?: Db; brandId: number; input: unknown; actor: Principal }): Promise<Rule> {
  const actor = manager(principal, brandId);
  return db.transaction(async (tx) => {
    const rule = await requireValid({ db: tx, brandId, input });
    return (await insertRules({ tx, brandId, rules: [rule], actor }))[0];
  });
}

async function insertRules({ tx, brandId, rules, actor }: { tx: Tx; brandId: number; rules: RuleInput[]; actor: Actor }): Promise<Rule[]> {
  const [last] = await tx.select({ position: escalationRules.position }).from(escalationRules).where(eq(escalationRules.brandId, brandId)).orderBy(desc(escalationRules.position)).limit(1);
  let position = last ? last.position + 1 : 0;
  const created: Rule[] = [];
  for (const rule of rules) {
    const [row] = await tx.insert(escalationRules).values({ brandId, position: position++, ...stored(rule) }).returning();
    await recordAudit(tx, { actor, brandId, action: "escalation_rule.create", objectType: "escalation_rule", objectId: row.id, after: stored(rule) });
    created.push(toRule(row)!);
  }
  return created;
}

export async function updateRule({ db = database(), brandId, id, input, actor: principal }: { db?: Db; brandId: number; id: number; input: unknown; actor: Principal }): Promise<Rule> {
  const actor = manager(principal, brandId);
  return db.transaction(async (tx) => {
    const rule = await requireValid({ db: tx, brandId, input });
    const before = await requireRule({ db: tx, brandId, id });
    const [row] = await tx.update(escalationRules).set(stored(rule)).where(ruleOf(brandId, id)).returning();
    await recordAudit(tx, { actor, brandId, action: "escalation_rule.update", objectType: "escalation_rule", objectId: id, before: stored(before), after: stored(rule) });
    return toRule(row)!;
  });
}

export async function setRuleEnabled({ db = database(), brandId, id, enabled, actor: principal }: { db?: Db; brandId: number; id: number; enabled: boolean; actor: Principal }): Promise<void> {
  const actor = manager(principal, brandId);
  await db.transaction(async (tx) => {
    await requireRule({ db: tx, brandId, id });
    await tx.update(escalationRules).set({ enabled }).where(ruleOf(brandId, id));
    await recordAudit(tx, { actor, brandId, action: enabled ? "escalation_rule.enable" : "escalation_rule.disable", objectType: "escalation_rule", objectId: id });
  });
}

export async function deleteRule({ db = database(), brandId, id, actor: principal }: { db?: Db; brandId: number; id: number; actor: Principal }): Promise<void> {
  const actor = manager(principal, brandId);
  await db.transaction(async (tx) => {
    const before = await requireRule({ db: tx, brandId, id });
    await tx.delete(escalationRules).where(ruleOf(brandId, id));
    await recordAudit(tx, { actor, brandId, action: "escalation_rule.delete", objectType: "escalation_rule", objectId: id, before: stored(before) });
  });
}

/** Moves a rule one place earlier or later in the evaluation order. */
export async function moveRule({ db = database(), brandId, id, direction, actor: principal }: { db?: Db; brandId: number; id: number; direction: "up" | "down"; actor: Principal }): Promise<void> {
  const actor = manager(principal, brandId);
  await db.transaction(async (tx) => {
    const rows = await tx.select({ id: escalationRules.id }).from(escalationRules).where(eq(escalationRules.brandId, brandId)).orderBy(asc(escalationRules.position), asc(escalationRules.id));
    const ids = rows.map((r) => r.id);
    const from = ids.indexOf(id);
    if (from < 0) throw new AppError("not_found:rule", "No such escalation rule.");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to], ids[from]];
    for (const [position, ruleId] of ids.entries()) await tx.update(escalationRules).set({ position }).where(ruleOf(brandId, ruleId));
    await recordAudit(tx, { actor, brandId, action: "escalation_rule.move", objectType: "escalation_rule", objectId: id, after: { position: to } });
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
export async function installDefaultRules({ tx, brandId, actor }: { tx: Tx; brandId: number; actor: Actor }): Promise<void> {
  await insertRules({ tx, brandId, rules: DEFAULT_RULES, actor });
}
