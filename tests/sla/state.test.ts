import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALWAYS_OPEN, businessSecondsBetween, type Calendar, type Weekday } from "@/lib/sla/calendar";
import { responseSeconds, slaDeadlines, slaStateAt } from "@/lib/sla/state";
import { calendarNearAnchor } from "./arbitraries";

const start = new Date("2026-06-02T10:00:00Z");
const plus = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const base = { startedAt: start, targetSeconds: 3600, atRiskShare: 0.75, calendar: ALWAYS_OPEN };

describe("slaStateAt on the 24/7 calendar", () => {
  it("moves on_track -> at_risk -> breached at the exact boundaries", () => {
    const state = (seconds: number) => slaStateAt({ ...base, firstResponseAt: null, now: plus(seconds) });
    expect(state(0)).toBe("on_track");
    expect(state(2699.999)).toBe("on_track");
    expect(state(2700)).toBe("at_risk");
    expect(state(3599.999)).toBe("at_risk");
    expect(state(3600)).toBe("breached");
    expect(state(86_400)).toBe("breached");
  });

  it("is met at exactly the target and missed one millisecond later", () => {
    expect(slaStateAt({ ...base, firstResponseAt: plus(3600), now: plus(3600) })).toBe("met");
    expect(slaStateAt({ ...base, firstResponseAt: plus(3600.001), now: plus(7200) })).toBe("missed");
    expect(slaStateAt({ ...base, firstResponseAt: plus(60), now: plus(90_000) })).toBe("met");
  });

  it("ignores a response that comes after `now`, so replays see the state of the time", () => {
    expect(slaStateAt({ ...base, firstResponseAt: plus(3000), now: plus(2800) })).toBe("at_risk");
    expect(slaStateAt({ ...base, firstResponseAt: plus(5000), now: plus(4000) })).toBe("breached");
  });

  it("with an at-risk share of 1 goes straight from on_track to breached", () => {
    const state = (seconds: number) => slaStateAt({ ...base, atRiskShare: 1, firstResponseAt: null, now: plus(seconds) });
    expect(state(3599)).toBe("on_track");
    expect(state(3600)).toBe("breached");
  });

  it("refuses an at-risk share outside [0, 1] and a negative target", () => {
    expect(() => slaStateAt({ ...base, atRiskShare: 1.5, firstResponseAt: null, now: start })).toThrow(RangeError);
    expect(() => slaStateAt({ ...base, atRiskShare: Number.NaN, firstResponseAt: null, now: start })).toThrow(RangeError);
    expect(() => slaDeadlines({ ...base, targetSeconds: -1 })).toThrow(RangeError);
  });
});

describe("under business hours (New York, weekdays 09:00-17:00)", () => {
  const calendar: Calendar = {
    timezone: "America/New_York",
    intervals: ([1, 2, 3, 4, 5] as Weekday[]).map((day) => ({ day, start: "09:00", end: "17:00" })),
    holidays: [],
  };
  // Friday 16:30 EST; 30 open minutes remain that day, then Monday after the spring change.
  const friday = new Date("2026-03-06T21:30:00Z");
  const cycle = { startedAt: friday, targetSeconds: 3600, atRiskShare: 0.75, calendar };

  it("puts the deadlines on Monday morning", () => {
    const { atRiskAt, dueAt } = slaDeadlines(cycle);
    expect(atRiskAt.toISOString()).toBe("2026-03-09T13:15:00.000Z");
    expect(dueAt.toISOString()).toBe("2026-03-09T13:30:00.000Z");
  });

  it("pauses the clock over the weekend", () => {
    const state = (iso: string) => slaStateAt({ ...cycle, firstResponseAt: null, now: new Date(iso) });
    expect(state("2026-03-07T12:00:00Z")).toBe("on_track");
    expect(state("2026-03-09T13:14:59Z")).toBe("on_track");
    expect(state("2026-03-09T13:15:00Z")).toBe("at_risk");
    expect(state("2026-03-09T13:30:00Z")).toBe("breached");
  });

  it("judges a Monday reply by business time, not the two and a half days of wall time", () => {
    const reply = new Date("2026-03-09T13:20:00Z");
    expect(slaStateAt({ ...cycle, firstResponseAt: reply, now: reply })).toBe("met");
    expect(responseSeconds({ calendar, from: friday, to: reply })).toEqual({
      wall: (reply.getTime() - friday.getTime()) / 1000,
      business: 50 * 60,
    });
  });
});

describe("responseSeconds", () => {
  it("is zero both ways for a reply stamped before the start", () => {
    expect(responseSeconds({ calendar: ALWAYS_OPEN, from: plus(10), to: plus(0) })).toEqual({ wall: 0, business: 0 });
  });
});

describe("state by elapsed business time", () => {
  it("agrees with the deadlines the scheduler fires at, for random calendars and instants", () => {
    fc.assert(
      fc.property(
        calendarNearAnchor,
        fc.integer({ min: 60, max: 8 * 3600 }),
        fc.constantFrom(0, 0.5, 0.75, 1),
        fc.integer({ min: 0, max: 4 * 86_400 }),
        ({ calendar, from }, targetSeconds, atRiskShare, afterSeconds) => {
          const startedAt = new Date(from);
          const now = new Date(from + afterSeconds * 1000);
          const elapsed = businessSecondsBetween({ calendar, from: startedAt, to: now });
          const expected = elapsed >= targetSeconds ? "breached" : elapsed >= targetSeconds * atRiskShare ? "at_risk" : "on_track";
          expect(slaStateAt({ startedAt, firstResponseAt: null, targetSeconds, atRiskShare, calendar, now })).toBe(expected);
          const answered = slaStateAt({ startedAt, firstResponseAt: now, targetSeconds, atRiskShare, calendar, now });
          expect(answered).toBe(elapsed <= targetSeconds ? "met" : "missed");
        },
      ),
      { numRuns: 200 },
    );
  });
});
