import { DAY, MINUTE, weekdayOf, type CompiledCalendar } from "./compile-calendar";
import { offsetSegment } from "./time-zone";

/**
 * Open spans [start, end) in epoch ms, in order, clipped to [from, to). Per stretch of constant
 * UTC offset, local spans map back by subtracting it: a spring-forward gap is skipped and a
 * repeated fall-back hour counts twice, exactly as the wall clock an agent looks at.
 */
export function* openIntervals({
  compiled,
  from,
  to,
}: {
  compiled: CompiledCalendar;
  from: number;
  to: number;
}): Generator<[number, number]> {
  let cursor = from;
  while (cursor < to) {
    const { offsetMs, endsAt } = offsetSegment({ timeZone: compiled.timeZone, at: cursor });
    const segmentEnd = Math.min(endsAt, to);
    const localFrom = cursor + offsetMs;
    const localTo = segmentEnd + offsetMs;
    for (let day = Math.floor(localFrom / DAY); day * DAY < localTo; day++) {
      if (compiled.holidays.has(day)) continue;
      for (const [startMinute, endMinute] of compiled.byWeekday[weekdayOf({ dayNumber: day })]) {
        const start = Math.max(day * DAY + startMinute * MINUTE, localFrom);
        const end = Math.min(day * DAY + endMinute * MINUTE, localTo);
        if (start < end) yield [start - offsetMs, end - offsetMs];
      }
    }
    cursor = segmentEnd;
  }
}
