import { describe, expect, it } from "vitest";
import {
  ALWAYS_OPEN,
  addBusinessSeconds,
  businessSecondsBetween,
  isOpenAt,
  type Calendar,
  type Weekday,
} from "@/lib/sla/calendar";

const HOUR = 3600;
const at = (iso: string) => new Date(iso);
const weekdays = (start: string, end: string) =>
  ([1, 2, 3, 4, 5] as Weekday[]).map((day) => ({ day, start, end }));
const office: Calendar = { timezone: "Europe/Amsterdam", intervals: weekdays("09:00", "17:00"), holidays: [] };

describe("24/7", () => {
  it("business time equals wall time, milliseconds included", () => {
    expect(businessSecondsBetween({ calendar: ALWAYS_OPEN, from: at("2026-03-29T00:00:00Z"), to: at("2026-03-29T05:00:00.250Z") })).toBe(18_000.25);
    expect(addBusinessSeconds({ calendar: ALWAYS_OPEN, from: at("2026-03-29T00:00:00Z"), seconds: 90 }).toISOString()).toBe("2026-03-29T00:01:30.000Z");
    expect(isOpenAt({ calendar: ALWAYS_OPEN, at: at("2026-12-25T03:00:00Z") })).toBe(true);
  });

  it("is frozen, so the cached compilation cannot go stale", () => {
    expect(Object.isFrozen(ALWAYS_OPEN)).toBe(true);
    expect(Object.isFrozen(ALWAYS_OPEN.holidays)).toBe(true);
  });

  it("null intervals with holidays: open all day except the holidays (local dates)", () => {
    const calendar: Calendar = { timezone: "Europe/Amsterdam", intervals: null, holidays: ["2026-12-25"] };
    expect(businessSecondsBetween({ calendar, from: at("2026-12-24T00:00:00Z"), to: at("2026-12-27T00:00:00Z") }) / HOUR).toBe(48);
    expect(isOpenAt({ calendar, at: at("2026-12-24T23:30:00Z") })).toBe(false);
    expect(isOpenAt({ calendar, at: at("2026-12-25T23:30:00Z") })).toBe(true);
  });
});

describe("ordering and edge cases", () => {
  it("0 when to <= from", () => {
    expect(businessSecondsBetween({ calendar: office, from: at("2026-06-02T12:00:00Z"), to: at("2026-06-02T11:00:00Z") })).toBe(0);
    expect(businessSecondsBetween({ calendar: ALWAYS_OPEN, from: at("2026-06-02T12:00:00Z"), to: at("2026-06-02T12:00:00Z") })).toBe(0);
  });

  it("adding 0 seconds returns `from` even when closed; negative seconds are refused", () => {
    const sunday = at("2026-06-07T10:00:00Z");
    expect(addBusinessSeconds({ calendar: office, from: sunday, seconds: 0 }).getTime()).toBe(sunday.getTime());
    expect(() => addBusinessSeconds({ calendar: office, from: sunday, seconds: -1 })).toThrow(RangeError);
  });

  it("a target that ends exactly at closing time is due at closing, not at the next opening", () => {
    const due = addBusinessSeconds({ calendar: office, from: at("2026-06-02T14:00:00Z"), seconds: HOUR });
    expect(due.toISOString()).toBe("2026-06-02T15:00:00.000Z");
  });

  it("an interval is open at its start and closed at its end", () => {
    expect(isOpenAt({ calendar: office, at: at("2026-06-02T07:00:00Z") })).toBe(true);
    expect(isOpenAt({ calendar: office, at: at("2026-06-02T06:59:59.999Z") })).toBe(false);
    expect(isOpenAt({ calendar: office, at: at("2026-06-02T15:00:00Z") })).toBe(false);
  });

  it("a calendar with no open hours never reaches a target", () => {
    const closed: Calendar = { timezone: "UTC", intervals: [], holidays: [] };
    expect(businessSecondsBetween({ calendar: closed, from: at("2026-01-01T00:00:00Z"), to: at("2027-01-01T00:00:00Z") })).toBe(0);
    expect(() => addBusinessSeconds({ calendar: closed, from: at("2026-01-01T00:00:00Z"), seconds: 1 })).toThrow(RangeError);
  });
});

