import { z } from "zod";
import { and, desc, eq, gte, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
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

export async function listAudit({ db = database(), brandId, timeZone, filters, limit = AUDIT_PAGE_SIZE }: { db?: Db; brandId: number; timeZone: string; filters: AuditFilters; limit?: number }): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const a = auditLog;
  const where: (SQL | undefined)[] = [eq(a.brandId, brandId)];
  // "actor" is a user id ("user:12") or the label of a non-person actor ("cli", "worker").
  if (filters.actor) {
    const user = /^user:(\d{1,15})$/.exec(filters.actor);
    where.push(user ? eq(a.userId, Number(user[1])) : and(isNull(a.userId), eq(a.actor, filters.actor)));
  }
  // "conversation." matches every conversation action; a full name matches that action only.
  if (filters.action) where.push(filters.action.endsWith(".") ? sql`substr(${a.action}, 1, length(${filters.action})) = ${filters.action}` : eq(a.action, filters.action));
  if (filters.objectType) where.push(eq(a.objectType, filters.objectType));
  if (filters.objectId) where.push(eq(a.objectId, filters.objectId));
  if (filters.from) where.push(gte(a.createdAt, new Date(localMidnight({ day: filters.from, timeZone }))));
  if (filters.to) where.push(lt(a.createdAt, new Date(localMidnight({ day: nextDay(filters.to), timeZone }))));
  if (filters.cursor) {
    const [at, id] = filters.cursor.split(".").map(Number);
    where.push(or(lt(a.createdAt, new Date(at)), and(eq(a.createdAt, new Date(at)), lt(a.id, id))));
  }
  const rows = await db
    .select({
      id: a.id,
      at: sql<number>`${a.createdAt}`,
      actor: a.actor,
      userId: a.userId,
      action: a.action,
      objectType: a.objectType,
      objectId: a.objectId,
      before: sql<string | null>`${a.before}`,
      after: sql<string | null>`${a.after}`,
    })
    .from(a)
    .where(and(...where))
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(limit + 1);
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
export async function auditFacets({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<{ actors: { value: string; label: string }[]; actions: string[]; objectTypes: string[] }> {
  const a = auditLog;
  const name = sql<string>`coalesce(${users.name}, ${a.actor})`;
  const people = await db
    .selectDistinct({ id: sql<number>`${a.userId}`, name, email: sql<string>`coalesce(${users.email}, ${a.actor})` })
    .from(a)
    .leftJoin(users, eq(users.id, a.userId))
    .where(and(eq(a.brandId, brandId), isNotNull(a.userId)))
    .orderBy(name)
    .limit(500);
  const others = await db.selectDistinct({ actor: a.actor }).from(a).where(and(eq(a.brandId, brandId), isNull(a.userId))).orderBy(a.actor).limit(50);
  const actions = await db.selectDistinct({ action: a.action }).from(a).where(eq(a.brandId, brandId)).orderBy(a.action).limit(500);
  const objectTypes = await db.selectDistinct({ objectType: a.objectType }).from(a).where(eq(a.brandId, brandId)).orderBy(a.objectType).limit(100);
  return {
    actors: [...people.map((p) => ({ value: `user:${p.id}`, label: p.name === p.email ? p.email : `${p.name} (${p.email})` })), ...others.map(({ actor }) => ({ value: actor, label: actor }))],
    actions: actions.map((r) => r.action),
    objectTypes: objectTypes.map((r) => r.objectType),
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
