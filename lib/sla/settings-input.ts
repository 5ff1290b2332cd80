import { AppError } from "@/lib/errors";
import { CATEGORIES, PRIORITIES } from "@/db/schema";
import { parseClock } from "./compile-calendar";
import type { Calendar, WeeklyInterval } from "./types";
import { validateCalendar } from "./validate-calendar";

// The choices a policy form offers; app/ reads them here, never from db/.
export { CATEGORIES, PRIORITIES };

export type CalendarInput = { name: string; timezone: string; intervals: WeeklyInterval[] | null; holidays: string[] };
export type PolicyScope = { channelId: number | null; category: (typeof CATEGORIES)[number] | null; priority: (typeof PRIORITIES)[number] | null };
export type PolicyInput = PolicyScope & {
  name: string;
  firstResponseSeconds: number;
  nextResponseSeconds: number | null;
  atRiskShare: number;
  calendarId: number | null;
};

export const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MIN_TARGET = 60;
const MAX_TARGET = 30 * 86_400;
const MAX_INTERVALS = 70;
const MAX_HOLIDAYS = 400;

function bad(object: string, message: string): never {
  throw new AppError(`bad_request:${object}`, message);
}

export function checkName(name: string, what: string): string {
  const trimmed = name.trim();
  if (!trimmed) bad("name", `A ${what} needs a name.`);
  if (trimmed.length > 80) bad("name", `A ${what} name is at most 80 characters.`);
  return trimmed;
}

/** The engine's checks, plus the mistakes a person makes in a form, in words an admin reads. */
export function checkCalendar(input: Omit<CalendarInput, "name">): Calendar {
  if (Array.isArray(input.intervals)) {
    if (input.intervals.length === 0) bad("calendar", "Business hours need at least one opening interval; choose “Open 24/7” for always open.");
    if (input.intervals.length > MAX_INTERVALS) bad("calendar", `At most ${MAX_INTERVALS} opening intervals.`);
    for (const interval of input.intervals) {
      const day = DAY_NAMES[interval.day] ?? `day ${interval.day}`;
      const start = parseClock({ text: interval.start });
      const end = parseClock({ text: interval.end });
      if (start === null || start >= 1440) bad("calendar", `${day}: the opening time “${interval.start}” is not a time from 00:00 to 23:59.`);
      if (end === null) bad("calendar", `${day}: the closing time “${interval.end}” is not a time from 00:00 to 24:00.`);
      if (start === end) bad("calendar", `${day}: ${interval.start}–${interval.end} opens and closes at the same time; use 00:00–24:00 for the whole day.`);
    }
  }
  if ((input.holidays ?? []).length > MAX_HOLIDAYS) bad("calendar", `At most ${MAX_HOLIDAYS} holidays.`);
  const checked = validateCalendar(input);
  if (!checked.ok) bad("calendar", checked.errors.join("; "));
  return checked.calendar;
}

function checkSeconds(value: number, label: string): number {
  if (!Number.isInteger(value) || value < MIN_TARGET || value > MAX_TARGET)
    bad("policy", `${label} must be between 1 minute and 30 days.`);
  return value;
}

export function checkPolicy(input: PolicyInput): PolicyInput {
  const share = input.atRiskShare;
  if (!(share >= 0.01 && share <= 0.99)) bad("policy", "“At risk after” must be between 1% and 99% of the target.");
  if (input.category !== null && !CATEGORIES.includes(input.category)) bad("policy", "Unknown category.");
  if (input.priority !== null && !PRIORITIES.includes(input.priority)) bad("policy", "Unknown priority.");
  return {
    ...input,
    name: checkName(input.name, "policy"),
    firstResponseSeconds: checkSeconds(input.firstResponseSeconds, "The first-response target"),
    nextResponseSeconds: input.nextResponseSeconds === null ? null : checkSeconds(input.nextResponseSeconds, "The next-response target"),
  };
}

export function hasScope(scope: PolicyScope): boolean {
  return scope.channelId !== null || scope.category !== null || scope.priority !== null;
}

export function sameScope(a: PolicyScope, b: PolicyScope): boolean {
  return a.channelId === b.channelId && a.category === b.category && a.priority === b.priority;
}
