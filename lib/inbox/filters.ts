import { eq, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import { conversations, PRIORITIES, SENTIMENTS, SLA_STATES, STATUSES, CATEGORIES } from "@/db/schema";
import { bind } from "@/db/prepared";
import { jsonArrayHas, skipIndex } from "@/db/inbox";
import { searchWords } from "./search";

// The inbox filters as they live in the URL; a value that does not parse is dropped, never an error,
// so an old or hand-edited link still opens the inbox.
const fields = {
  channel: z.coerce.number().int().positive(),
  status: z.enum(STATUSES),
  category: z.enum(CATEGORIES),
  assignee: z.union([z.literal("me"), z.literal("none"), z.coerce.number().int().positive()]),
  sentiment: z.enum(SENTIMENTS),
  language: z.string().regex(/^[a-z]{2,3}$/),
  sla: z.enum(SLA_STATES),
  priority: z.enum(PRIORITIES),
  label: z.string().trim().min(1).max(40),
  q: z.string().trim().min(1).max(200),
};

export const FILTER_KEYS = Object.keys(fields) as (keyof typeof fields)[];

export type InboxFilters = { [K in keyof typeof fields]?: z.output<(typeof fields)[K]> };

type SearchParams = Record<string, string | string[] | undefined>;

export function parseInboxFilters(search: SearchParams): InboxFilters {
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const raw = search[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value == null || value === "") continue;
    const parsed = fields[key].safeParse(value);
    if (parsed.success) filters[key] = parsed.data;
  }
  return filters as InboxFilters;
}

export function activeFilterCount(filters: InboxFilters): number {
  return FILTER_KEYS.filter((key) => filters[key] !== undefined).length;
}

/*
 * The filters as conditions, AND-ed to the view (lib/inbox/list.ts decides which index drives).
 * The columns skip their indexes so that SQLite never walks a filter's index instead of the view's.
 * Values are placeholders (`values`), so the query of one set of filters is prepared once;
 * `shape` names that set.
 */
export function filterConditions(
  filters: InboxFilters,
  userId: number,
): { where: SQL[]; values: Record<string, unknown>; shape: string; assigneeId: number | null; words: string[] | null } {
  const c = conversations;
  const where: SQL[] = [];
  const values: Record<string, unknown> = {};
  const equal = [
    ["channel", filters.channel, c.channelId],
    ["status", filters.status, c.status],
    ["category", filters.category, c.category],
    ["sentiment", filters.sentiment, c.sentiment],
    ["language", filters.language, c.language],
    ["sla", filters.sla, c.slaState],
    ["priority", filters.priority, c.priority],
  ] as const;
  const shape: string[] = [];
  const param = (name: string, value: unknown) => {
    shape.push(name);
    values[`f_${name}`] = value;
    return bind(`f_${name}`);
  };
  for (const [name, value, column] of equal) if (value !== undefined) where.push(eq(skipIndex(column), param(name, value)));
  if (filters.label) where.push(jsonArrayHas(c.labels, param("label", filters.label)));
  let assigneeId: number | null = null;
  if (filters.assignee === "none") {
    shape.push("unassigned");
    where.push(isNull(skipIndex(c.assigneeId)));
  } else if (filters.assignee !== undefined) {
    assigneeId = filters.assignee === "me" ? userId : filters.assignee;
    where.push(eq(skipIndex(c.assigneeId), param("assignee", assigneeId)));
  }
  const words = filters.q ? searchWords(filters.q) : [];
  return { where, values, shape: shape.join("+"), assigneeId, words: words.length ? words : null };
}
