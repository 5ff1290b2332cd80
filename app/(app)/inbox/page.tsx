import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { countViews, listConversations, VIEWS, type View } from "@/lib/inbox/list";
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

export const metadata: Metadata = { title: "Inbox" };

const LABELS: Record<View, string> = {
  waiting: "Waiting",
  mine: "Mine",
  unassigned: "Unassigned",
  open: "Open",
  pending: "Pending",
  snoozed: "Snoozed",
  resolved: "Resolved",
  noise: "Noise",
  escalated: "Escalated",
};

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

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

export default async function InboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const user = await requirePageUser();
  const one = (key: string) => (Array.isArray(search[key]) ? search[key][0] : search[key]);
  const membership = pageMembership({ user, slug: one("brand") });
  const view: View = VIEWS.includes(one("view") as View) ? (one("view") as View) : "waiting";
  const filters = parseInboxFilters(search);
  const filtered = activeFilterCount(filters) > 0;
  const db = getDb();
  const brandId = membership.brandId;
  const counts = countViews({ db, brandId, userId: user.id });
  const page = listConversations({ db, brandId, view, userId: user.id, filters, cursor: one("cursor") });
  const teammates = brandTeammates({ db, brandId });
  const selected = Number(one("c")) || null;
  const reset = href({ brand: membership.slug, view }, {});
  const serverNow = requestTime();
  return (
    <div className="flex flex-1 overflow-hidden">
      <nav aria-label="Views" className="w-44 shrink-0 border-r border-zinc-200 p-2 dark:border-zinc-800">
        <ul className="space-y-0.5">
          {VIEWS.map((v) => (
            <li key={v}>
              <Link
                href={href({ brand: membership.slug }, { view: v })}
                aria-current={v === view ? "page" : undefined}
                className={`flex justify-between rounded-md px-2.5 py-1.5 ${v === view ? "bg-zinc-100 font-medium dark:bg-zinc-800" : "text-zinc-600 hover:bg-zinc-50 dark:text-zinc-400 dark:hover:bg-zinc-900"}`}
              >
                <span>{LABELS[v]}</span>
                {counts[v] != null && <span className="tabular-nums text-zinc-500">{counts[v]}</span>}
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-3 px-2.5">
          <LiveUpdates brandId={brandId} afterId={latestChangeId({ db })} />
        </div>
      </nav>
      <section aria-label={`${LABELS[view]} conversations`} className="flex w-[30rem] shrink-0 flex-col overflow-y-auto border-r border-zinc-200 dark:border-zinc-800">
        <InboxFilters
          options={{
            channels: brandChannels({ db, brandId }),
            teammates,
            languages: LANGUAGES.map((code) => ({ code, name: languageNames.of(code) ?? code })),
            labels: labelSuggestions({ db, brandId }),
          }}
        />
        {filtered && (
          <p className="flex items-center gap-2 px-3 py-1.5 text-xs text-zinc-500">
            <span>
              {activeFilterCount(filters)} filter{activeFilterCount(filters) === 1 ? "" : "s"} on {LABELS[view]}
              {filters.q ? ` · search looks through the ${SEARCH_HITS.toLocaleString("en")} newest matching messages` : ""}
            </span>
            <Link href={reset} className="ml-auto text-blue-700 underline dark:text-blue-400">
              Reset filters
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
              <EmptyState title={page.partial ? "No matches among the most recent conversations." : "No conversations match these filters."}>
                <span className="flex flex-col items-center gap-1">
                  {page.partial && page.nextCursor && (
                    <Link className="text-blue-700 underline dark:text-blue-400" href={href(search, { cursor: page.nextCursor, c: undefined })}>
                      Keep looking further back
                    </Link>
                  )}
                  <Link className="text-blue-700 underline dark:text-blue-400" href={reset}>
                    Reset filters
                  </Link>
                </span>
              </EmptyState>
            ) : (
              <EmptyState title={view === "waiting" ? "Nobody is waiting for a first reply." : `Nothing in ${LABELS[view]}.`}>
                New comments and messages appear here as they arrive.
              </EmptyState>
            )
          }
        />
        {(page.nextCursor || one("cursor")) && page.items.length > 0 && (
          <div className="flex gap-4 p-3 text-sm">
            {one("cursor") && (
              <Link className="text-blue-700 underline dark:text-blue-400" href={href(search, { cursor: undefined, c: undefined })}>
                Newest
              </Link>
            )}
            {page.nextCursor && (
              <Link className="text-blue-700 underline dark:text-blue-400" href={href(search, { cursor: page.nextCursor, c: undefined })}>
                {page.partial ? "Keep looking further back" : "Older conversations"}
              </Link>
            )}
          </div>
        )}
      </section>
      <section aria-label="Conversation" className="flex-1 overflow-y-auto">
        {selected ? (
          <ConversationPane brandId={brandId} conversationId={selected} timezone={user.timezone ?? membership.timezone} />
        ) : (
          <div className="p-8 text-zinc-500">
            Select a conversation to read it. Press <kbd className="rounded border px-1">?</kbd> for keyboard shortcuts.
          </div>
        )}
      </section>
    </div>
  );
}
