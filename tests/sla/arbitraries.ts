import fc from "fast-check";
import type { Calendar, Weekday, WeeklyInterval } from "@/lib/sla/types";

// Each zone with its 2026 transitions (UTC), so that random instants land on its DST nights.
export const ZONES: Record<string, number[]> = {
  "Europe/Amsterdam": ["2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"].map(Date.parse),
  "America/New_York": ["2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z"].map(Date.parse),
  "Australia/Lord_Howe": ["2026-04-04T15:00:00Z", "2026-10-03T15:30:00Z"].map(Date.parse),
  "Asia/Kolkata": [],
  UTC: [],
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

// Times cluster on the small hours, where DST changes happen, but any minute can come up.
const startMinute = fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 16 }).map((n) => n * 15));
const endMinute = fc.oneof(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 16 }).map((n) => n * 15));

const interval: fc.Arbitrary<WeeklyInterval> = fc
  .record({ day: fc.integer({ min: 0, max: 6 }), start: startMinute, end: endMinute })
  .map(({ day, start, end }) => ({ day: day as Weekday, start: clock(start), end: clock(end) }));

const holiday = fc.integer({ min: -3, max: 3 }).map((days) => (anchor: number) => {
  const date = new Date(anchor + days * 24 * HOUR);
  return date.toISOString().slice(0, 10);
});

/** A calendar plus a minute-aligned anchor instant near a DST change (or anywhere in 2026). */
const anyMinuteOf2026 = fc
  .integer({ min: Date.parse("2026-01-01T00:00:00Z") / MINUTE, max: Date.parse("2027-01-01T00:00:00Z") / MINUTE })
  .map((minute) => minute * MINUTE);

export const calendarNearAnchor = fc
  .constantFrom(...Object.keys(ZONES))
  .chain((timezone) =>
    fc.record({
      timezone: fc.constant(timezone),
      intervals: fc.option(fc.array(interval, { minLength: 1, maxLength: 6 }), { freq: 6 }),
      holidays: fc.array(holiday, { maxLength: 2 }),
      anchor: ZONES[timezone].length === 0 ? anyMinuteOf2026 : fc.oneof(
        { arbitrary: fc.constantFrom(...ZONES[timezone]), weight: 4 },
        { arbitrary: anyMinuteOf2026, weight: 1 },
      ),
      shiftMinutes: fc.integer({ min: -36 * 60, max: 12 * 60 }),
    }),
  )
  .map(({ timezone, intervals, holidays, anchor, shiftMinutes }) => {
    const calendar: Calendar = { timezone, intervals, holidays: holidays.map((make) => make(anchor)) };
    return { calendar, from: anchor + shiftMinutes * MINUTE };
  });
