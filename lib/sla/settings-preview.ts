import { AppError } from "@/lib/errors";
import { DAY, parseLocalDate, weekdayOf } from "./compile-calendar";
import { isOpenAt } from "./calendar";
import { slaDeadlines } from "./state";
import { readOffset } from "./time-zone";
import type { Calendar } from "./types";

export type PreviewExample = {
  label: string;
  arrivesAt: number;
  dueAt: number;
  atRiskAt: number;
  /** "Fri 28 Nov, 18:30" in the calendar's zone. */
  arrives: string;
  due: string;
  /** Wall-clock wait until due, for "2 d 15 h later". */
  wallSeconds: number;
};

/** The instant of local wall time `minutes` after midnight of local day `day` in the zone. */
function localInstant({ day, minutes, timeZone }: { day: number; minutes: number; timeZone: string }): number {
  const local = day * DAY + minutes * 60_000;
  let at = local - readOffset({ timeZone, at: local });
  at = local - readOffset({ timeZone, at });
  return at;
}

function localDay({ at, timeZone }: { at: number; timeZone: string }): number {
  return Math.floor((at + readOffset({ timeZone, at })) / DAY);
}

export function formatLocal({ at, timeZone }: { at: number; timeZone: string }): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
}

/** The next local `weekday` (0 = Sunday) at `minutes` past midnight, strictly after `now`. */
function nextWeekdayAt({ now, weekday, minutes, timeZone }: { now: number; weekday: number; minutes: number; timeZone: string }): number {
  const today = localDay({ at: now, timeZone });
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = today + ahead;
    if (weekdayOf({ dayNumber: day }) !== weekday) continue;
    const at = localInstant({ day, minutes, timeZone });
    if (at > now) return at;
  }
  return localInstant({ day: today + 7, minutes, timeZone });
}

/** Arrivals an admin recognises: now, Friday evening, Sunday noon, the next holiday if any. */
function sampleArrivals({ calendar, now }: { calendar: Calendar; now: number }): { label: string; at: number }[] {
  const timeZone = calendar.timezone;
  const samples = [
    { label: "now", at: now },
    { label: "on Friday evening", at: nextWeekdayAt({ now, weekday: 5, minutes: 18 * 60 + 30, timeZone }) },
    { label: "on Sunday", at: nextWeekdayAt({ now, weekday: 0, minutes: 12 * 60, timeZone }) },
  ];
  const today = localDay({ at: now, timeZone });
  const holiday = calendar.holidays.map((text) => parseLocalDate({ text })).find((day): day is number => day !== null && day > today);
  if (holiday !== undefined) samples.push({ label: "on a holiday", at: localInstant({ day: holiday, minutes: 10 * 60, timeZone }) });
  return samples;
}

/**
 * When requests arriving at a few telling moments would be due under a target and calendar,
 * computed with the same engine the pipeline uses. Empty when the calendar is never open.
 */
/** Minutes a calendar is open in a week (holidays aside). */
export function weeklyOpenMinutes(calendar: Calendar): number {
  if (calendar.intervals === null) return 7 * 24 * 60;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return calendar.intervals.reduce((sum, i) => {
    const start = minutes(i.start);
    const end = minutes(i.end);
    return sum + (end > start ? end - start : end + 24 * 60 - start);
  }, 0);
}

/** The preview walks the calendar to each due time; past a year of weeks it answers with an error instead. */
export const PREVIEW_MAX_WEEKS = 53;

export function previewDue({ calendar, targetSeconds, atRiskShare, now }: { calendar: Calendar; targetSeconds: number; atRiskShare: number; now: number }): PreviewExample[] {
  const hasOpenHours = calendar.intervals === null || calendar.intervals.length > 0;
  if (!hasOpenHours) return [];
  if (targetSeconds / 60 > weeklyOpenMinutes(calendar) * (PREVIEW_MAX_WEEKS - 1))
    throw new AppError("bad_request:calendar", "The calendar is open too little for this target: a request would be due more than a year later.");
  const timeZone = calendar.timezone;
  return sampleArrivals({ calendar, now }).map(({ label, at }) => {
    const { atRiskAt, dueAt } = slaDeadlines({ calendar, startedAt: new Date(at), targetSeconds, atRiskShare });
    return {
      label,
      arrivesAt: at,
      dueAt: dueAt.getTime(),
      atRiskAt: atRiskAt.getTime(),
      arrives: formatLocal({ at, timeZone }),
      due: formatLocal({ at: dueAt.getTime(), timeZone }),
      wallSeconds: Math.round((dueAt.getTime() - at) / 1000),
    };
  });
}

/** Whether the calendar is open right now: shown beside each calendar. */
export function openNow({ calendar, now }: { calendar: Calendar; now: number }): boolean {
  return isOpenAt({ calendar, at: new Date(now) });
}