describe("split shifts, overnight intervals and holidays", () => {
  const split: Calendar = {
    timezone: "Europe/Amsterdam",
    intervals: [
      { day: 1, start: "09:00", end: "12:00" },
      { day: 1, start: "13:00", end: "17:00" },
    ],
    holidays: [],
  };

  it("the lunch break does not count", () => {
    expect(businessSecondsBetween({ calendar: split, from: at("2026-06-01T09:30:00Z"), to: at("2026-06-01T11:30:00Z") }) / HOUR).toBe(1);
    expect(addBusinessSeconds({ calendar: split, from: at("2026-06-01T09:50:00Z"), seconds: 40 * 60 }).toISOString()).toBe("2026-06-01T11:30:00.000Z");
    expect(isOpenAt({ calendar: split, at: at("2026-06-01T10:30:00Z") })).toBe(false);
  });

  it("overlapping intervals count once", () => {
    const overlapping: Calendar = {
      timezone: "UTC",
      intervals: [
        { day: 1, start: "09:00", end: "13:00" },
        { day: 1, start: "12:00", end: "17:00" },
        { day: 0, start: "20:00", end: "10:00" },
      ],
      holidays: [],
    };
    expect(businessSecondsBetween({ calendar: overlapping, from: at("2026-05-31T00:00:00Z"), to: at("2026-06-02T00:00:00Z") }) / HOUR).toBe(4 + 10 + 7);
  });

  it("an overnight interval runs past midnight into the next weekday, Saturday into Sunday included", () => {
    const night: Calendar = { timezone: "UTC", intervals: [{ day: 6, start: "22:00", end: "06:00" }], holidays: [] };
    expect(isOpenAt({ calendar: night, at: at("2026-06-07T05:59:00Z") })).toBe(true);
    expect(isOpenAt({ calendar: night, at: at("2026-06-07T06:00:00Z") })).toBe(false);
    expect(isOpenAt({ calendar: night, at: at("2026-06-05T23:00:00Z") })).toBe(false);
  });

  it("a holiday closes its whole local date, the tail of the previous night's shift included", () => {
    const nights: Calendar = { timezone: "Europe/Amsterdam", intervals: [{ day: 4, start: "22:00", end: "06:00" }], holidays: ["2026-12-25"] };
    expect(businessSecondsBetween({ calendar: nights, from: at("2026-12-24T00:00:00Z"), to: at("2026-12-26T00:00:00Z") }) / HOUR).toBe(2);
  });

  it("a one-hour target before Christmas is due after the long weekend", () => {
    const calendar: Calendar = { ...office, holidays: ["2026-12-25"] };
    const due = addBusinessSeconds({ calendar, from: at("2026-12-24T15:30:00Z"), seconds: HOUR });
    expect(due.toISOString()).toBe("2026-12-28T08:30:00.000Z");
  });
});

describe("long spans", () => {
  const mondayHour: Calendar = { timezone: "Europe/Amsterdam", intervals: [{ day: 1, start: "09:00", end: "10:00" }], holidays: ["2026-06-08"] };

  it("skips a closed week and a holiday in one step per day", () => {
    const due = addBusinessSeconds({ calendar: mondayHour, from: at("2026-06-01T06:00:00Z"), seconds: 2 * HOUR });
    expect(due.toISOString()).toBe("2026-06-15T08:00:00.000Z");
  });

  it("measures five years quickly and exactly", () => {
    const started = performance.now();
    const seconds = businessSecondsBetween({ calendar: office, from: at("2026-01-01T00:00:00Z"), to: at("2031-01-01T00:00:00Z") });
    expect(performance.now() - started).toBeLessThan(500);
    // 2026-2030 has 1304 weekdays.
    expect(seconds / HOUR).toBe(1304 * 8);
  });
});
