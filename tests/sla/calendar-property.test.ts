import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALWAYS_OPEN, addBusinessSeconds, businessSecondsBetween, isOpenAt } from "@/lib/sla/calendar";
import { calendarNearAnchor } from "./arbitraries";
import { bruteBusinessSeconds, bruteIsOpen } from "./brute-force";

const MINUTE = 60_000;
const RUNS = { numRuns: 200 };
const between = (calendar: Parameters<typeof businessSecondsBetween>[0]["calendar"], from: number, to: number) =>
  businessSecondsBetween({ calendar, from: new Date(from), to: new Date(to) });

describe("business time against a brute-force minute count", () => {
  it("businessSecondsBetween equals the minute count", () => {
    fc.assert(
      fc.property(calendarNearAnchor, fc.integer({ min: 0, max: 48 * 60 }), ({ calendar, from }, minutes) => {
        const to = from + minutes * MINUTE;
        expect(between(calendar, from, to)).toBe(bruteBusinessSeconds(calendar, from, to));
      }),
      RUNS,
    );
  });

  it("isOpenAt agrees with the wall clock every minute of a random day", () => {
    fc.assert(
      fc.property(calendarNearAnchor, ({ calendar, from }) => {
        for (let at = from; at < from + 24 * 60 * MINUTE; at += 17 * MINUTE) {
          expect(isOpenAt({ calendar, at: new Date(at) })).toBe(bruteIsOpen(calendar, at));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("addBusinessSeconds", () => {
  it("inverts businessSecondsBetween and returns the earliest such instant", () => {
    fc.assert(
      fc.property(calendarNearAnchor, fc.integer({ min: 0, max: 5 * 86_400 }), ({ calendar, from }, seconds) => {
        const due = addBusinessSeconds({ calendar, from: new Date(from), seconds }).getTime();
        expect(between(calendar, from, due)).toBe(seconds);
        if (seconds > 0) expect(between(calendar, from, due - 1)).toBeLessThan(seconds);
      }),
      RUNS,
    );
  });

  it("lands at or before `to` when given the open time up to `to`", () => {
    fc.assert(
      fc.property(calendarNearAnchor, fc.integer({ min: 0, max: 72 * 60 }), ({ calendar, from }, minutes) => {
        const to = from + minutes * MINUTE;
        const back = addBusinessSeconds({ calendar, from: new Date(from), seconds: between(calendar, from, to) });
        expect(back.getTime()).toBeLessThanOrEqual(to);
        if (isOpenAt({ calendar, at: new Date(to - 1) }) && to > from) expect(back.getTime()).toBe(to);
      }),
      RUNS,
    );
  });
});

describe("monotonicity and additivity", () => {
  it("open time never decreases and adds up over adjacent ranges", () => {
    fc.assert(
      fc.property(
        calendarNearAnchor,
        fc.integer({ min: 0, max: 3 * 86_400_000 }),
        fc.integer({ min: 0, max: 3 * 86_400_000 }),
        ({ calendar, from }, a, b) => {
          const [near, far] = a <= b ? [from + a, from + b] : [from + b, from + a];
          const toNear = between(calendar, from, near);
          const toFar = between(calendar, from, far);
          expect(toNear).toBeLessThanOrEqual(toFar);
          expect(toNear + between(calendar, near, far)).toBeCloseTo(toFar, 6);
        },
      ),
      RUNS,
    );
  });

  it("a longer target never gives an earlier due time", () => {
    fc.assert(
      fc.property(calendarNearAnchor, fc.nat(3 * 86_400), fc.nat(3 * 86_400), ({ calendar, from }, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const start = new Date(from);
        const early = addBusinessSeconds({ calendar, from: start, seconds: low }).getTime();
        const late = addBusinessSeconds({ calendar, from: start, seconds: high }).getTime();
        expect(early).toBeLessThanOrEqual(late);
      }),
      RUNS,
    );
  });
});

describe("the 24/7 calendar", () => {
  it("business time is wall time to the millisecond", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: -1e10, max: 1e10 }), (from, span) => {
        const expected = Math.max(0, span) / 1000;
        expect(between(ALWAYS_OPEN, from, from + span)).toBe(expected);
        if (span >= 0) {
          const due = addBusinessSeconds({ calendar: ALWAYS_OPEN, from: new Date(from), seconds: span / 1000 });
          expect(due.getTime()).toBe(from + span);
        }
      }),
      RUNS,
    );
  });
});
