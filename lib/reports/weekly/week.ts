import { localParts, parseRange, type DashboardRange } from "@/lib/metrics/local-time";
import { AppError } from "@/lib/errors";

const DAY = 86_400_000;
const WEEK_RE = /^\d{4}-\d{2}-\d{2}$/;

export type ReportWeek = { week: string; range: DashboardRange; previous: DashboardRange };

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The Monday (local, "YYYY-MM-DD") of the week holding `at` in the zone. */
export function mondayOf({ at, timeZone }: { at: number; timeZone: string }): string {
  const { day, weekday } = localParts({ at, timeZone });
  return addDays(day, -weekday);
}

/** Monday to Sunday in the brand's zone, and the week before it, as dashboard ranges. */
export function reportWeek({ week, timeZone }: { week: string; timeZone: string }): ReportWeek {
  if (!WEEK_RE.test(week) || Number.isNaN(Date.parse(`${week}T00:00:00Z`)) || new Date(`${week}T00:00:00Z`).getUTCDay() !== 1)
    throw new AppError("bad_request:week", "The week is the date of its Monday, YYYY-MM-DD.");
  const range = parseRange({ from: week, to: addDays(week, 6), timeZone });
  const previous = parseRange({ from: addDays(week, -7), to: addDays(week, -1), timeZone });
  return { week, range, previous };
}

/** The last whole week before `now`: the one a Monday-morning report is about. */
export function lastWeek({ now, timeZone }: { now: number; timeZone: string }): ReportWeek {
  return reportWeek({ week: addDays(mondayOf({ at: now, timeZone }), -7), timeZone });
}
