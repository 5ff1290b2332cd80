import type { Metadata } from "next";
import Link from "next/link";
import { hasRole } from "@/lib/auth/brand-context";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { NoAccess } from "@/app/_components/no-access";
import { translator } from "@/lib/i18n/messages";
import { reportCharts } from "@/lib/reports/weekly/charts";
import { presentReport } from "@/lib/reports/weekly/present";
import { buildWeeklyReport } from "@/lib/reports/weekly/report";
import { plannerGap } from "@/lib/reports/weekly/staffing";
import { PrintButton } from "./print-button.client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator((await requirePageUser()).locale)("reports.weekly.nav") };
}

type Search = { brand?: string; week?: string };

const shift = (week: string, days: number) => new Date(Date.parse(`${week}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// The weekly report as a printable page: the same figures and charts as the Monday e-mail.
export default async function WeeklyReportPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser();
  const search = await searchParams;
  const membership = pageMembership({ user, slug: search.brand });
  const t = translator(user.locale);
  if (!hasRole(membership, "manager"))
    return (
      <main className="p-6">
        <NoAccess what={t("reports.weekly.optInNone")} />
      </main>
    );
  const week = search.week && /^\d{4}-\d{2}-\d{2}$/.test(search.week) ? search.week : undefined;
  const report = await buildWeeklyReport({ actor: { kind: "member", user }, brandId: membership.brandId, week, staffingGap: plannerGap });
  const view = presentReport({ report, t, locale: user.locale });
  const charts = reportCharts({ report, t, locale: user.locale });
  const link = (w: string) => `/dashboard/weekly?brand=${encodeURIComponent(membership.slug)}&week=${w}`;
  return (
    <main className="mx-auto w-full max-w-3xl min-w-0 space-y-6 p-4 md:p-6 print:p-0">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-lg font-semibold">{view.title}</h1>
        <nav className="flex flex-wrap gap-3 text-sm print:hidden" aria-label={t("reports.weekly.nav")}>
          <Link className="underline" href={link(shift(report.week, -7))}>{t("reports.weekly.previous")}</Link>
          <Link className="underline" href={link(shift(report.week, 7))}>{t("reports.weekly.next")}</Link>
          <a className="underline" href={`/dashboard/weekly/pdf?brand=${encodeURIComponent(membership.slug)}&week=${report.week}`}>{t("reports.weekly.pdf")}</a>
          <PrintButton label={t("reports.weekly.print")} />
        </nav>
      </div>
      <p className="text-sm text-zinc-500">{view.period}</p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-zinc-200 text-left dark:border-zinc-800">
              {[t("reports.weekly.figure"), t("reports.weekly.lastWeek"), t("reports.weekly.weekBefore"), t("reports.weekly.change")].map((h) => (
                <th key={h} scope="col" className="px-2 py-1 font-medium">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.label} className="border-b border-zinc-100 dark:border-zinc-900">
                <th scope="row" className="px-2 py-1 text-left font-normal">{r.label}</th>
                <td className="px-2 py-1 font-semibold tabular-nums">{r.current}</td>
                <td className="px-2 py-1 tabular-nums">{r.previous}</td>
                <td className="px-2 py-1 tabular-nums">{r.change}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="busiest" className="space-y-1">
        <h2 id="busiest" className="font-medium">{t("reports.weekly.busiest")}</h2>
        {view.busiest.length ? <ul className="list-disc pl-5 text-sm">{view.busiest.map((b) => <li key={b}>{b}</li>)}</ul> : <p className="text-sm">{t("reports.weekly.busiestNone")}</p>}
      </section>
      {view.staffing && (
        <section aria-labelledby="staffing" className="space-y-1">
          <h2 id="staffing" className="font-medium">{t("reports.weekly.staffing")}</h2>
          {view.staffing.length ? <ul className="list-disc pl-5 text-sm">{view.staffing.map((s) => <li key={s}>{s}</li>)}</ul> : <p className="text-sm">{t("reports.weekly.staffingNone")}</p>}
        </section>
      )}
      {charts.map((chart) => (
        // eslint-disable-next-line @next/next/no-img-element -- an SVG made on the server, the same the e-mail sends as PNG
        <img key={chart.id} src={`data:image/svg+xml;base64,${Buffer.from(chart.svg).toString("base64")}`} alt={chart.title} width={600} height={240} className="h-auto w-full max-w-[600px] break-inside-avoid" />
      ))}
    </main>
  );
}
