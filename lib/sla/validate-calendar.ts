import { parseClock, parseLocalDate } from "./compile-calendar";
import { isValidTimeZone } from "./time-zone";
import type { Calendar, Weekday, WeeklyInterval } from "./types";

export type CalendarValidation = { ok: true; calendar: Calendar } | { ok: false; errors: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkInterval(value: unknown, path: string, errors: string[]): WeeklyInterval | null {
  if (!isRecord(value)) {
    errors.push(`${path}: expected an object { day, start, end }`);
    return null;
  }
  const { day, start, end } = value;
  const before = errors.length;
  if (typeof day !== "number" || !Number.isInteger(day) || day < 0 || day > 6) {
    errors.push(`${path}.day: expected an integer 0 (Sunday) to 6 (Saturday)`);
  }
  const startMinute = typeof start === "string" ? parseClock({ text: start }) : null;
  if (startMinute === null || startMinute >= 1440) errors.push(`${path}.start: expected "HH:MM" from 00:00 to 23:59`);
  if (typeof end !== "string" || parseClock({ text: end }) === null) {
    errors.push(`${path}.end: expected "HH:MM" from 00:00 to 24:00`);
  }
  if (errors.length > before) return null;
  return { day: day as Weekday, start: start as string, end: end as string };
}

/** Checks an untrusted calendar (settings form, API); holidays come back sorted and de-duplicated. */
export function validateCalendar(input: unknown): CalendarValidation {
  const errors: string[] = [];
  if (!isRecord(input)) return { ok: false, errors: ["calendar: expected an object"] };
  const { timezone, intervals, holidays } = input;
  if (typeof timezone !== "string" || timezone === "" || !isValidTimeZone({ timeZone: timezone })) {
    errors.push("timezone: expected an IANA time zone such as Europe/Amsterdam");
  }
  let checkedIntervals: WeeklyInterval[] | null = null;
  if (Array.isArray(intervals)) {
    if (intervals.length === 0) errors.push("intervals: at least one interval, or null for 24/7");
    checkedIntervals = intervals.flatMap((value, index) => checkInterval(value, `intervals[${index}]`, errors) ?? []);
  } else if (intervals !== null) {
    errors.push("intervals: expected a list of { day, start, end }, or null for 24/7");
  }
  const checkedHolidays = new Set<string>();
  if (holidays === undefined || Array.isArray(holidays)) {
    (holidays ?? []).forEach((value: unknown, index: number) => {
      if (typeof value === "string" && parseLocalDate({ text: value }) !== null) checkedHolidays.add(value);
      else errors.push(`holidays[${index}]: expected a date "YYYY-MM-DD"`);
    });
  } else {
    errors.push('holidays: expected a list of "YYYY-MM-DD" dates');
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    calendar: { timezone: timezone as string, intervals: checkedIntervals, holidays: [...checkedHolidays].sort() },
  };
}
