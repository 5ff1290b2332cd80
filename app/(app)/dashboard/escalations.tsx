import { formatDuration } from "@/lib/metrics/format";
import type { DashboardData } from "@/lib/metrics/dashboard";
import { DataTable } from "./data-table";
import { formatter } from "@/lib/i18n/format";
import { translator, type Locale } from "@/lib/i18n/messages";

function Figure({ label, value, hint, id }: { label: string; value: string; hint?: string; id: string }) {
  return (
    <div className="rounded-md bg-zinc-50 p-3 dark:bg-zinc-900">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="mt-0.5 text-xl font-semibold tabular-nums" data-testid={`escalations-${id}`}>
        {value}
      </dd>
      {hint && <dd className="text-xs text-zinc-500">{hint}</dd>}
    </div>
  );
}

const durationIn = (locale: Locale) => (s: number | null) => (s == null ? "—" : formatDuration({ seconds: s, locale }));

// How quickly managers pick up escalations: time to acknowledge over the range, and the queue now.
export function Escalations({ data, locale }: { data: DashboardData; locale: Locale }) {
  const t = translator(locale);
  const duration = durationIn(locale);
  const e = data.escalations;
  const busyDays = e.daily.filter((d) => d.created > 0).length;
  return (
    <section className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" aria-labelledby="escalations-heading">
      <h2 id="escalations-heading" className="font-medium">
        {t("dashboard.esc.title")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
        <Figure
          id="open-now"
          label={t("dashboard.esc.openNow")}
          value={String(e.openNow)}
          hint={`${t("dashboard.esc.notAcknowledged", { count: e.unacknowledgedNow })}${e.oldestUnacknowledgedSeconds == null ? "" : t("dashboard.esc.oldest", { duration: duration(e.oldestUnacknowledgedSeconds) })}`}
        />
        <Figure id="median-ack" label={t("dashboard.esc.medianAck")} value={duration(e.medianAckSeconds)} hint={t("dashboard.esc.acknowledgedOf", { acknowledged: e.acknowledged, created: e.created })} />
        <Figure id="p90-ack" label={t("dashboard.esc.p90Ack")} value={duration(e.p90AckSeconds)} hint={t("dashboard.esc.p90Hint")} />
        <Figure id="created" label={t("dashboard.esc.created")} value={String(e.created)} />
        <Figure
          id="per-day"
          label={t("dashboard.esc.perDay")}
          value={e.daily.length === 0 ? "—" : formatter(locale).number(e.created / e.daily.length, { maximumFractionDigits: 1 })}
          hint={t("dashboard.esc.overDays", { count: e.daily.length })}
        />
      </dl>
      {busyDays === 0 ? (
        <p className="text-sm text-zinc-500">{t("dashboard.esc.none")}</p>
      ) : (
        <details>
          <summary className="cursor-pointer text-sm text-zinc-600 dark:text-zinc-400">{t("dashboard.esc.byDay")}</summary>
          <div className="mt-2">
            <DataTable data={data} name="escalations" locale={locale} framed />
          </div>
        </details>
      )}
    </section>
  );
}
