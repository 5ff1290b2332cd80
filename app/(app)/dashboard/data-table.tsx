import type { DataTable as Data, TableName } from "@/lib/metrics/dashboard-tables";
import { isMessageKey, translator, type Locale } from "@/lib/i18n/messages";

// The look of every cell is said once on the table, not on each of its hundreds of cells; the
// first column names the row, the others are numbers.
const TABLE =
  "w-full text-left text-sm [&_th]:bg-zinc-50 [&_th]:px-3 [&_th]:py-2 [&_th]:text-xs [&_th]:font-medium [&_th]:text-zinc-600 dark:[&_th]:bg-zinc-900 dark:[&_th]:text-zinc-400 [&_td]:border-t [&_td]:border-zinc-200 [&_td]:px-3 [&_td]:py-2 dark:[&_td]:border-zinc-800 [&_td+td]:tabular-nums";

/** The frame a visible table scrolls in on a phone (a focusable region, or the table's tab panel). */
export const TABLE_FRAME = "relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800";

// A chart's numbers (its table tab, which is also its text alternative) or a table of its own,
// from the same rows as the CSV. The CSV keeps its English column names; on screen they are in
// the reader's language. `framed` puts the table in its own focusable scrolling region.
export function DataTable({ table, name, locale, framed = false, format }: { table: Data; name: TableName; locale: Locale; framed?: boolean; format?: (value: string | number | null, column: string) => string }) {
  const t = translator(locale);
  const show = format ?? ((v) => (v == null ? "—" : String(v)));
  const column = (h: string) => {
    const key = `dashboard.column.${h}`;
    return isMessageKey(key) ? t(key) : h.replace(/_/g, " ");
  };
  const caption = t(`dashboard.tableTitle.${name}`);
  const body = (
    <table className={TABLE}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>{table.header.map((h) => <th key={h} scope="col">{column(h)}</th>)}</tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr key={i}>{row.map((cell, j) => <td key={j}>{show(cell, table.header[j])}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
  if (!framed) return body;
  return (
    <div className={TABLE_FRAME} tabIndex={0} role="region" aria-label={caption}>
      {body}
    </div>
  );
}
