import type { DashboardData } from "@/lib/metrics/dashboard";
import { dashboardTable } from "@/lib/metrics/dashboard-tables";
import { formatDuration } from "@/lib/metrics/format";
import { MixChart, ResponseChart, VolumeChart } from "./charts.client";
import { DataTable } from "./data-table";
import { Heatmap } from "./heatmap";

const minutes = (s: number | null) => (s == null ? null : Math.round((s / 60) * 10) / 10);
const percent = (share: number | null) => (share == null ? null : Math.round(share * 1000) / 10);

function Section({ title, summary, children }: { title: string; summary?: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" aria-label={title}>
      <h2 className="font-medium">{title}</h2>
      {summary && <p className="text-xs text-zinc-500">{summary}</p>}
      {children}
    </section>
  );
}

function cellFormat(value: string | number | null, column: string): string {
  if (value == null) return "—";
  if (typeof value === "number" && column.endsWith("_seconds")) return formatDuration({ seconds: value, locale: "en" });
  if (typeof value === "number" && column.endsWith("_share")) return `${Math.round(value * 1000) / 10}%`;
  return String(value);
}

// The manager's view: charts over the range, each with its data as a hidden table.
export function Trends({ data }: { data: DashboardData }) {
  const total = data.total;
  const channelNames = [...new Set(data.volume.flatMap((v) => Object.keys(v.byChannel)))].sort();
  const d = (s: number | null) => (s == null ? "—" : formatDuration({ seconds: s, locale: "en" }));
  const summary = `Over the range: ${total.answered} answered, median ${d(total.medianSeconds)}, p90 ${d(total.p90Seconds)}, ${total.withinTargetShare == null ? "—" : `${percent(total.withinTargetShare)}%`} within target; ${total.unanswered} requests without a reply.`;
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Section title="First response by day" summary={summary}>
        <p className="sr-only" data-testid="range-summary">{summary}</p>
        <ResponseChart data={data.daily.map((r) => ({ day: r.day, median: minutes(r.medianSeconds), p90: minutes(r.p90Seconds), within: percent(r.withinTargetShare) }))} />
        <DataTable table={dashboardTable({ data, name: "daily" })} hidden format={cellFormat} />
      </Section>
      <Section title="Inbound messages by channel">
        <VolumeChart data={data.volume.map((v) => ({ day: v.day, ...v.byChannel }))} channels={channelNames} />
        <DataTable table={dashboardTable({ data, name: "volume" })} hidden />
      </Section>
      <Section title="Requests vs noise, and corrected classifications" summary="Share of inbound messages classified as requests, and share whose classification an agent corrected.">
        <MixChart data={data.mix.map((m) => ({ day: m.day, requestShare: percent(m.requestShare), correctedShare: percent(m.correctedShare) }))} />
        <DataTable table={dashboardTable({ data, name: "mix" })} hidden format={cellFormat} />
      </Section>
      <Section title="New requests by weekday and hour" summary="Brand time zone; darker means more.">
        <Heatmap cells={data.heatmap} metric="arrivals" caption="New requests by weekday and hour" />
      </Section>
      <Section title="Median first response by weekday and hour" summary="Of requests that arrived in each hour; empty cells had no answered request.">
        <Heatmap cells={data.heatmap} metric="median" caption="Median first response by weekday and hour" />
      </Section>
      <Section title="Agents" summary="Replies sent; median first response of the requests they answered first; conversations they resolved, and how many came back.">
        {data.agents.length === 0 ? (
          <p className="text-zinc-500">No replies in this range yet.</p>
        ) : (
          <DataTable table={dashboardTable({ data, name: "agents" })} format={cellFormat} />
        )}
      </Section>
    </div>
  );
}
