import { readOffset } from "@/lib/sla/time-zone";
import { startOfLocalDay } from "./tiles";

const DAY = 86_400_000;

/** Local wall-clock parts of an instant in a zone: "YYYY-MM-DD", weekday (0 = Monday), hour. */
export function localParts({ at, timeZone }: { at: number; timeZone: string }): { day: string; weekday: number; hour: number } {
  const local = new Date(at + readOffset({ timeZone, at }));
  return { day: local.toISOString().slice(0, 10), weekday: (local.getUTCDay() + 6) % 7, hour: local.getUTCHours() };
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
export function parseRange({ from, to, timeZone, now = Date.now(), defaultDays = 14 }: { from?: string; to?: string; timeZone: string; now?: number; defaultDays?: number }): DashboardRange {
  const today = localParts({ at: now, timeZone }).day;
  const valid = (d?: string) => (d && DAY_RE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ? d : undefined);
  const toDay = valid(to) ?? today;
  const fallbackFrom = new Date(Date.parse(`${toDay}T00:00:00Z`) - (defaultDays - 1) * DAY).toISOString().slice(0, 10);
  let fromDay = valid(from) ?? fallbackFrom;
  if (fromDay > toDay) fromDay = toDay;
  const days = daysBetween({ from: fromDay, to: toDay });
  if (days.length > MAX_RANGE_DAYS) {
    fromDay = days[days.length - MAX_RANGE_DAYS];
    days.splice(0, days.length - MAX_RANGE_DAYS);
  }
  const next = new Date(Date.parse(`${toDay}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
  return { fromDay, toDay, from: localMidnight({ day: fromDay, timeZone }), to: localMidnight({ day: next, timeZone }), days };
}
