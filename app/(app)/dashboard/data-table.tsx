import type { DashboardData } from "@/lib/metrics/dashboard";
import { dashboardTable, type Cell, type TableName } from "@/lib/metrics/dashboard-tables";
import { formatDuration } from "@/lib/metrics/format";
import { formatter } from "@/lib/i18n/format";
import { isMessageKey, translator, type Locale } from "@/lib/i18n/messages";
import { escapeHtml } from "@/lib/security/html";
import { keptMarkup } from "./markup";

// The look of every cell is said once on the table, not on each of its hundreds of cells; the
// first column names the row, the others are numbers.
const TABLE =
  "w-full text-left text-sm [&_th]:bg-zinc-50 [&_th]:px-3 [&_th]:py-2 [&_th]:text-xs [&_th]:font-medium [&_th]:text-zinc-600 dark:[&_th]:bg-zinc-900 dark:[&_th]:text-zinc-400 [&_td]:border-t [&_td]:border-zinc-200 [&_td]:px-3 [&_td]:py-2 dark:[&_td]:border-zinc-800 [&_td+td]:tabular-nums";

/** The frame a visible table scrolls in on a phone (a focusable region, or the table's tab panel). */
export const TABLE_FRAME = "relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800";

// Shares are fractions (0.725): the language's percent format says 72.5 % or 72,5 %.
export const percentIn = (locale: Locale, value: number) => formatter(locale).number(value, { style: "percent", maximumFractionDigits: 1 });

const showCell = (locale: Locale, name: TableName) => (value: Cell, column: string): string => {
  if (value == null) return "—";
  if (typeof value === "number" && column.endsWith("_seconds")) return formatDuration({ seconds: value, locale });
  // The escalations' days stay as the CSV writes them.
  if (name === "escalations") return String(value);
  if (typeof value === "number" && column.endsWith("_share")) return percentIn(locale, value);
  if (typeof value === "number") return formatter(locale).number(value);
  if (column === "day") return formatter(locale).dateTime(Date.parse(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return String(value);
};

// The rows each table is made from: new ones come with every new computation of the figures.
const ROWS: Record<TableName, (data: DashboardData) => object> = {
  daily: (d) => d.daily,
  volume: (d) => d.volume,
  mix: (d) => d.mix,
  heatmap: (d) => d.heatmap,
  agents: (d) => d.agents,
  escalations: (d) => d.escalations.daily,
};

// The table's caption, header and rows as HTML. The CSV keeps its English column names; on
// screen they are in the reader's language.
function tableMarkup({ data, name, locale }: { data: DashboardData; name: TableName; locale: Locale }): string {
  const t = translator(locale);
  const table = dashboardTable({ data, name });
  const show = showCell(locale, name);
  const column = (h: string) => {
    const key = `dashboard.column.${h}`;
    return isMessageKey(key) ? t(key) : h.replace(/_/g, " ");
  };
  const head = table.header.map((h) => `<th scope="col">${escapeHtml(column(h))}</th>`).join("");
  const body = table.rows.map((row) => `<tr>${row.map((cell, j) => `<td>${escapeHtml(show(cell, table.header[j]))}</td>`).join("")}</tr>`).join("");
  return `<caption class="sr-only">${escapeHtml(t(`dashboard.tableTitle.${name}`))}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody>`;
}

// A chart's numbers (its table tab, which is also its text alternative) or a table of its own,
// from the same rows as the CSV. `framed` puts the table in its own focusable scrolling region.
export function DataTable({ data, name, locale, framed = false }: { data: DashboardData; name: TableName; locale: Locale; framed?: boolean }) {
  const html = keptMarkup({ rows: ROWS[name](data), key: `${name}|${locale}`, render: () => tableMarkup({ data, name, locale }) });
  const table = <table className={TABLE} dangerouslySetInnerHTML={{ __html: html }} />;
  if (!framed) return table;
  return (
    <div className={TABLE_FRAME} tabIndex={0} role="region" aria-label={translator(locale)(`dashboard.tableTitle.${name}`)}>
      {table}
    </div>
  );
}
