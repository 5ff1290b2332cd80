import { formatDuration } from "@/lib/metrics/format";
import type { DashboardData } from "@/lib/metrics/dashboard";
import { dashboardTable } from "@/lib/metrics/dashboard-tables";
import { DataTable } from "./data-table";

function Figure({ label, value, hint, id }: { label: string; value: string; hint?: string; id: string }) {
  return (
    <div className="rounded-md bg-zinc-50 p-3 dark:bg-zinc-900">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="mt-0.5 text-xl font-semibold tabular-nums" data-testid={`escalations-${id}`}>
        {value}
      </dd>
      {hint && <p className="text-xs text-zinc-500">{hint}</p>}
    </div>
  );
}

const duration = (s: number | null) => (s == null ? "—" : formatDuration({ seconds: s, locale: "en" }));

function cell(value: string | number | null, column: string): string {
  if (value == null) return "—";
  return typeof value === "number" && column.endsWith("_seconds") ? duration(value) : String(value);
}

// How quickly managers pick up escalations: time to acknowledge over the range, and the queue now.
export function Escalations({ data }: { data: DashboardData }) {
  const e = data.escalations;
  const busyDays = e.daily.filter((d) => d.created > 0).length;
  return (
    <section className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" aria-labelledby="escalations-heading">
      <h2 id="escalations-heading" className="font-medium">
        Escalations
      </h2>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
        <Figure id="open-now" label="Open now" value={String(e.openNow)} hint={`${e.unacknowledgedNow} not acknowledged${e.oldestUnacknowledgedSeconds == null ? "" : `, oldest ${duration(e.oldestUnacknowledgedSeconds)}`}`} />
        <Figure id="median-ack" label="Median time to acknowledge" value={duration(e.medianAckSeconds)} hint={`${e.acknowledged} of ${e.created} acknowledged`} />
        <Figure id="p90-ack" label="p90 time to acknowledge" value={duration(e.p90AckSeconds)} hint="9 in 10 acknowledged within" />
        <Figure id="created" label="Created in the range" value={String(e.created)} />
        <Figure id="per-day" label="Per day" value={e.daily.length === 0 ? "—" : (Math.round((e.created / e.daily.length) * 10) / 10).toLocaleString("en")} hint={`over ${e.daily.length} days`} />
      </dl>
      {busyDays === 0 ? (
        <p className="text-sm text-zinc-500">No escalations were created in this range.</p>
      ) : (
        <details>
          <summary className="cursor-pointer text-sm text-zinc-600 dark:text-zinc-400">Escalations by day</summary>
          <div className="mt-2">
            <DataTable table={dashboardTable({ data, name: "escalations" })} format={cell} />
          </div>
        </details>
      )}
    </section>
  );
}
