import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { median, percentile, summarizeFrt } from "@/lib/metrics/percentile";

describe("median", () => {
  it("is null for no values and the value itself for one", () => {
    expect(median({ values: [] })).toBeNull();
    expect(median({ values: [42] })).toBe(42);
  });

  it("takes the middle of an odd count and the mean of the two middles of an even count", () => {
    expect(median({ values: [30, 10, 20] })).toBe(20);
    expect(median({ values: [10, 40] })).toBe(25);
    expect(median({ values: [4, 1, 3, 2] })).toBe(2.5);
    expect(median({ values: [5, 5, 5, 9] })).toBe(5);
  });

  it("does not reorder the caller's list", () => {
    const values = [3, 1, 2];
    median({ values });
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("percentile (nearest rank)", () => {
  it("handles one and two values", () => {
    expect(percentile({ values: [], p: 90 })).toBeNull();
    expect(percentile({ values: [7], p: 90 })).toBe(7);
    expect(percentile({ values: [10, 20], p: 90 })).toBe(20);
    expect(percentile({ values: [10, 20], p: 50 })).toBe(10);
  });

  it("p90 of 1..10 is 9, of 1..30 is 27, of 1..11 is 10", () => {
    expect(percentile({ values: Array.from({ length: 10 }, (_, i) => i + 1), p: 90 })).toBe(9);
    expect(percentile({ values: Array.from({ length: 30 }, (_, i) => i + 1), p: 90 })).toBe(27);
    expect(percentile({ values: Array.from({ length: 11 }, (_, i) => i + 1), p: 90 })).toBe(10);
  });

  it("does not round a fractional p past an exact rank", () => {
    expect(percentile({ values: Array.from({ length: 1500 }, (_, i) => i + 1), p: 2.2 })).toBe(33);
  });

  it("counts ties", () => {
    expect(percentile({ values: [1, 2, 2, 2, 2, 2, 2, 2, 2, 100], p: 90 })).toBe(2);
    expect(percentile({ values: [1, 1, 1, 1, 1, 1, 1, 1, 1, 100], p: 95 })).toBe(100);
  });

  it("refuses p outside [0, 100]", () => {
    expect(() => percentile({ values: [1], p: 101 })).toThrow(RangeError);
  });

  it("is the smallest value with at least p% of the values at or below it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 100 }), (values, p) => {
        const result = percentile({ values, p });
        const atOrBelow = (v: number) => values.filter((x) => x <= v).length;
        const qualifying = values.filter((v) => atOrBelow(v) * 100 >= p * values.length);
        expect(result).toBe(Math.min(...qualifying));
      }),
      { numRuns: 200 },
    );
  });
});

describe("summarizeFrt", () => {
  it("counts request cycles only and keeps the waiting ones out of the share", () => {
    const summary = summarizeFrt({
      cycles: [
        { frtSeconds: 600, targetSeconds: 3600, category: "request" },
        { frtSeconds: 3600, targetSeconds: 3600, category: "request" },
        { frtSeconds: 7200, targetSeconds: 3600, category: "request" },
        { frtSeconds: 1800, targetSeconds: 900, category: "request" },
        { frtSeconds: null, targetSeconds: 3600, category: "request" },
        { frtSeconds: 5, targetSeconds: 3600, category: "noise" },
        { frtSeconds: null, targetSeconds: 3600, category: "noise" },
      ],
    });
    expect(summary).toEqual({
      answered: 4,
      unanswered: 1,
      medianSeconds: 2700,
      p90Seconds: 7200,
      withinTargetShare: 0.5,
    });
  });

  it("has null figures when nothing was answered", () => {
    expect(summarizeFrt({ cycles: [{ frtSeconds: null, targetSeconds: 3600, category: "request" }] })).toEqual({
      answered: 0,
      unanswered: 1,
      medianSeconds: null,
      p90Seconds: null,
      withinTargetShare: null,
    });
    expect(summarizeFrt({ cycles: [] }).withinTargetShare).toBeNull();
  });
});
