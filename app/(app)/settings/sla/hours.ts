// Readable summaries of a calendar's weekly hours for the settings list.
import { formatter } from "@/lib/i18n/format";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";

type Interval = { day: number; start: string; end: string };

const WEEK = [1, 2, 3, 4, 5, 6, 0];
// Day 0 is Sunday, as in the engine; 7 January 2024 was a Sunday.
const shortDays = (locale: Locale) => Array.from({ length: 7 }, (_, d) => formatter(locale).dateTime(Date.UTC(2024, 0, 7 + d), { weekday: "short", timeZone: "UTC" }));

function span(i: Interval, t: Translate): string {
  const end = i.end === "24:00" || i.end === "00:00" ? t("sla.settings.hours.midnight") : i.end;
  const overnight = i.end !== "24:00" && i.end !== "00:00" && i.end <= i.start;
  return `${i.start}–${end}${overnight ? ` ${t("sla.settings.hours.nextDay")}` : ""}`;
}

/** "Mon–Fri 09:00–17:00 · Sat 10:00–14:00", consecutive days with equal hours grouped. */
export function summarizeHours(intervals: Interval[] | null, locale: Locale = "en"): string {
  const t = translator(locale);
  if (intervals === null) return t("sla.settings.hours.always");
  const SHORT = shortDays(locale);
  const perDay = WEEK.map((day) =>
    intervals
      .filter((i) => i.day === day)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((i) => span(i, t))
      .join(", "),
  );
  const groups: { from: number; to: number; text: string }[] = [];
  perDay.forEach((text, index) => {
    const last = groups[groups.length - 1];
    if (last && last.text === text && last.to === index - 1) last.to = index;
    else groups.push({ from: index, to: index, text });
  });
  const open = groups.filter((g) => g.text !== "");
  if (open.length === 0) return t("sla.settings.hours.never");
  return open.map((g) => `${SHORT[WEEK[g.from]]}${g.to > g.from ? `–${SHORT[WEEK[g.to]]}` : ""} ${g.text}`).join(" · ");
}
