import { and, asc, eq, inArray } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { auditLog, escalationRules, escalations, users } from "@/db/schema";
import { epochMs } from "./sql";

export type TimelineKind = "created" | "acknowledged" | "rerouted" | "raised" | "resolved" | "changed";

export type TimelineStep = {
  escalationId: number;
  kind: TimelineKind;
  at: number;
  actor: string;
  level: number | null;
  ruleName: string | null;
  reason: string | null;
  cues: string[];
  toName: string | null;
  note: string | null;
};

type AuditRow = { objectId: string | null; action: string; actor: string; userName: string | null; after: unknown; createdAt: number; id: number };

const VERBS: Record<string, TimelineKind> = {
  acknowledge: "acknowledged",
  reroute: "rerouted",
  raise: "raised",
  resolve: "resolved",
};

/**
 * Every escalation step of one conversation, oldest first, from the audit log, which records
 * who did what (which rule and cues, acknowledged, re-routed, raised, resolved with a note).
 * A rule that raises an escalation rewrites the row's level and rule, so the row only stands in
 * for a creation the log lacks. Scoped to the brand: another brand's conversation has no steps.
 */
export async function escalationTimeline({ db = database(), brandId, conversationId }: { db?: Db; brandId: number; conversationId: number }): Promise<TimelineStep[]> {
  const list = await db
    .select({
      id: escalations.id,
      level: escalations.level,
      reason: escalations.reason,
      cues: escalations.cues,
      createdAt: epochMs(escalations.createdAt),
      createdByName: users.name,
      ruleId: escalations.ruleId,
    })
    .from(escalations)
    .leftJoin(users, eq(users.id, escalations.createdBy))
    .where(and(eq(escalations.brandId, brandId), eq(escalations.conversationId, conversationId)))
    .orderBy(asc(escalations.createdAt), asc(escalations.id));
  if (list.length === 0) return [];

  const audits: AuditRow[] = await db
    .select({
      id: auditLog.id,
      objectId: auditLog.objectId,
      action: auditLog.action,
      actor: auditLog.actor,
      userName: users.name,
      after: auditLog.after,
      createdAt: epochMs(auditLog.createdAt),
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.objectType, "escalation"), eq(auditLog.brandId, brandId), inArray(auditLog.objectId, list.map((e) => String(e.id)))))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
  const names = await userNames(db, audits);
  const rules = await ruleNames(db, brandId, [...list.map((e) => e.ruleId), ...audits.map((a) => numberOr(parseObject(a.after).ruleId))]);

  const steps: TimelineStep[] = [];
  const logged = new Set(audits.filter((a) => a.action === "escalation.create").map((a) => Number(a.objectId)));
  for (const e of list) {
    if (logged.has(e.id)) continue;
    const ruleName = e.ruleId != null ? (rules.get(e.ruleId) ?? null) : null;
    steps.push({ escalationId: e.id, kind: "created", at: e.createdAt, actor: e.createdByName ?? "system", level: e.level, ruleName, reason: e.reason !== ruleName ? e.reason : null, cues: Array.isArray(e.cues) ? e.cues.map(String) : [], toName: null, note: null });
  }
  for (const a of audits) {
    const verb = a.action.replace(/^escalation\./, "");
    const after = parseObject(a.after);
    const ruleId = numberOr(after.ruleId);
    const byRule = a.actor.startsWith("rule: ") ? a.actor.slice("rule: ".length) : null;
    const ruleName = ruleId != null ? (rules.get(ruleId) ?? byRule) : byRule;
    const reason = typeof after.reason === "string" && after.reason !== ruleName && after.reason !== byRule ? after.reason : null;
    const toUser = numberOr(after.ownerId);
    steps.push({
      escalationId: Number(a.objectId),
      kind: verb === "create" ? "created" : (VERBS[verb] ?? "changed"),
      at: a.createdAt,
      actor: a.userName ?? a.actor,
      level: numberOr(after.level),
      ruleName,
      reason,
      cues: Array.isArray(after.cues) ? after.cues.map(String) : [],
      toName: toUser != null ? (names.get(toUser) ?? `user ${toUser}`) : null,
      note: typeof after.note === "string" && after.note ? after.note : null,
    });
  }
  // Same-millisecond steps keep their recorded order: the sort is stable.
  return steps.sort((x, y) => x.at - y.at);
}

async function ruleNames(db: Db, brandId: number, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id != null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: escalationRules.id, name: escalationRules.name })
    .from(escalationRules)
    .where(and(eq(escalationRules.brandId, brandId), inArray(escalationRules.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function userNames(db: Db, audits: AuditRow[]): Promise<Map<number, string>> {
  const ids = new Set<number>();
  for (const a of audits) {
    const id = numberOr(parseObject(a.after).ownerId);
    if (id != null) ids.add(id);
  }
  if (ids.size === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// The audit log's `after` as stored: an object for every escalation step, anything for old rows.
function parseObject(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function numberOr(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
