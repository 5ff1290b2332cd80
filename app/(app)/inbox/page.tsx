import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { countViews, listConversations, VIEWS, type View } from "@/lib/inbox/list";
import { EmptyState } from "@/app/_components/ui/table";
import { SentimentBadge, SlaBadge } from "@/app/_components/sla-badge";
import { Badge } from "@/app/_components/ui/badge";
import { ConversationPane } from "./conversation-pane";
import { LiveUpdates } from "@/app/_components/live-updates.client";
import { latestChangeId } from "@/lib/realtime/tail";

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

type Search = { brand?: string; view?: string; cursor?: string; c?: string };

function href(search: Search, patch: Partial<Search>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...search, ...patch })) if (value) params.set(key, value);
  return `/inbox?${params.toString()}`;
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const user = await requirePageUser();
  const membership = pageMembership({ user, slug: search.brand });
  const view: View = VIEWS.includes(search.view as View) ? (search.view as View) : "waiting";
  const db = getDb();
  const counts = countViews({ db, brandId: membership.brandId, userId: user.id });
  const { items, nextCursor } = listConversations({ db, brandId: membership.brandId, view, userId: user.id, cursor: search.cursor });
  const selected = Number(search.c) || null;
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
                <span className="tabular-nums text-zinc-500">{counts[v]}</span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-3 px-2.5">
          <LiveUpdates brandId={membership.brandId} afterId={latestChangeId({ db })} />
        </div>
      </nav>
      <section aria-label="Conversations" className="w-[28rem] shrink-0 overflow-y-auto border-r border-zinc-200 dark:border-zinc-800">
        {items.length === 0 ? (
          <div className="p-4">
            <EmptyState title={view === "waiting" ? "Nobody is waiting for a first reply." : `Nothing in ${LABELS[view]}.`}>
              New comments and messages appear here as they arrive.
            </EmptyState>
          </div>
        ) : (
          <ul>
            {items.map((item) => (
              <li key={item.id}>
                <Link
                  href={href(search, { c: String(item.id) })}
                  aria-current={item.id === selected ? "true" : undefined}
                  className={`block border-b border-zinc-100 px-3 py-2 hover:bg-zinc-50 dark:border-zinc-900 dark:hover:bg-zinc-900 ${item.id === selected ? "bg-blue-50 dark:bg-blue-950" : ""}`}
                >
                  <div className="flex items-center gap-2">
                    <span className="text-xs uppercase text-zinc-500">{item.channel.kind}</span>
                    <span className="truncate font-medium">{item.contact.name ?? item.contact.handle ?? "Unknown"}</span>
                    <span className="ml-auto">
                      <SlaBadge state={item.slaState} />
                    </span>
                  </div>
                  <p className="truncate text-zinc-600 dark:text-zinc-400">{item.preview}</p>
                  <div className="mt-0.5 flex gap-1.5 text-xs text-zinc-500">
                    {item.language && <span>{item.language}</span>}
                    <SentimentBadge sentiment={item.sentiment} />
                    {item.complaint && <Badge tone="bad">complaint</Badge>}
                    {item.assignee && <span>→ {item.assignee.name}</span>}
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {nextCursor && (
          <div className="p-3">
            <Link className="text-blue-700 underline dark:text-blue-400" href={href(search, { cursor: nextCursor, c: undefined })}>
              Older conversations
            </Link>
          </div>
        )}
      </section>
      <section aria-label="Conversation" className="flex-1 overflow-y-auto">
        {selected ? (
          <ConversationPane brandId={membership.brandId} conversationId={selected} timezone={user.timezone ?? membership.timezone} />
        ) : (
          <div className="p-8 text-zinc-500">Select a conversation to read it.</div>
        )}
      </section>
    </div>
  );
}
