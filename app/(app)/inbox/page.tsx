import type { Metadata } from "next";
import Link from "next/link";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { listConversations } from "@/lib/inbox/list";
import { countViews } from "@/lib/inbox/counts";
import { VIEWS, type View } from "@/lib/inbox/views";
import { activeFilterCount, parseInboxFilters } from "@/lib/inbox/filters";
import { SEARCH_HITS } from "@/lib/inbox/search";
import { brandTeammates, labelSuggestions } from "@/lib/inbox/team";
import { brandChannels } from "@/lib/inbox/options";
import { LANGUAGES } from "@/lib/classify/language";
import { EmptyState } from "@/app/_components/ui/table";
import { ConversationPane } from "./conversation-pane";
import { LiveUpdates } from "@/app/_components/live-updates.client";
import { latestChangeId } from "@/lib/realtime/tail";
import { InboxList } from "./inbox-list.client";
import { InboxFilters } from "./inbox-filters.client";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";
import { navItemClass } from "@/app/_components/ui/nav-item";
import { formatter } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator((await requirePageUser()).locale)("nav.inbox") };
}

const viewLabels = (t: Translate): Record<View, string> => ({
  waiting: t("inbox.view.waiting"),
  mine: t("inbox.view.mine"),
  unassigned: t("inbox.view.unassigned"),
  open: t("inbox.view.open"),
  pending: t("inbox.view.pending"),
  snoozed: t("inbox.view.snoozed"),
  resolved: t("inbox.view.resolved"),
  noise: t("inbox.view.noise"),
  escalated: t("inbox.view.escalated"),
});

type Search = Record<string, string | string[] | undefined>;

function href(search: Search, patch: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...search, ...patch })) {
    const one = Array.isArray(value) ? value[0] : value;
    if (one) params.set(key, one);
  }
  return `/inbox?${params.toString()}`;
}

// The instant this request was rendered at: live timers start from it so server and browser agree on first paint.
function requestTime(): number {
  return Date.now();
}

const languageNames = (locale: Locale) => new Intl.DisplayNames([locale], { type: "language" });

