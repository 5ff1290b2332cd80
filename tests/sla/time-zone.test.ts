import { describe, expect, it } from "vitest";
import { isValidTimeZone, offsetSegment, readOffset } from "@/lib/sla/time-zone";

const HOUR_MS = 3_600_000;
const segmentAt = (timeZone: string, iso: string) => offsetSegment({ timeZone, at: Date.parse(iso) });

describe("offsetSegment", () => {
  it("finds Amsterdam's 2026 transitions to the second", () => {
    const winter = segmentAt("Europe/Amsterdam", "2026-02-01T00:00:00Z");
    expect(winter).toEqual({ offsetMs: HOUR_MS, endsAt: Date.parse("2026-03-29T01:00:00Z") });
    const summer = segmentAt("Europe/Amsterdam", "2026-03-29T01:00:00Z");
    expect(summer).toEqual({ offsetMs: 2 * HOUR_MS, endsAt: Date.parse("2026-10-25T01:00:00Z") });
    expect(segmentAt("Europe/Amsterdam", "2026-03-29T00:59:59Z").offsetMs).toBe(HOUR_MS);
  });

  it("crosses the year end to find the next transition", () => {
    const segment = segmentAt("America/New_York", "2026-12-01T00:00:00Z");
    expect(segment).toEqual({ offsetMs: -5 * HOUR_MS, endsAt: Date.parse("2027-03-14T07:00:00Z") });
  });

  it("handles Lord Howe's half-hour change", () => {
    expect(segmentAt("Australia/Lord_Howe", "2026-04-04T14:59:59Z").offsetMs).toBe(11 * HOUR_MS);
    expect(segmentAt("Australia/Lord_Howe", "2026-04-04T15:00:00Z").offsetMs).toBe(10.5 * HOUR_MS);
  });

  it("caps the segment of a zone without DST so that a future change is still noticed", () => {
    const segment = segmentAt("Asia/Kolkata", "2026-06-01T00:00:00Z");
    expect(segment.offsetMs).toBe(5.5 * HOUR_MS);
    expect(segment.endsAt).toBe(Date.parse("2029-01-01T00:00:00Z"));
  });

  it("agrees with Intl at every hour of a year", () => {
    for (let at = Date.parse("2026-01-01T00:00:00Z"); at < Date.parse("2027-01-01T00:00:00Z"); at += HOUR_MS) {
      expect(offsetSegment({ timeZone: "America/New_York", at }).offsetMs).toBe(readOffset({ timeZone: "America/New_York", at }));
    }
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA names and refuses others", () => {
    expect(isValidTimeZone({ timeZone: "Europe/Amsterdam" })).toBe(true);
    expect(isValidTimeZone({ timeZone: "UTC" })).toBe(true);
    expect(isValidTimeZone({ timeZone: "Mars/Olympus" })).toBe(false);
  });
});
