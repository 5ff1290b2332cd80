import { compileCalendar, DAY, MINUTE, weekdayOf } from "./compile-calendar";
import { openIntervals } from "./open-intervals";
import { offsetSegment } from "./time-zone";
import type { Calendar } from "./types";

export type { Calendar, WeeklyInterval, Weekday } from "./types";
export { validateCalendar } from "./validate-calendar";

// Frozen because compiled calendars are cached per object.
export const ALWAYS_OPEN: Calendar = Object.freeze({
  timezone: "UTC",
  intervals: null,
  holidays: Object.freeze([] as string[]) as string[],
});

/** The instant at which `seconds` of open time have elapsed after `from` (`from` itself for 0). */
export function addBusinessSeconds({
  calendar,
  from,
  seconds,
}: {
  calendar: Calendar;
  from: Date;
  seconds: number;
}): Date {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`seconds must be >= 0, got ${seconds}`);
  const compiled = compileCalendar({ calendar });
  let remaining = Math.round(seconds * 1000);
  if (compiled.alwaysOpen || remaining === 0) return new Date(from.getTime() + remaining);
  if (compiled.neverOpen) throw new RangeError("calendar has no open hours");
  for (const [start, end] of openIntervals({ compiled, from: from.getTime(), to: Number.POSITIVE_INFINITY })) {
    if (end - start >= remaining) return new Date(start + remaining);
    remaining -= end - start;
  }
  throw new Error("unreachable: open intervals never end");
}

/** Open seconds in [from, to); 0 when to <= from. Exact to the millisecond (may be fractional). */
export function businessSecondsBetween({ calendar, from, to }: { calendar: Calendar; from: Date; to: Date }): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  const compiled = compileCalendar({ calendar });
  if (compiled.alwaysOpen) return (end - start) / 1000;
  if (compiled.neverOpen) return 0;
  let total = 0;
  for (const [openFrom, openTo] of openIntervals({ compiled, from: start, to: end })) total += openTo - openFrom;
  return total / 1000;
}

export function isOpenAt({ calendar, at }: { calendar: Calendar; at: Date }): boolean {
  const compiled = compileCalendar({ calendar });
  if (compiled.alwaysOpen) return true;
  const { offsetMs } = offsetSegment({ timeZone: compiled.timeZone, at: at.getTime() });
  const local = at.getTime() + offsetMs;
  const day = Math.floor(local / DAY);
  if (compiled.holidays.has(day)) return false;
  const minute = (local - day * DAY) / MINUTE;
  return compiled.byWeekday[weekdayOf({ dayNumber: day })].some(([start, end]) => minute >= start && minute < end);
}
