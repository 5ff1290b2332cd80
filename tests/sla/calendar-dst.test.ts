import { describe, expect, it } from "vitest";
import { addBusinessSeconds, businessSecondsBetween, isOpenAt, type Calendar, type Weekday } from "@/lib/sla/calendar";

const HOUR = 3600;
const at = (iso: string) => new Date(iso);
const hoursBetween = (calendar: Calendar, from: string, to: string) =>
  businessSecondsBetween({ calendar, from: at(from), to: at(to) }) / HOUR;
const everyDay = (start: string, end: string) =>
  ([0, 1, 2, 3, 4, 5, 6] as Weekday[]).map((day) => ({ day, start, end }));

describe("Europe/Amsterdam spring forward, Sunday 2026-03-29 (02:00 CET -> 03:00 CEST)", () => {
  const zone = "Europe/Amsterdam";

  it("a whole local day has 23 open hours", () => {
    const calendar: Calendar = { timezone: zone, intervals: everyDay("00:00", "24:00"), holidays: [] };
    expect(hoursBetween(calendar, "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z")).toBe(23);
  });

  it("01:00-05:00 counts the 3 hours that really pass", () => {
    const calendar: Calendar = { timezone: zone, intervals: [{ day: 0, start: "01:00", end: "05:00" }], holidays: [] };
    expect(hoursBetween(calendar, "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z")).toBe(3);
  });

  it("an interval starting inside the gap opens when the clock jumps to 03:00", () => {
    const calendar: Calendar = { timezone: zone, intervals: [{ day: 0, start: "02:30", end: "04:00" }], holidays: [] };
    expect(hoursBetween(calendar, "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z")).toBe(1);
    expect(isOpenAt({ calendar, at: at("2026-03-29T00:59:00Z") })).toBe(false);
    expect(isOpenAt({ calendar, at: at("2026-03-29T01:00:00Z") })).toBe(true);
  });

  it("an interval lying wholly in the gap never opens", () => {
    const calendar: Calendar = { timezone: zone, intervals: [{ day: 0, start: "02:00", end: "03:00" }], holidays: [] };
    expect(hoursBetween(calendar, "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z")).toBe(0);
  });

  it("an overnight shift Saturday 22:00-06:00 across the change is 7 hours; 5 of them end at 04:00 CEST", () => {
    const calendar: Calendar = { timezone: zone, intervals: [{ day: 6, start: "22:00", end: "06:00" }], holidays: [] };
    expect(hoursBetween(calendar, "2026-03-27T00:00:00Z", "2026-03-31T00:00:00Z")).toBe(7);
    const due = addBusinessSeconds({ calendar, from: at("2026-03-28T21:00:00Z"), seconds: 5 * HOUR });
    expect(due.toISOString()).toBe("2026-03-29T02:00:00.000Z");
  });
});

describe("Europe/Amsterdam fall back, Sunday 2026-10-25 (03:00 CEST -> 02:00 CET)", () => {
  const zone = "Europe/Amsterdam";

  it("a whole local day has 25 open hours", () => {
    const calendar: Calendar = { timezone: zone, intervals: everyDay("00:00", "24:00"), holidays: [] };
    expect(hoursBetween(calendar, "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z")).toBe(25);
  });

  it("01:00-05:00 counts the repeated hour: 5 hours", () => {
    const calendar: Calendar = { timezone: zone, intervals: [{ day: 0, start: "01:00", end: "05:00" }], holidays: [] };
    expect(hoursBetween(calendar, "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z")).toBe(5);
  });

  it("02:00-02:30 is open on both passes of the wall clock", () => {
    const calendar: Calendar = { timezone: zone, intervals: [{ day: 0, start: "02:00", end: "02:30" }], holidays: [] };
    expect(hoursBetween(calendar, "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z")).toBe(1);
    expect(isOpenAt({ calendar, at: at("2026-10-25T00:15:00Z") })).toBe(true);
    expect(isOpenAt({ calendar, at: at("2026-10-25T00:45:00Z") })).toBe(false);
    expect(isOpenAt({ calendar, at: at("2026-10-25T01:15:00Z") })).toBe(true);
  });

  it("an overnight shift Saturday 22:00-06:00 across the change is 9 hours", () => {
    const calendar: Calendar = { timezone: zone, intervals: [{ day: 6, start: "22:00", end: "06:00" }], holidays: [] };
    expect(hoursBetween(calendar, "2026-10-23T00:00:00Z", "2026-10-27T00:00:00Z")).toBe(9);
  });
});

describe("America/New_York", () => {
  const weekdays: Calendar = {
    timezone: "America/New_York",
    intervals: ([1, 2, 3, 4, 5] as Weekday[]).map((day) => ({ day, start: "09:00", end: "17:00" })),
    holidays: [],
  };

  it("a one-hour target from Friday 16:30 EST is due Monday 09:30 EDT, across the spring change", () => {
    const due = addBusinessSeconds({ calendar: weekdays, from: at("2026-03-06T21:30:00Z"), seconds: HOUR });
    expect(due.toISOString()).toBe("2026-03-09T13:30:00.000Z");
  });

  it("opens at 09:00 local on both sides of the fall change", () => {
    expect(isOpenAt({ calendar: weekdays, at: at("2026-10-30T13:00:00Z") })).toBe(true);
    expect(isOpenAt({ calendar: weekdays, at: at("2026-11-02T13:00:00Z") })).toBe(false);
    expect(isOpenAt({ calendar: weekdays, at: at("2026-11-02T14:00:00Z") })).toBe(true);
  });

  it("overnight Saturday 22:00-06:00 is 7 hours in March and 9 in November", () => {
    const night: Calendar = { timezone: "America/New_York", intervals: [{ day: 6, start: "22:00", end: "06:00" }], holidays: [] };
    expect(hoursBetween(night, "2026-03-06T00:00:00Z", "2026-03-10T00:00:00Z")).toBe(7);
    expect(hoursBetween(night, "2026-10-30T00:00:00Z", "2026-11-03T00:00:00Z")).toBe(9);
  });
});

describe("half-hour and fractional offsets", () => {
  it("Australia/Lord_Howe: the day DST ends (2026-04-05) has 24.5 hours", () => {
    const calendar: Calendar = { timezone: "Australia/Lord_Howe", intervals: everyDay("00:00", "00:00"), holidays: [] };
    expect(hoursBetween(calendar, "2026-04-04T13:00:00Z", "2026-04-05T13:30:00Z")).toBe(24.5);
  });

  it("Asia/Kolkata: 09:00-17:00 IST is 03:30-11:30 UTC", () => {
    const calendar: Calendar = { timezone: "Asia/Kolkata", intervals: [{ day: 1, start: "09:00", end: "17:00" }], holidays: [] };
    expect(isOpenAt({ calendar, at: at("2026-06-01T03:29:00Z") })).toBe(false);
    expect(isOpenAt({ calendar, at: at("2026-06-01T03:30:00Z") })).toBe(true);
    expect(isOpenAt({ calendar, at: at("2026-06-01T11:30:00Z") })).toBe(false);
    expect(hoursBetween(calendar, "2026-05-31T00:00:00Z", "2026-06-07T00:00:00Z")).toBe(8);
  });
});
