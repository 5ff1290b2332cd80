import { eq, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import { conversations, PRIORITIES, SENTIMENTS, SLA_STATES, STATUSES, CATEGORIES } from "@/db/schema";
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
 */
export function filterConditions(filters: InboxFilters, userId: number): { where: SQL[]; assigneeId: number | null; words: string[] | null } {
  const c = conversations;
  const where: SQL[] = [];
  const equal = [
    [filters.channel, c.channelId],
    [filters.status, c.status],
    [filters.category, c.category],
    [filters.sentiment, c.sentiment],
    [filters.language, c.language],
    [filters.sla, c.slaState],
    [filters.priority, c.priority],
  ] as const;
  for (const [value, column] of equal) if (value !== undefined) where.push(eq(skipIndex(column), value));
  if (filters.label) where.push(jsonArrayHas(c.labels, filters.label));
  let assigneeId: number | null = null;
  if (filters.assignee === "none") where.push(isNull(skipIndex(c.assigneeId)));
  else if (filters.assignee !== undefined) {
    assigneeId = filters.assignee === "me" ? userId : filters.assignee;
    where.push(eq(skipIndex(c.assigneeId), assigneeId));
  }
  const words = filters.q ? searchWords(filters.q) : [];
  return { where, assigneeId, words: words.length ? words : null };
}
