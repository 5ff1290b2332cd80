// Exact statistics over the selected values, as DESIGN.md "Percentiles" defines them.

function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Middle value; the mean of the two middle values for an even count; null when empty. */
export function median({ values }: { values: readonly number[] }): number | null {
  if (values.length === 0) return null;
  const sorted = sortedCopy(values);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest rank: the smallest value with at least p% of the values at or below it; null when empty. */
export function percentile({ values, p }: { values: readonly number[]; p: number }): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`p must be within [0, 100], got ${p}`);
  if (values.length === 0) return null;
  const sorted = sortedCopy(values);
  // The epsilon keeps a fractional p from rounding up past an exact rank (2.2 * 1500 / 100 = 33.00000000000001).
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100 - 1e-9));
  return sorted[rank - 1];
}

export type FrtCycle = { frtSeconds: number | null; targetSeconds: number; category: "request" | "noise" };

export type FrtSummary = {
  answered: number;
  unanswered: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  withinTargetShare: number | null;
};

/**
 * Request cycles only. Answered = has a first response; withinTargetShare = answered with
 * FRT <= target over all answered (null when none), never mixing in the ones still waiting.
 */
export function summarizeFrt({ cycles }: { cycles: readonly FrtCycle[] }): FrtSummary {
  const answered: number[] = [];
  let unanswered = 0;
  let withinTarget = 0;
  for (const cycle of cycles) {
    if (cycle.category !== "request") continue;
    if (cycle.frtSeconds === null) {
      unanswered++;
      continue;
    }
    answered.push(cycle.frtSeconds);
    if (cycle.frtSeconds <= cycle.targetSeconds) withinTarget++;
  }
  return {
    answered: answered.length,
    unanswered,
    medianSeconds: median({ values: answered }),
    p90Seconds: percentile({ values: answered, p: 90 }),
    withinTargetShare: answered.length === 0 ? null : withinTarget / answered.length,
  };
}
