import { median } from "./percentile";

export { formatDuration } from "./format";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MIN_SAMPLE_60M = 5;

export type LiveBasis = "60m" | "24h" | "none";

export type LiveResponseTime = {
  displaySeconds: number | null;
  medianSeconds: number | null;
  oldestWaitingSeconds: number | null;
  basis: LiveBasis;
  sampleSize: number;
};

function within({ at, now, spanMs }: { at: Date; now: Date; spanMs: number }): boolean {
  const age = now.getTime() - at.getTime();
  return age >= 0 && age < spanMs;
}

/**
 * The public figure (DESIGN.md "Live response time"). Windows are (now - span, now]; entries
 * after `now` are ignored. displaySeconds = max(median, oldest waiting age), rounded to whole
 * seconds; with no answers but requests waiting it is the oldest waiting age; null when neither.
 */
export function liveResponseTime({
  now,
  answered,
  waitingStarts,
}: {
  now: Date;
  answered: readonly { firstResponseAt: Date; frtSeconds: number }[];
  waitingStarts: readonly Date[];
}): LiveResponseTime {
  const lastHour = answered.filter((cycle) => within({ at: cycle.firstResponseAt, now, spanMs: HOUR }));
  const lastDay = answered.filter((cycle) => within({ at: cycle.firstResponseAt, now, spanMs: DAY }));
  const [basis, sample]: [LiveBasis, typeof answered] =
    lastHour.length >= MIN_SAMPLE_60M ? ["60m", lastHour] : lastDay.length > 0 ? ["24h", lastDay] : ["none", []];
  const medianSeconds = median({ values: sample.map((cycle) => cycle.frtSeconds) });

  let oldestStart: number | null = null;
  for (const start of waitingStarts) {
    if (within({ at: start, now, spanMs: DAY }) && (oldestStart === null || start.getTime() < oldestStart)) {
      oldestStart = start.getTime();
    }
  }
  const oldestWaitingSeconds = oldestStart === null ? null : Math.floor((now.getTime() - oldestStart) / 1000);

  const candidates = [medianSeconds, oldestWaitingSeconds].filter((value): value is number => value !== null);
  return {
    displaySeconds: candidates.length === 0 ? null : Math.round(Math.max(...candidates)),
    medianSeconds,
    oldestWaitingSeconds,
    basis,
    sampleSize: sample.length,
  };
}
