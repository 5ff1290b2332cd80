import { Table, Td, Th } from "@/app/_components/ui/table";
import type { DataTable as Data, TableName } from "@/lib/metrics/dashboard-tables";
import { isMessageKey, translator, type Locale } from "@/lib/i18n/messages";

// A chart's text alternative (visually hidden) or a visible table, from the same rows as the CSV.
// The CSV keeps its English column names; on screen they are in the reader's language.
export function DataTable({ table, name, locale, hidden = false, format }: { table: Data; name: TableName; locale: Locale; hidden?: boolean; format?: (value: string | number | null, column: string) => string }) {
  const t = translator(locale);
  const show = format ?? ((v) => (v == null ? "—" : String(v)));
  const column = (h: string) => {
    const key = `dashboard.column.${h}`;
    return isMessageKey(key) ? t(key) : h.replace(/_/g, " ");
  };
  const body = (
    <Table caption={t(`dashboard.tableTitle.${name}`)} scroll={!hidden}>
      <thead>
        <tr>{table.header.map((h) => <Th key={h}>{column(h)}</Th>)}</tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr key={i}>{row.map((cell, j) => <Td key={j} className={typeof cell === "number" ? "tabular-nums" : ""}>{show(cell, table.header[j])}</Td>)}</tr>
        ))}
      </tbody>
    </Table>
  );
  return hidden ? <div className="sr-only">{body}</div> : body;
}
