import type { Db } from "@/db/client";

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

type EscalationRow = { id: number; level: number; reason: string; cues: string | null; createdAt: number; createdByName: string | null; ruleId: number | null };

type AuditRow = { objectId: string; action: string; actor: string; userName: string | null; after: string | null; createdAt: number; id: number };

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
export function escalationTimeline({ db, brandId, conversationId }: { db: Db; brandId: number; conversationId: number }): TimelineStep[] {
  const sqlite = db.$client;
  const escalations = sqlite
    .prepare(
      `SELECT e.id, e.level, e.reason, e.cues, e.created_at AS createdAt, u.name AS createdByName, e.rule_id AS ruleId
         FROM escalations e LEFT JOIN users u ON u.id = e.created_by
        WHERE e.brand_id = ? AND e.conversation_id = ? ORDER BY e.created_at, e.id`,
    )
    .all(brandId, conversationId) as EscalationRow[];
  if (escalations.length === 0) return [];

  const ids = escalations.map((e) => String(e.id));
  const audits = sqlite
    .prepare(
      `SELECT a.id, a.object_id AS objectId, a.action, a.actor, u.name AS userName, a.after, a.created_at AS createdAt
         FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
        WHERE a.object_type = 'escalation' AND a.brand_id = ? AND a.object_id IN (${ids.map(() => "?").join(",")})
        ORDER BY a.created_at, a.id`,
    )
    .all(brandId, ...ids) as AuditRow[];
  const names = userNames(db, audits);
  const rules = ruleNames(db, brandId, [...escalations.map((e) => e.ruleId), ...audits.map((a) => numberOr(parseObject(a.after).ruleId))]);

  const steps: TimelineStep[] = [];
  const logged = new Set(audits.filter((a) => a.action === "escalation.create").map((a) => Number(a.objectId)));
  for (const e of escalations) {
    if (logged.has(e.id)) continue;
    const ruleName = e.ruleId != null ? (rules.get(e.ruleId) ?? null) : null;
    steps.push({ escalationId: e.id, kind: "created", at: e.createdAt, actor: e.createdByName ?? "system", level: e.level, ruleName, reason: e.reason !== ruleName ? e.reason : null, cues: parseList(e.cues), toName: null, note: null });
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

function ruleNames(db: Db, brandId: number, ids: (number | null)[]): Map<number, string> {
  const wanted = [...new Set(ids.filter((id): id is number => id != null))];
  if (wanted.length === 0) return new Map();
  const rows = db.$client
    .prepare(`SELECT id, name FROM escalation_rules WHERE brand_id = ? AND id IN (${wanted.map(() => "?").join(",")})`)
    .all(brandId, ...wanted) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

function userNames(db: Db, audits: AuditRow[]): Map<number, string> {
  const ids = new Set<number>();
  for (const a of audits) {
    const after = parseObject(a.after);
    const id = numberOr(after.ownerId);
    if (id != null) ids.add(id);
  }
  if (ids.size === 0) return new Map();
  const rows = db.$client.prepare(`SELECT id, name FROM users WHERE id IN (${[...ids].map(() => "?").join(",")})`).all(...ids) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

function parseObject(raw: string | null): Record<string, unknown> {
  if (!raw) return {};
  try {
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function parseList(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value = JSON.parse(raw) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

function numberOr(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
