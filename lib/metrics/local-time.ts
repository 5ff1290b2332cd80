import { AppError } from "@/lib/errors";
import { readOffset } from "@/lib/sla/time-zone";
import { startOfLocalDay } from "./tiles";

const DAY = 86_400_000;

/** Local wall-clock parts of an instant in a zone: "YYYY-MM-DD", weekday (0 = Monday), hour. */
export function localParts({ at, timeZone }: { at: number; timeZone: string }): { day: string; weekday: number; hour: number } {
  const local = new Date(at + readOffset({ timeZone, at }));
  return { day: local.toISOString().slice(0, 10), weekday: (local.getUTCDay() + 6) % 7, hour: local.getUTCHours() };
}

const QUARTER_HOUR = 900_000;
const HOUR = 3_600_000;

/**
 * localParts for many instants: offsets are looked up once per quarter hour (every zone
 * transition falls on one) and the rest is arithmetic, so a range of rows costs little.
 */
export function localClock({ timeZone }: { timeZone: string }): (at: number) => { day: string; weekday: number; hour: number } {
  const offsets = new Map<number, number>();
  const days = new Map<number, string>();
  return (at) => {
    const bucket = Math.floor(at / QUARTER_HOUR);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = readOffset({ timeZone, at: bucket * QUARTER_HOUR });
      offsets.set(bucket, offset);
    }
    const local = at + offset;
    const dayIndex = Math.floor(local / DAY);
    let day = days.get(dayIndex);
    if (day === undefined) {
      day = new Date(dayIndex * DAY).toISOString().slice(0, 10);
      days.set(dayIndex, day);
    }
    // 1970-01-01 was a Thursday: index 3 with Monday = 0.
    return { day, weekday: (((dayIndex + 3) % 7) + 7) % 7, hour: Math.floor((local - dayIndex * DAY) / HOUR) };
  };
}

/** The instant of local midnight starting the given "YYYY-MM-DD" in the zone. */
export function localMidnight({ day, timeZone }: { day: string; timeZone: string }): number {
  const noonUtc = Date.parse(`${day}T12:00:00Z`);
  if (Number.isNaN(noonUtc)) throw new RangeError(`Not a date: ${day}`);
  return startOfLocalDay({ now: noonUtc - readOffset({ timeZone, at: noonUtc }), timeZone });
}

/** Every local day in [from, to], inclusive, as "YYYY-MM-DD". */
export function daysBetween({ from, to }: { from: string; to: string }): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += DAY) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

export type DashboardRange = { fromDay: string; toDay: string; from: number; to: number; days: string[] };

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_RANGE_DAYS = 366;

/**
 * `?from=&to=` (inclusive local days) to instants [from, to). Missing or invalid values fall
 * back to the last `defaultDays` days ending today in the brand's zone.
 */
/** A span beyond MAX_RANGE_DAYS is cut to its last days, or refused when `strict` (exports). */
export function parseRange({ from, to, timeZone, now = Date.now(), defaultDays = 14, strict = false }: { from?: string; to?: string; timeZone: string; now?: number; defaultDays?: number; strict?: boolean }): DashboardRange {
  const today = localParts({ at: now, timeZone }).day;
  const valid = (d?: string) => (d && DAY_RE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ? d : undefined);
  const toDay = valid(to) ?? today;
  const fallbackFrom = new Date(Date.parse(`${toDay}T00:00:00Z`) - (defaultDays - 1) * DAY).toISOString().slice(0, 10);
  let fromDay = valid(from) ?? fallbackFrom;
  if (fromDay > toDay) fromDay = toDay;
  // The span is measured before any day is listed, so 0001–9999 costs what a week costs.
  const spanDays = Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY) + 1;
  if (spanDays > MAX_RANGE_DAYS) {
    if (strict) throw new AppError("bad_request:range", "A range spans at most 366 days; choose a shorter one.");
    fromDay = new Date(Date.parse(`${toDay}T00:00:00Z`) - (MAX_RANGE_DAYS - 1) * DAY).toISOString().slice(0, 10);
  }
  const days = daysBetween({ from: fromDay, to: toDay });
  const next = new Date(Date.parse(`${toDay}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
  return { fromDay, toDay, from: localMidnight({ day: fromDay, timeZone }), to: localMidnight({ day: next, timeZone }), days };
}
