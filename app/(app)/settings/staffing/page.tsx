import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/app/_components/no-access";
import { Button } from "@/app/_components/ui/button";
import { Field, Input } from "@/app/_components/ui/input";
import { EmptyState } from "@/app/_components/ui/table";
import { hasRole } from "@/lib/auth/brand-context";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorText } from "@/lib/i18n/errors";
import { formatter } from "@/lib/i18n/format";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";
import { formatDuration } from "@/lib/metrics/format";
import { staffingPlan, type StaffingPlan } from "@/lib/staffing/plan";
import { optionsFromQuery, pickQuery, type StaffingQuery } from "@/lib/staffing/query";
import { StaffingTables } from "./tables";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator((await requirePageUser()).locale)("settings.staffing") };
}

type Search = Record<string, string | string[] | undefined>;

function handleText(plan: StaffingPlan, t: Translate, locale: Locale): string {
  const duration = (s: number) => `${formatDuration({ seconds: s, locale })} (${formatter(locale).number(Math.round(s), { style: "unit", unit: "second", unitDisplay: "narrow" })})`;
  const h = plan.handleTime;
  const aht = duration(h.ahtSeconds);
  if (h.method === "override") return t("staffing.handle.override", { aht });
  if (h.method === "default") return t("staffing.handle.default", { aht, replies: h.replies });
  return t("staffing.handle.replies", { aht, replies: h.replies, perReply: duration(h.secondsPerReply), busy: h.busyHours, perRequest: h.repliesPerRequest });
}

export default async function StaffingPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser();
  const t = translator(user.locale);
  const search = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const membership = pageMembership({ user, slug: first(search.brand) });
  if (!hasRole(membership, "manager")) return <NoAccess what={t("staffing.noAccess")} />;
  const actor = { kind: "member" as const, user };
  let query: StaffingQuery = pickQuery(search);
  let invalid: string | null = null;
  let plan: StaffingPlan;
  try {
    plan = await staffingPlan({ actor, brandSlug: membership.slug, options: optionsFromQuery(query) });
  } catch (error) {
    if (!(error instanceof AppError) || error.kind !== "bad_request") throw error;
    invalid = errorText({ error, locale: user.locale });
    plan = await staffingPlan({ actor, brandSlug: membership.slug });
    query = {};
  }
  const { report } = plan;
  const percent = (n: number) => formatter(user.locale).number(n, { style: "percent", maximumFractionDigits: 0 });
  const totalArrivals = report.hours.reduce((s, h) => s + h.arrivalsPerHour, 0);
  const weighted = (pick: (h: (typeof report.hours)[number]) => number) => (totalArrivals === 0 ? 1 : report.hours.reduce((s, h) => s + h.arrivalsPerHour * pick(h), 0) / totalArrivals);
  const exportParams = new URLSearchParams({ brand: membership.slug, ...query });
  // "Wed 18–24": the end is exclusive, so a run to midnight ends at 24.
  const hour2 = (h: number) => String(h).padStart(2, "0");
  return (
    <section aria-labelledby="staffing-heading" className="space-y-5">
      <div>
        <h1 id="staffing-heading" className="text-lg font-semibold">
          {t("staffing.title", { brand: membership.name })}
        </h1>
        <p className="text-zinc-500">{t("staffing.intro", { weeks: plan.weeksRequested, used: report.weeks, timezone: plan.timezone })}</p>
      </div>

      <form method="get" className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" aria-labelledby="staffing-whatif">
        <h2 id="staffing-whatif" className="font-medium">
          {t("staffing.whatIf")}
        </h2>
        <input type="hidden" name="brand" value={membership.slug} />
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <Field label={t("staffing.target")} htmlFor="staffing-target">
            <Input id="staffing-target" name="target" type="number" inputMode="decimal" min={1} step="any" defaultValue={query.target ?? String(report.targetSeconds / 60)} />
          </Field>
          <Field label={t("staffing.level")} htmlFor="staffing-level">
            <Input id="staffing-level" name="level" type="number" inputMode="decimal" min={1} max={99.9} step="any" defaultValue={query.level ?? String(Math.round(report.serviceLevel * 1000) / 10)} />
          </Field>
          <Field label={t("staffing.aht")} htmlFor="staffing-aht">
            <Input id="staffing-aht" name="aht" type="number" inputMode="numeric" min={1} step="any" placeholder={plan.handleTime.method === "override" ? t("staffing.ahtPlaceholder") : `${t("staffing.ahtPlaceholder")}: ${report.ahtSeconds}`} defaultValue={query.aht ?? ""} />
          </Field>
          <Field label={t("staffing.occupancy")} htmlFor="staffing-occupancy">
            <Input id="staffing-occupancy" name="occupancy" type="number" inputMode="decimal" min={1} max={100} step="any" defaultValue={query.occupancy ?? String(Math.round(report.maxOccupancy * 1000) / 10)} />
          </Field>
          <Field label={t("staffing.shrinkage")} htmlFor="staffing-shrinkage">
            <Input id="staffing-shrinkage" name="shrinkage" type="number" inputMode="decimal" min={0} max={95} step="any" defaultValue={query.shrinkage ?? String(Math.round(report.shrinkage * 1000) / 10)} />
          </Field>
          <Field label={t("staffing.weeks")} htmlFor="staffing-weeks">
            <Input id="staffing-weeks" name="weeks" type="number" inputMode="numeric" min={1} max={52} step={1} defaultValue={query.weeks ?? String(plan.weeksRequested)} />
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit">{t("staffing.recompute")}</Button>
          <Link className="underline" href={`/settings/staffing?brand=${encodeURIComponent(membership.slug)}`}>
            {t("staffing.reset")}
          </Link>
          <a className="underline" href={`/settings/staffing/export?${exportParams.toString()}`} download>
            {t("staffing.export")}
          </a>
        </div>
        {invalid && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {t("staffing.invalid", { message: invalid })}
          </p>
        )}
      </form>

      {totalArrivals === 0 ? (
        <EmptyState title={t("staffing.empty")}>{t("staffing.emptyHint")}</EmptyState>
      ) : (
        <>
          <div className="space-y-1">
            <h2 className="font-medium">{t("staffing.handleTime")}</h2>
            <p>{handleText(plan, t, user.locale)}</p>
            <p>
              {t("staffing.summary", {
                predicted: percent(weighted((h) => h.predictedServiceLevel)),
                simulated: percent(weighted((h) => h.simulatedServiceLevel)),
                target: formatDuration({ seconds: report.targetSeconds, locale: user.locale }),
              })}
            </p>
            {!plan.availabilityRecorded && <p className="text-zinc-500">{t("staffing.noAvailability")}</p>}
          </div>

          <div className="space-y-1">
            <h2 className="font-medium">{t("staffing.recommendations")}</h2>
            {plan.recommendations.length === 0 ? (
              <p className="text-zinc-500">{t("staffing.noRecommendations")}</p>
            ) : (
              <ul className="list-disc space-y-0.5 pl-5">
                {plan.recommendations.map((r) => (
                  <li key={`${r.weekday}-${r.fromHour}`}>
                    {t("staffing.recommendation", {
                      day: t(`staffing.day.${r.weekday}` as "staffing.day.1"),
                      from: hour2(r.fromHour),
                      to: hour2(r.toHour),
                      more: r.moreAgents,
                      before: percent(r.fromServiceLevel),
                      after: percent(r.toServiceLevel),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </div>

          <StaffingTables plan={plan} locale={user.locale} />
        </>
      )}
    </section>
  );
}
