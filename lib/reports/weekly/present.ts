import { formatDuration } from "@/lib/metrics/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { WeekFigures } from "./figures";
import type { WeeklyReport } from "./report";

export type ReportRow = { label: string; current: string; previous: string; change: string };
export type ReportView = {
  title: string;
  period: string;
  rows: ReportRow[];
  busiest: string[];
  /** Null when the report has no staffing section (no planner); else its lines, maybe empty. */
  staffing: string[] | null;
};

const weekday = (locale: Locale, d: number) => new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(Date.UTC(2024, 0, 1 + d));
const day = (locale: Locale, iso: string) => new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(Date.parse(`${iso}T00:00:00Z`));

/** The report as the words and numbers every format shows: the page, the e-mail and the PDF. */
export function presentReport({ report, t, locale }: { report: WeeklyReport; t: Translate; locale: Locale }): ReportView {
  const { current: c, previous: p } = report;
  const none = t("reports.weekly.none");
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);
  const share = (v: number | null) => (v == null ? none : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(v));
  const time = (s: number | null) => (s == null ? none : formatDuration({ seconds: s, locale }));
  const diff = (a: number | null, b: number | null, kind: "count" | "share" | "time") => {
    if (a == null || b == null) return none;
    const d = a - b;
    if (d === 0) return "=";
    const sign = d > 0 ? "+" : "−";
    if (kind === "share") return `${sign}${Math.round(Math.abs(d) * 100)} ${t("reports.weekly.points")}`;
    if (kind === "time") return `${sign}${formatDuration({ seconds: Math.abs(d), locale })}`;
    return `${sign}${count(Math.abs(d))}`;
  };
  const row = (label: string, pick: (w: WeekFigures) => number | null, kind: "count" | "share" | "time"): ReportRow => {
    const format = kind === "count" ? (v: number | null) => (v == null ? none : count(v)) : kind === "share" ? share : time;
    return { label, current: format(pick(c)), previous: format(pick(p)), change: diff(pick(c), pick(p), kind) };
  };
  return {
    title: t("reports.weekly.title", { brand: report.brand.name }),
    period: t("reports.weekly.period", { from: day(locale, c.fromDay), to: day(locale, c.toDay), prevFrom: day(locale, p.fromDay), prevTo: day(locale, p.toDay) }),
    rows: [
      row(t("reports.weekly.requests"), (w) => w.requests, "count"),
      row(t("reports.weekly.answered"), (w) => w.answered, "count"),
      row(t("reports.weekly.median"), (w) => w.medianSeconds, "time"),
      row(t("reports.weekly.p90"), (w) => w.p90Seconds, "time"),
      row(t("reports.weekly.withinTarget"), (w) => w.withinTargetShare, "share"),
      row(t("reports.weekly.breaches"), (w) => w.breaches, "count"),
      row(t("reports.weekly.escalations"), (w) => w.escalations.created, "count"),
      row(t("reports.weekly.ackMedian"), (w) => w.escalations.medianAckSeconds, "time"),
      row(t("reports.weekly.ackP90"), (w) => w.escalations.p90AckSeconds, "time"),
    ],
    busiest: c.busiestHours.map((h) => t("reports.weekly.busiestItem", { day: weekday(locale, h.weekday), hour: String(h.hour).padStart(2, "0"), n: h.requests })),
    staffing:
      report.staffing == null
        ? null
        : report.staffing.hours
            .filter((h) => h.gap > 0)
            .sort((a, b) => b.gap - a.gap || a.weekday - b.weekday || a.hour - b.hour)
            .slice(0, 8)
            .map((h) => t("reports.weekly.staffingItem", { day: weekday(locale, h.weekday - 1), hour: String(h.hour).padStart(2, "0"), gap: count(h.gap) })),
  };
}

/** Weekday labels, Monday first, for the charts. */
export const weekdayLabels = (locale: Locale) => Array.from({ length: 7 }, (_, d) => weekday(locale, d));
