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
  waitingMedianSeconds: number | null;
  basis: LiveBasis;
  sampleSize: number;
};

function within({ at, now, spanMs }: { at: Date; now: Date; spanMs: number }): boolean {
  const age = now.getTime() - at.getTime();
  return age >= 0 && age < spanMs;
}

/**
 * The public figure (DESIGN.md "Live response time"). Windows are (now - span, now]; entries
 * after `now` are ignored. displaySeconds = max(median first response, median age of the
 * requests waiting that arrived in the last 24 hours), rounded to whole seconds: a growing queue
 * raises it, one forgotten conversation does not. The oldest wait is reported beside it for
 * the dashboard's alarm. Null when nothing was answered and nothing waits.
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

  const ages = waitingStarts.filter((start) => within({ at: start, now, spanMs: DAY })).map((start) => Math.floor((now.getTime() - start.getTime()) / 1000));
  const oldestWaitingSeconds = ages.length === 0 ? null : Math.max(...ages);
  const waitingMedianSeconds = median({ values: ages });

  const candidates = [medianSeconds, waitingMedianSeconds].filter((value): value is number => value !== null);
  return {
    displaySeconds: candidates.length === 0 ? null : Math.round(Math.max(...candidates)),
    medianSeconds,
    oldestWaitingSeconds,
    waitingMedianSeconds,
    basis,
    sampleSize: sample.length,
  };
}
