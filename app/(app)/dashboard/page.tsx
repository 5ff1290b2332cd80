import type { Metadata } from "next";
import Link from "next/link";
import { hasRole } from "@/lib/auth/brand-context";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { brandChannels } from "@/lib/metrics/dashboard";
import { dashboardFigures, liveTileFigures } from "@/lib/metrics/figure-cache";
import { parseRange } from "@/lib/metrics/local-time";
import { Escalations } from "./escalations";
import { Filters } from "./filters";
import { LiveRefresh } from "./live-refresh.client";
import { Tiles } from "./tiles";
import { Trends } from "./trends";
import { translator, type Locale } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator((await requirePageUser()).locale)("nav.dashboard") };
}

type Search = { brand?: string; channel?: string; from?: string; to?: string };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser();
  const search = await searchParams;
  const membership = pageMembership({ user, slug: search.brand });
  const tiles = await liveTileFigures({ brandId: membership.brandId, timeZone: membership.timezone });
  const manager = hasRole(membership, "manager");
  return (
    <main className="min-w-0 space-y-6 p-4 md:p-6">
      <LiveRefresh seconds={30} />
      <h1 className="text-lg font-semibold">{translator(user.locale)("dashboard.title", { brand: membership.name })}</h1>
      <Tiles tiles={tiles} locale={user.locale} />
      {manager && <ManagerView brandId={membership.brandId} slug={membership.slug} timeZone={membership.timezone} search={search} locale={user.locale} />}
    </main>
  );
}

async function ManagerView({ brandId, slug, timeZone, search, locale }: { brandId: number; slug: string; timeZone: string; search: Search; locale: Locale }) {
  const channels = await brandChannels({ brandId });
  const channel = channels.find((c) => String(c.id) === search.channel)?.id ?? null;
  const range = parseRange({ from: search.from, to: search.to, timeZone });
  const data = await dashboardFigures({ brandId, timeZone, range, channelId: channel, channels });
  return (
    <>
      <Filters state={{ brand: slug, channel, from: range.fromDay, to: range.toDay }} channels={channels} locale={locale} />
      <p className="text-sm">
        <Link className="underline" href={`/dashboard/weekly?brand=${encodeURIComponent(slug)}`}>
          {translator(locale)("reports.weekly.nav")}
        </Link>
      </p>
      <Trends data={data} locale={locale} />
      <Escalations data={data} locale={locale} />
    </>
  );
}
