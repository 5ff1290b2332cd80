import { Table, Td, Th } from "@/app/_components/ui/table";
import type { DataTable as Data } from "@/lib/metrics/dashboard-tables";

// A chart's text alternative (visually hidden) or a visible table, from the same rows as the CSV.
export function DataTable({ table, hidden = false, format }: { table: Data; hidden?: boolean; format?: (value: string | number | null, column: string) => string }) {
  const show = format ?? ((v) => (v == null ? "—" : String(v)));
  const body = (
    <Table caption={table.title}>
      <thead>
        <tr>{table.header.map((h) => <Th key={h}>{h.replace(/_/g, " ")}</Th>)}</tr>
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
