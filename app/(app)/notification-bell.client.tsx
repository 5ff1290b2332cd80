"use client";

import Link from "next/link";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { formatDuration } from "@/lib/metrics/format";
import { loadNotificationsAction, markNotificationsReadAction, type BellData } from "./notifications-actions";
import { useLocale, useT } from "@/app/_components/i18n.client";
import { isMessageKey, type Locale, type Translate } from "@/lib/i18n/messages";


function kindLabel(t: Translate, kind: string): string {
  const key = `notifications.kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

function ago(ms: number, t: Translate, locale: Locale): string {
  return ms < 60_000 ? t("notifications.justNow") : t("notifications.ago", { duration: formatDuration({ seconds: ms / 1000, locale }) });
}

function ids(list: number[]): FormData {
  const form = new FormData();
  form.set("ids", list.join(","));
  return form;
}

export function NotificationBell({ userId, afterId, initial }: { userId: number; afterId: number; initial: BellData }) {
  const t = useT();
  const locale = useLocale();
  const [fetched, setFetched] = useState<BellData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [, startTransition] = useTransition();
  const data = fetched && fetched.at >= initial.at ? fetched : initial;
  const loading = useRef(false);

  const reload = useCallback(() => {
    if (loading.current) return;
    loading.current = true;
    loadNotificationsAction()
      .then((next) => {
        setFetched(next);
        setError(null);
        setLoadFailed(false);
      })
      .catch(() => setLoadFailed(true))
      .finally(() => {
        loading.current = false;
      });
  }, []);

  useEffect(() => {
    const source = new EventSource(`/api/realtime?after=${afterId}`);
    let pending: ReturnType<typeof setTimeout> | null = null;
    source.addEventListener("change", (event) => {
      const change = JSON.parse((event as MessageEvent).data) as { kind: string; userId: number | null };
      if (change.kind !== "notification" || change.userId !== userId || pending) return;
      pending = setTimeout(() => {
        pending = null;
        reload();
      }, 300);
    });
    return () => {
      source.close();
      if (pending) clearTimeout(pending);
    };
    // afterId only seeds the first connection; later renders must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId, reload]);

  const markRead = (list?: number[]) =>
    startTransition(async () => {
      const result = await markNotificationsReadAction(null, list ? ids(list) : new FormData());
      if (result?.error) setError(result.error);
      reload();
    });

  const shownError = loadFailed ? t("notifications.loadFailed") : error;
  const label = data.unread === 0 ? t("notifications.noneUnread") : t("notifications.unreadCount", { count: data.unread });
  return (
    <Menu.Root onOpenChange={(open) => open && reload()}>
      <Menu.Trigger
        aria-label={label}
        data-testid="notification-bell"
        className="relative rounded-md px-2 py-1 text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-400 dark:hover:bg-zinc-800"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
          <path d="M10 2a5 5 0 0 0-5 5v2.6l-1.4 2.8A1 1 0 0 0 4.5 14h11a1 1 0 0 0 .9-1.6L15 9.6V7a5 5 0 0 0-5-5Zm-2 13a2 2 0 0 0 4 0H8Z" />
        </svg>
        {data.unread > 0 && (
          <span aria-hidden data-testid="notification-count" className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white tabular-nums">
            {data.unread > 99 ? "99+" : data.unread}
          </span>
        )}
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={6}
          aria-label={t("notifications.title")}
          className="z-50 w-96 max-w-[calc(100vw-1rem)] rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        >
          <div className="flex items-center justify-between px-2 py-1.5">
            <span className="font-medium">{t("notifications.title")}</span>
            <Menu.Item
              disabled={data.unread === 0}
              onSelect={(event) => {
                event.preventDefault();
                markRead();
              }}
              className="cursor-pointer rounded px-2 py-0.5 text-xs text-blue-700 outline-none data-[disabled]:cursor-default data-[disabled]:text-zinc-400 data-[highlighted]:bg-zinc-100 dark:text-blue-400 dark:data-[highlighted]:bg-zinc-800"
            >
              {t("notifications.markAll")}
            </Menu.Item>
          </div>
          {shownError && (
            <p role="alert" className="px-2 py-1 text-xs text-red-700 dark:text-red-400">
              {shownError}
            </p>
          )}
          <Menu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          {data.items.length === 0 ? (
            <p className="px-2 py-6 text-center text-zinc-500">{t("notifications.empty")}</p>
          ) : (
            <div className="max-h-96 overflow-y-auto">
              {data.items.map((n) => (
                <Menu.Item key={n.id} asChild onSelect={() => !n.read && markRead([n.id])}>
                  <Link
                    href={n.href}
                    data-testid="notification-item"
                    className="block rounded-md px-2 py-1.5 outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800"
                  >
                    <span className="flex items-center gap-2 text-xs text-zinc-500">
                      {!n.read && <span aria-hidden className="inline-block h-2 w-2 rounded-full bg-blue-600" />}
                      <span className={n.read ? "" : "font-medium text-zinc-700 dark:text-zinc-300"}>{kindLabel(t, n.kind)}</span>
                      <span>{ago(data.at - n.createdAt, t, locale)}</span>
                      {!n.read && <span className="sr-only">{t("notifications.unread")}</span>}
                    </span>
                    <span className={`line-clamp-2 break-words ${n.read ? "text-zinc-600 dark:text-zinc-400" : "font-medium"}`}>{n.text}</span>
                  </Link>
                </Menu.Item>
              ))}
            </div>
          )}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