export default async function InboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const user = await requirePageUser();
  const t = translator(user.locale);
  const LABELS = viewLabels(t);
  const names = languageNames(user.locale);
  const one = (key: string) => (Array.isArray(search[key]) ? search[key][0] : search[key]);
  const membership = pageMembership({ user, slug: one("brand") });
  const view: View = VIEWS.includes(one("view") as View) ? (one("view") as View) : "waiting";
  const filters = parseInboxFilters(search);
  const filtered = activeFilterCount(filters) > 0;
  const brandId = membership.brandId;
  const [counts, page, teammates, channels, labels, afterId] = await Promise.all([
    countViews({ brandId, userId: user.id }),
    listConversations({ brandId, view, userId: user.id, filters, cursor: one("cursor") }),
    brandTeammates({ brandId }),
    brandChannels({ brandId }),
    labelSuggestions({ brandId }),
    latestChangeId(),
  ]);
  const selected = Number(one("c")) || null;
  const reset = href({ brand: membership.slug, view }, {});
  const serverNow = requestTime();
  return (
    // Below 768 px one pane shows at a time, chosen by the URL alone: a conversation when `c` is set, else the list.
    <div className="flex flex-1 flex-col md:flex-row md:overflow-hidden">
      <nav aria-label={t("inbox.views")} className="hidden w-44 shrink-0 border-r border-zinc-200 p-2 md:block dark:border-zinc-800">
        <ViewLinks hrefOf={(v) => href({ brand: membership.slug }, { view: v })} view={view} labels={LABELS} counts={counts} />
        <div className="mt-3 px-2.5">
          <LiveUpdates brandId={brandId} afterId={afterId} />
        </div>
      </nav>
      <section
        aria-label={t("inbox.viewConversations", { view: LABELS[view] })}
        className={`${selected ? "hidden md:flex" : "flex"} min-w-0 flex-1 flex-col border-zinc-200 md:w-[30rem] md:flex-none md:shrink-0 md:overflow-y-auto md:border-r dark:border-zinc-800`}
      >
        <details className="border-b border-zinc-200 md:hidden dark:border-zinc-800" data-testid="inbox-views-menu">
          <summary className="flex cursor-pointer items-center justify-between px-3 py-2.5 font-medium">
            <span>
              {t("inbox.views")}: {LABELS[view]}
              {counts[view] != null && <span className="ml-1.5 tabular-nums text-zinc-600 dark:text-zinc-400">{counts[view]}</span>}
            </span>
            <span aria-hidden="true" className="text-zinc-500">▾</span>
          </summary>
          <nav aria-label={t("inbox.views")} className="px-2 pb-2">
            <ViewLinks hrefOf={(v) => href({ brand: membership.slug }, { view: v })} view={view} labels={LABELS} counts={counts} />
          </nav>
        </details>
        <InboxFilters
          options={{
            channels,
            teammates,
            languages: LANGUAGES.map((code) => ({ code, name: names.of(code) ?? code })),
            labels,
          }}
        />
        {filtered && (
          <p className="flex items-center gap-2 px-3 py-1.5 text-xs text-zinc-500">
            <span>
              {t("inbox.filtersOn", { count: activeFilterCount(filters), view: LABELS[view] })}
              {filters.q ? ` · ${t("inbox.searchLimit", { count: formatter(user.locale).number(SEARCH_HITS) })}` : ""}
            </span>
            <Link href={reset} className="ml-auto text-blue-700 underline dark:text-blue-400">
              {t("inbox.resetFilters")}
            </Link>
          </p>
        )}
        <InboxList
          key={`${brandId}:${view}`}
          rows={page.items}
          hrefs={Object.fromEntries(page.items.map((item) => [item.id, href(search, { c: String(item.id) })]))}
          openId={selected}
          brandId={brandId}
          teammates={teammates}
          canAssignOthers={roleAtLeast(membership.role, "manager")}
          serverNow={serverNow}
          empty={
            filtered ? (
              <EmptyState title={page.partial ? t("inbox.noMatchesRecent") : t("inbox.noMatches")}>
                <span className="flex flex-col items-center gap-1">
                  {page.partial && page.nextCursor && (
                    <Link className="text-blue-700 underline dark:text-blue-400" href={href(search, { cursor: page.nextCursor, c: undefined })}>
                      {t("inbox.keepLooking")}
                    </Link>
                  )}
                  <Link className="text-blue-700 underline dark:text-blue-400" href={reset}>
                    {t("inbox.resetFilters")}
                  </Link>
                </span>
              </EmptyState>
            ) : (
              <EmptyState title={view === "waiting" ? t("inbox.nobodyWaiting") : t("inbox.nothingIn", { view: LABELS[view] })}>
                {t("inbox.emptyHint")}
              </EmptyState>
            )
          }
        />
        {(page.nextCursor || one("cursor")) && page.items.length > 0 && (
          <div className="flex gap-4 p-3 text-sm">
            {one("cursor") && (
              <Link className="text-blue-700 underline dark:text-blue-400" href={href(search, { cursor: undefined, c: undefined })}>
                {t("inbox.newest")}
              </Link>
            )}
            {page.nextCursor && (
              <Link className="text-blue-700 underline dark:text-blue-400" href={href(search, { cursor: page.nextCursor, c: undefined })}>
                {page.partial ? t("inbox.keepLooking") : t("inbox.older")}
              </Link>
            )}
          </div>
        )}
      </section>
      <section aria-label={t("inbox.conversation")} className={`${selected ? "block" : "hidden md:block"} min-w-0 flex-1 md:overflow-y-auto`}>
        {selected && (
          <Link href={href(search, { c: undefined })} className="flex items-center gap-1 border-b border-zinc-200 px-3 py-2.5 text-blue-700 md:hidden dark:border-zinc-800 dark:text-blue-400" data-testid="inbox-back">
            <span aria-hidden="true">←</span> {t("inbox.backToList", { view: LABELS[view] })}
          </Link>
        )}
        {selected ? (
          <ConversationPane brandId={brandId} conversationId={selected} timezone={user.timezone ?? membership.timezone} />
        ) : (
          <div className="p-8 text-zinc-500">
            {t("inbox.selectBefore")} <kbd className="rounded border px-1">?</kbd> {t("inbox.selectAfter")}
          </div>
        )}
      </section>
    </div>
  );
}

function ViewLinks({ hrefOf, view, labels, counts }: { hrefOf: (v: View) => string; view: View; labels: Record<View, string>; counts: Record<View, number | null> }) {
  return (
    <ul className="space-y-0.5">
      {VIEWS.map((v) => (
        <li key={v}>
          <Link
            href={hrefOf(v)}
            aria-current={v === view ? "page" : undefined}
            className={`flex justify-between py-2 md:py-1.5 ${navItemClass(v === view)}`}
          >
            <span>{labels[v]}</span>
            {counts[v] != null && <span className="tabular-nums text-zinc-600 dark:text-zinc-400">{counts[v]}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
