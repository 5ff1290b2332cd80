// Readable summaries of a calendar's weekly hours for the settings list.
type Interval = { day: number; start: string; end: string };

const SHORT = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const WEEK = [1, 2, 3, 4, 5, 6, 0];

function span(i: Interval): string {
  const end = i.end === "24:00" || i.end === "00:00" ? "midnight" : i.end;
  const overnight = i.end !== "24:00" && i.end !== "00:00" && i.end <= i.start;
  return `${i.start}–${end}${overnight ? " (next day)" : ""}`;
}

/** "Mon–Fri 09:00–17:00 · Sat 10:00–14:00", consecutive days with equal hours grouped. */
export function summarizeHours(intervals: Interval[] | null): string {
  if (intervals === null) return "Open 24/7";
  const perDay = WEEK.map((day) =>
    intervals
      .filter((i) => i.day === day)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map(span)
      .join(", "),
  );
  const groups: { from: number; to: number; text: string }[] = [];
  perDay.forEach((text, index) => {
    const last = groups[groups.length - 1];
    if (last && last.text === text && last.to === index - 1) last.to = index;
    else groups.push({ from: index, to: index, text });
  });
  const open = groups.filter((g) => g.text !== "");
  if (open.length === 0) return "Never open";
  return open.map((g) => `${SHORT[WEEK[g.from]]}${g.to > g.from ? `–${SHORT[WEEK[g.to]]}` : ""} ${g.text}`).join(" · ");
}
