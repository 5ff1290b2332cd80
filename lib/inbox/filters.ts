import { z } from "zod";
import { PRIORITIES, SENTIMENTS, SLA_STATES, STATUSES, CATEGORIES } from "@/db/schema";
import { ftsQuery } from "./search";

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
 * SQL for the filters, AND-ed to the view (lib/inbox/list.ts decides which index drives). The
 * columns carry a unary "+" so that SQLite never walks a filter's index instead of the view's.
 */
export function filterSql(filters: InboxFilters, userId: number): { where: string[]; params: Record<string, unknown>; assignee: boolean; search: boolean } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const equal: [keyof InboxFilters, string][] = [
    ["channel", "+c.channel_id"],
    ["status", "+c.status"],
    ["category", "+c.category"],
    ["sentiment", "+c.sentiment"],
    ["language", "+c.language"],
    ["sla", "+c.sla_state"],
    ["priority", "+c.priority"],
  ];
  for (const [key, column] of equal) {
    if (filters[key] === undefined) continue;
    where.push(`${column} = @f_${key}`);
    params[`f_${key}`] = filters[key];
  }
  if (filters.label) {
    where.push("EXISTS (SELECT 1 FROM json_each(c.labels) WHERE json_each.value = @f_label)");
    params.f_label = filters.label;
  }
  let assignee = false;
  if (filters.assignee === "none") where.push("+c.assignee_id IS NULL");
  else if (filters.assignee !== undefined) {
    where.push("+c.assignee_id = @f_assignee");
    params.f_assignee = filters.assignee === "me" ? userId : filters.assignee;
    assignee = true;
  }
  const match = filters.q ? ftsQuery(filters.q) : null;
  if (match) params.f_q = match;
  return { where, params, assignee, search: !!match };
}
