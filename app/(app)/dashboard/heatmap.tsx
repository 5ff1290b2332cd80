import type { HeatCell } from "@/lib/metrics/dashboard";
import { formatDuration } from "@/lib/metrics/format";
import { formatter } from "@/lib/i18n/format";
import { translator, type Locale } from "@/lib/i18n/messages";
import { escapeHtml } from "@/lib/security/html";
import { keptMarkup } from "./markup";

// Cells are narrow: units lose their space and, where the language allows, shrink to a letter.
const COMPACT: Record<Locale, [string, string][]> = {
  en: [[" min", "m"], [" h", "h"]],
  ru: [[" мин", "м"], [" ч", "ч"]],
  bg: [[" мин", "м"], [" ч", "ч"]],
  sq: [[" min", "m"], [" orë", "o"]],
};

// Monday first; 1 January 2024 was a Monday.
const weekdays = (locale: Locale) => Array.from({ length: 7 }, (_, d) => formatter(locale).dateTime(Date.UTC(2024, 0, 1 + d), { weekday: "short", timeZone: "UTC" }));

// 2 × 168 cells: their look is said once on the table, each cell carrying only its shade (--a).
// Muted headers name their dark colour, as globals.css does for text-zinc-500.
const HEAT_TABLE =
  "border-separate border-spacing-0.5 text-[10px] tabular-nums [&_th]:w-8 [&_th]:font-normal [&_th]:text-zinc-500 dark:[&_th]:text-zinc-400 [&_tbody_th]:w-auto [&_tbody_th]:pr-1 [&_tbody_th]:text-right [&_td]:h-6 [&_td]:w-8 [&_td]:rounded [&_td]:text-center";
const SHADE = { arrivals: "[&_td]:bg-[rgba(37,99,235,var(--a))]", median: "[&_td]:bg-[rgba(220,38,38,var(--a))]" };

// The caption, hour header and one row per weekday as HTML; each cell's tip says both figures.
function heatmapMarkup({ cells, metric, caption, locale }: { cells: HeatCell[]; metric: "arrivals" | "median"; caption: string; locale: Locale }): string {
  const t = translator(locale);
  const value = (c: HeatCell) => (metric === "arrivals" ? c.arrivals : c.medianSeconds);
  const max = Math.max(1, ...cells.map((c) => value(c) ?? 0));
  const label = (c: HeatCell) => {
    const v = value(c);
    if (v == null) return "";
    const compact = formatDuration({ seconds: v, locale });
    return metric === "arrivals" ? formatter(locale).number(v) : COMPACT[locale].reduce((text, [long, short]) => text.replace(long, short), compact);
  };
  const hours = Array.from({ length: 24 }, (_, h) => `<th scope="col">${h}</th>`).join("");
  const rows = weekdays(locale).map((day, d) => {
    const row = cells.filter((c) => c.weekday === d).map((c) => {
      const v = value(c);
      // Capped shade: the text on it keeps 4.5:1 contrast in both themes.
      const alpha = v == null ? 0 : Math.round((0.06 + 0.54 * (v / max)) * 1000) / 1000;
      const tip = t("dashboard.heatTip", { day, hour: c.hour, arrivals: c.arrivals, median: c.medianSeconds == null ? "—" : formatDuration({ seconds: c.medianSeconds, locale }) });
      return `<td title="${escapeHtml(tip)}" style="--a:${alpha}">${escapeHtml(label(c))}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(day)}</th>${row.join("")}</tr>`;
  });
  return `<caption class="sr-only">${escapeHtml(caption)}</caption><thead><tr><th scope="col"></th>${hours}</tr></thead><tbody>${rows.join("")}</tbody>`;
}

// A plain table is its own accessible alternative; shade carries the same number as the text.
export function Heatmap({ cells, metric, caption, locale }: { cells: HeatCell[]; metric: "arrivals" | "median"; caption: string; locale: Locale }) {
  const html = keptMarkup({ rows: cells, key: `${metric}|${locale}|${caption}`, render: () => heatmapMarkup({ cells, metric, caption, locale }) });
  return (
    // Scrolls sideways on a phone, so it takes focus to be scrolled by keyboard.
    <div className="max-w-full overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className={`${HEAT_TABLE} ${SHADE[metric]}`} data-testid={`heatmap-${metric}`} dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
