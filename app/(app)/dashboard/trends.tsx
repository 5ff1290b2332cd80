import type { DashboardData } from "@/lib/metrics/dashboard";
import type { TableName } from "@/lib/metrics/dashboard-tables";
import { formatDuration } from "@/lib/metrics/format";
import { MixChart, ResponseChart, VolumeChart } from "./charts.client";
import { DataTable, percentIn, TABLE_FRAME } from "./data-table";
import { Heatmap } from "./heatmap";
import { Tabs } from "@/app/_components/ui/tabs";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";

const minutes = (s: number | null) => (s == null ? null : Math.round((s / 60) * 10) / 10);
const percent = (share: number | null) => (share == null ? null : Math.round(share * 1000) / 10);

function Section({ title, summary, children }: { title: string; summary?: string; children: React.ReactNode }) {
  return (
    <section className="min-w-0 space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" aria-label={title}>
      <h2 className="font-medium">{title}</h2>
      {summary && <p className="text-xs text-zinc-500">{summary}</p>}
      {children}
    </section>
  );
}

// A chart or its numbers as a table, which reads better on a phone. The table is written once:
// the table tab shows it, and under the chart tab it stays for screen readers as the chart's text.
function ChartOrTable({ t, title, chart, data, name, locale }: { t: Translate; title: string; chart: React.ReactNode; data: DashboardData; name: TableName; locale: Locale }) {
  return (
    <Tabs
      label={t("dashboard.showAs", { title })}
      defaultValue="chart"
      tabs={[
        { value: "chart", label: t("dashboard.view.chart"), content: chart },
        {
          value: "table",
          label: t("dashboard.view.table"),
          content: <DataTable data={data} name={name} locale={locale} />,
          panelClassName: TABLE_FRAME,
          readWhenInactive: true,
        },
      ]}
    />
  );
}

// The manager's view: charts over the range, each with its data as a table.
export function Trends({ data, locale }: { data: DashboardData; locale: Locale }) {
  const t = translator(locale);
  const total = data.total;
  const channelNames = [...new Set(data.volume.flatMap((v) => Object.keys(v.byChannel)))].sort();
  const d = (s: number | null) => (s == null ? "—" : formatDuration({ seconds: s, locale }));
  const summary = t("dashboard.summary", {
    answered: total.answered,
    median: d(total.medianSeconds),
    p90: d(total.p90Seconds),
    within: total.withinTargetShare == null ? "—" : percentIn(locale, total.withinTargetShare),
    unanswered: total.unanswered,
  });
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      <Section title={t("dashboard.daily")} summary={summary}>
        <p className="sr-only" data-testid="range-summary">{summary}</p>
        <ChartOrTable
          t={t}
          title={t("dashboard.daily")}
          chart={<ResponseChart data={data.daily.map((r) => ({ day: r.day, median: minutes(r.medianSeconds), p90: minutes(r.p90Seconds), within: percent(r.withinTargetShare) }))} />}
          data={data}
          name="daily"
          locale={locale}
        />
      </Section>
      <Section title={t("dashboard.volume")}>
        <ChartOrTable
          t={t}
          title={t("dashboard.volume")}
          chart={<VolumeChart data={data.volume.map((v) => ({ day: v.day, ...v.byChannel }))} channels={channelNames} />}
          data={data}
          name="volume"
          locale={locale}
        />
      </Section>
      <Section title={t("dashboard.mix")} summary={t("dashboard.mixSummary")}>
        <ChartOrTable
          t={t}
          title={t("dashboard.mix")}
          chart={<MixChart data={data.mix.map((m) => ({ day: m.day, requestShare: percent(m.requestShare), toRequestShare: percent(m.toRequestShare), toNoiseShare: percent(m.toNoiseShare) }))} />}
          data={data}
          name="mix"
          locale={locale}
        />
      </Section>
      <Section title={t("dashboard.arrivals")} summary={t("dashboard.arrivalsSummary")}>
        <Heatmap cells={data.heatmap} metric="arrivals" caption={t("dashboard.arrivals")} locale={locale} />
      </Section>
      <Section title={t("dashboard.medianHeat")} summary={t("dashboard.medianHeatSummary")}>
        <Heatmap cells={data.heatmap} metric="median" caption={t("dashboard.medianHeat")} locale={locale} />
      </Section>
      <Section title={t("dashboard.agents")} summary={t("dashboard.agentsSummary")}>
        {data.agents.length === 0 ? (
          <p className="text-zinc-500">{t("dashboard.noReplies")}</p>
        ) : (
          <DataTable data={data} name="agents" locale={locale} framed />
        )}
      </Section>
    </div>
  );
}
