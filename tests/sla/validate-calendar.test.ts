import { describe, expect, it } from "vitest";
import { validateCalendar } from "@/lib/sla/calendar";

describe("validateCalendar", () => {
  it("accepts a calendar and returns holidays sorted without duplicates", () => {
    const result = validateCalendar({
      timezone: "Europe/Amsterdam",
      intervals: [
        { day: 1, start: "09:00", end: "17:00" },
        { day: 5, start: "22:00", end: "06:00" },
        { day: 6, start: "10:00", end: "24:00" },
      ],
      holidays: ["2026-12-26", "2026-12-25", "2026-12-26"],
    });
    expect(result).toEqual({
      ok: true,
      calendar: {
        timezone: "Europe/Amsterdam",
        intervals: [
          { day: 1, start: "09:00", end: "17:00" },
          { day: 5, start: "22:00", end: "06:00" },
          { day: 6, start: "10:00", end: "24:00" },
        ],
        holidays: ["2026-12-25", "2026-12-26"],
      },
    });
  });

  it("accepts null intervals (24/7) and missing holidays", () => {
    expect(validateCalendar({ timezone: "UTC", intervals: null })).toEqual({
      ok: true,
      calendar: { timezone: "UTC", intervals: null, holidays: [] },
    });
  });

  it("names every problem with its path", () => {
    const result = validateCalendar({
      timezone: "Mars/Olympus",
      intervals: [
        { day: 7, start: "09:00", end: "17:00" },
        { day: 1, start: "24:00", end: "17:00" },
        { day: 1, start: "9:00", end: "24:01" },
        "Monday",
      ],
      holidays: ["2026-02-30", 20261225],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        "timezone: expected an IANA time zone such as Europe/Amsterdam",
        "intervals[0].day: expected an integer 0 (Sunday) to 6 (Saturday)",
        'intervals[1].start: expected "HH:MM" from 00:00 to 23:59',
        'intervals[2].start: expected "HH:MM" from 00:00 to 23:59',
        'intervals[2].end: expected "HH:MM" from 00:00 to 24:00',
        "intervals[3]: expected an object { day, start, end }",
        'holidays[0]: expected a date "YYYY-MM-DD"',
        'holidays[1]: expected a date "YYYY-MM-DD"',
      ],
    });
  });

  it("refuses an empty interval list, a non-object and a missing interval list", () => {
    expect(validateCalendar({ timezone: "UTC", intervals: [], holidays: [] })).toEqual({
      ok: false,
      errors: ["intervals: at least one interval, or null for 24/7"],
    });
    expect(validateCalendar("24/7")).toEqual({ ok: false, errors: ["calendar: expected an object"] });
    expect(validateCalendar({ timezone: "UTC", holidays: [] }).ok).toBe(false);
  });
});
