import type { Metadata } from "next";
import { headers } from "next/headers";
import { getSessionUser } from "@/lib/auth/session";
import { localeFromHeader, translator } from "@/lib/i18n/messages";

export const metadata: Metadata = { title: "Offline" };
export const dynamic = "force-dynamic";

// The service worker keeps this page and shows it when a page cannot be loaded: it holds no data, so nothing stale passes for live.
export default async function OfflinePage() {
  const user = await getSessionUser();
  const locale = user?.locale ?? localeFromHeader((await headers()).get("accept-language"));
  const t = translator(locale);
  return (
    <main lang={locale} className="flex min-h-screen flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-lg font-semibold">{t("offline.title")}</h1>
      <p className="max-w-sm text-zinc-600 dark:text-zinc-400">{t("offline.body")}</p>
      <a href="/inbox" className="rounded-md bg-blue-700 px-3 py-2 font-medium text-white hover:bg-blue-800" data-testid="offline-retry">
        {t("offline.retry")}
      </a>
    </main>
  );
}
