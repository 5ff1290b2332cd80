import type { Calendar } from "./types";

export const MINUTE = 60_000;
export const DAY = 86_400_000;
const MINUTES_PER_DAY = 1440;

/** Open spans within one local day, in minutes from local midnight, sorted and disjoint. */
type DayPattern = [number, number][];

export type CompiledCalendar = {
  timeZone: string;
  alwaysOpen: boolean;
  neverOpen: boolean;
  byWeekday: DayPattern[];
  holidays: Set<number>;
};

const compiled = new WeakMap<Calendar, CompiledCalendar>();

export function parseClock({ text }: { text: string }): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** Local date "YYYY-MM-DD" as a day number (days since 1970-01-01), or null when not a real date. */
export function parseLocalDate({ text }: { text: string }): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.getTime() / DAY;
}

/** 1970-01-01 was a Thursday. */
export function weekdayOf({ dayNumber }: { dayNumber: number }): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function mergeSpans(spans: DayPattern): DayPattern {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: DayPattern = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function buildWeekdays(calendar: Calendar): DayPattern[] {
  const raw: DayPattern[] = Array.from({ length: 7 }, () => []);
  for (const interval of calendar.intervals ?? []) {
    const start = parseClock({ text: interval.start });
    let end = parseClock({ text: interval.end });
    if (start === null || end === null || start >= MINUTES_PER_DAY) {
      throw new RangeError(`invalid interval ${interval.start}-${interval.end}`);
    }
    if (end <= start) end += MINUTES_PER_DAY;
    raw[interval.day].push([start, Math.min(end, MINUTES_PER_DAY)]);
    if (end > MINUTES_PER_DAY) raw[(interval.day + 1) % 7].push([0, end - MINUTES_PER_DAY]);
  }
  return raw.map(mergeSpans);
}

export function compileCalendar({ calendar }: { calendar: Calendar }): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  const holidays = new Set<number>();
  for (const text of calendar.holidays) {
    const day = parseLocalDate({ text });
    if (day === null) throw new RangeError(`invalid holiday ${text}`);
    holidays.add(day);
  }
  const byWeekday =
    calendar.intervals === null ? Array.from({ length: 7 }, (): DayPattern => [[0, MINUTES_PER_DAY]]) : buildWeekdays(calendar);
  const result: CompiledCalendar = {
    timeZone: calendar.timezone,
    alwaysOpen: calendar.intervals === null && holidays.size === 0,
    neverOpen: byWeekday.every((spans) => spans.length === 0),
    byWeekday,
    holidays,
  };
  compiled.set(calendar, result);
  return result;
}
