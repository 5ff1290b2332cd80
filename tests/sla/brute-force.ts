import type { Calendar } from "@/lib/sla/types";

// An independent reference: reads the wall clock of every minute straight from Intl and asks
// whether the calendar is open then. Slow on purpose, simple enough to trust.
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string, at: number) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function toMinute(text: string): number {
  const [hours, minutes] = text.split(":").map(Number);
  return hours * 60 + minutes;
}

export function bruteIsOpen(calendar: Calendar, at: number): boolean {
  const { date, weekday, minute } = wallClock(calendar.timezone, at);
  if (calendar.holidays.includes(date)) return false;
  if (calendar.intervals === null) return true;
  return calendar.intervals.some((interval) => {
    const start = toMinute(interval.start);
    const end = toMinute(interval.end);
    const overnight = end <= start;
    if (interval.day === weekday && minute >= start && (overnight || minute < end)) return true;
    return overnight && interval.day === (weekday + 6) % 7 && minute < end;
  });
}

/** Open seconds in [from, to) for minute-aligned instants, one minute at a time. */
export function bruteBusinessSeconds(calendar: Calendar, from: number, to: number): number {
  let seconds = 0;
  for (let at = from; at < to; at += 60_000) if (bruteIsOpen(calendar, at)) seconds += 60;
  return seconds;
}
