import { z } from "zod";
import type { Db } from "@/db/client";
import { localMidnight } from "@/lib/metrics/local-time";

// The audit log of one brand for its admins: filters, keyset pages, and a readable diff.

export type AuditEntry = {
  id: number;
  at: number;
  actor: string;
  userId: number | null;
  action: string;
  objectType: string;
  objectId: string | null;
  changes: DiffLine[];
};

export type DiffLine = { path: string; before?: string; after?: string };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD.");

// The URL's search params, as the page receives them; anything unknown or malformed is dropped.
export const auditFiltersSchema = z.object({
  actor: z.string().trim().max(320).optional().catch(undefined),
  action: z.string().trim().max(80).optional().catch(undefined),
  objectType: z.string().trim().max(40).optional().catch(undefined),
  objectId: z.string().trim().max(64).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  cursor: z.string().regex(/^\d{1,15}\.\d{1,15}$/).optional().catch(undefined),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

export function listAudit({ db, brandId, timeZone, filters, limit = AUDIT_PAGE_SIZE }: { db: Db; brandId: number; timeZone: string; filters: AuditFilters; limit?: number }): { entries: AuditEntry[]; nextCursor: string | null } {
  const where = ["brand_id = @brandId"];
  const args: Record<string, string | number> = { brandId, limit: limit + 1 };
  // "actor" is a user id ("user:12") or the label of a non-person actor ("cli", "worker").
  if (filters.actor) {
    const user = /^user:(\d{1,15})$/.exec(filters.actor);
    if (user) {
      where.push("user_id = @userId");
      args.userId = Number(user[1]);
    } else {
      where.push("user_id IS NULL AND actor = @actor");
      args.actor = filters.actor;
    }
  }
  // "conversation." matches every conversation action; a full name matches that action only.
  if (filters.action) {
    if (filters.action.endsWith(".")) {
      where.push("substr(action, 1, length(@action)) = @action");
    } else where.push("action = @action");
    args.action = filters.action;
  }
  if (filters.objectType) {
    where.push("object_type = @objectType");
    args.objectType = filters.objectType;
  }
  if (filters.objectId) {
    where.push("object_id = @objectId");
    args.objectId = filters.objectId;
  }
  if (filters.from) {
    where.push("created_at >= @from");
    args.from = localMidnight({ day: filters.from, timeZone });
  }
  if (filters.to) {
    where.push("created_at < @to");
    args.to = localMidnight({ day: nextDay(filters.to), timeZone });
  }
  if (filters.cursor) {
    const [at, id] = filters.cursor.split(".").map(Number);
    where.push("(created_at < @cursorAt OR (created_at = @cursorAt AND id < @cursorId))");
    args.cursorAt = at;
    args.cursorId = id;
  }
  const rows = db.$client
    .prepare(
      `SELECT id, created_at AS at, actor, user_id AS userId, action, object_type AS objectType, object_id AS objectId, before, after
         FROM audit_log WHERE ${where.join(" AND ")} ORDER BY created_at DESC, id DESC LIMIT @limit`,
    )
    .all(args) as (Omit<AuditEntry, "changes"> & { before: string | null; after: string | null })[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    entries: page.map(({ before, after, ...rest }) => ({ ...rest, changes: auditDiff(parse(before), parse(after)) })),
    nextCursor: rows.length > limit && last ? `${last.at}.${last.id}` : null,
  };
}

function nextDay(value: string): string {
  return new Date(Date.parse(`${value}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

function parse(json: string | null): unknown {
  if (json == null) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

// Who and what appear in this brand's log, for the filter menus.
export function auditFacets({ db, brandId }: { db: Db; brandId: number }): { actors: { value: string; label: string }[]; actions: string[]; objectTypes: string[] } {
  const sqlite = db.$client;
  const people = sqlite
    .prepare(
      `SELECT DISTINCT a.user_id AS id, coalesce(u.name, a.actor) AS name, coalesce(u.email, a.actor) AS email
         FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE a.brand_id = ? AND a.user_id IS NOT NULL ORDER BY name LIMIT 500`,
    )
    .all(brandId) as { id: number; name: string; email: string }[];
  const others = sqlite.prepare("SELECT DISTINCT actor FROM audit_log WHERE brand_id = ? AND user_id IS NULL ORDER BY actor LIMIT 50").pluck().all(brandId) as string[];
  return {
    actors: [...people.map((p) => ({ value: `user:${p.id}`, label: p.name === p.email ? p.email : `${p.name} (${p.email})` })), ...others.map((a) => ({ value: a, label: a }))],
    actions: sqlite.prepare("SELECT DISTINCT action FROM audit_log WHERE brand_id = ? ORDER BY action LIMIT 500").pluck().all(brandId) as string[],
    objectTypes: sqlite.prepare("SELECT DISTINCT object_type FROM audit_log WHERE brand_id = ? ORDER BY object_type LIMIT 100").pluck().all(brandId) as string[],
  };
}

const SECRET_KEY = /password|secret|token|credential|hash|apikey|api_key/i;
const MAX_VALUE = 300;

/**
 * Before/after as lines of changed fields (nested objects flattened to dot paths). Values of
 * secret-looking keys are masked, whatever a writer put in the log.
 */
export function auditDiff(before: unknown, after: unknown): DiffLine[] {
  const a = flatten(before);
  const b = flatten(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const lines: DiffLine[] = [];
  for (const path of paths) {
    const was = a.get(path);
    const now = b.get(path);
    if (was === now) continue;
    const masked = SECRET_KEY.test(path);
    lines.push({
      path,
      ...(was !== undefined ? { before: masked ? "••••" : was } : {}),
      ...(now !== undefined ? { after: masked ? "••••" : now } : {}),
    });
  }
  return lines;
}

function flatten(value: unknown, prefix = "", out = new Map<string, string>(), depth = 0): Map<string, string> {
  if (value === undefined) return out;
  const isPlain = value !== null && typeof value === "object" && !Array.isArray(value);
  if (isPlain && depth < 4 && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) flatten(child, prefix ? `${prefix}.${key}` : key, out, depth + 1);
    return out;
  }
  const text = typeof value === "string" ? value : JSON.stringify(value);
  out.set(prefix || "value", text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text);
  return out;
}

// Where an entry's object lives in the app, when it has a page.
export function auditObjectHref({ objectType, objectId, brandSlug }: { objectType: string; objectId: string | null; brandSlug: string }): string | null {
  if (!objectId) return null;
  const brand = `brand=${encodeURIComponent(brandSlug)}`;
  switch (objectType) {
    case "conversation":
      return `/inbox?${brand}&c=${encodeURIComponent(objectId)}`;
    case "channel":
      return `/settings/channels?${brand}`;
    case "user":
      return `/settings/team?${brand}`;
    case "brand":
      return `/settings/brands?${brand}`;
    case "escalation":
      return `/escalations?${brand}`;
    case "escalation_rule":
      return `/settings/escalation?${brand}`;
    case "template":
      return `/settings/templates?${brand}`;
    case "sla_policy":
    case "calendar":
      return `/settings/sla?${brand}`;
    default:
      return null;
  }
}
