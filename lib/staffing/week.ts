import { percentile } from "@/lib/metrics/percentile";

export const WEEK_MS = 7 * 86_400_000;
export const SLOTS = 168;

/** The N seven-day windows ending at `until`, newest first. */
export function weekWindows({ until, weeks }: { until: number; weeks: number }): { from: number; to: number }[] {
  return Array.from({ length: weeks }, (_, i) => ({ from: until - (i + 1) * WEEK_MS, to: until - i * WEEK_MS }));
}

export type WeekCounts = { weeksWithData: number; mean: number[]; p80: number[]; noiseMean: number[] };

/**
 * Cycle starts counted per hour of the week: the mean over the windows that hold any cycle,
 * and the 80th-percentile week (nearest rank over those windows).
 */
export function countByHourOfWeek({
  cycles,
  windows,
  slotOf,
}: {
  cycles: { at: number; request: boolean }[];
  windows: { from: number; to: number }[];
  slotOf: (at: number) => number;
}): WeekCounts {
  const requests = windows.map(() => new Array<number>(SLOTS).fill(0));
  const noise = windows.map(() => new Array<number>(SLOTS).fill(0));
  const hasData = windows.map(() => false);
  for (const cycle of cycles) {
    const w = windows.findIndex((win) => cycle.at >= win.from && cycle.at < win.to);
    if (w < 0) continue;
    hasData[w] = true;
    (cycle.request ? requests : noise)[w][slotOf(cycle.at)]++;
  }
  const used = windows.map((_, i) => i).filter((i) => hasData[i]);
  const n = used.length;
  const mean = (grid: number[][], slot: number) => (n === 0 ? 0 : used.reduce((s, i) => s + grid[i][slot], 0) / n);
  return {
    weeksWithData: n,
    mean: Array.from({ length: SLOTS }, (_, s) => mean(requests, s)),
    p80: Array.from({ length: SLOTS }, (_, s) => percentile({ values: used.map((i) => requests[i][s]), p: 80 }) ?? 0),
    noiseMean: Array.from({ length: SLOTS }, (_, s) => mean(noise, s)),
  };
}
