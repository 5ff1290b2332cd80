"use client";

import { useSyncExternalStore } from "react";
import { localeFromHeader, translator } from "@/lib/i18n/messages";

const subscribe = () => () => {};

// This boundary sits above the signed-in layout, so the account's language is out of reach:
// it follows the browser's, like the sign-in page (English while rendering on the server).
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const locale = useSyncExternalStore(subscribe, () => localeFromHeader(navigator.languages.join(",")), () => "en" as const);
  const t = translator(locale);
  return (
    <main className="mx-auto max-w-md p-10" role="alert" lang={locale}>
      <h1 className="text-lg font-semibold">{t("error.title")}</h1>
      <p className="mt-1 text-zinc-500">{t("error.body")}</p>
      <button onClick={reset} className="mt-4 rounded-md bg-blue-600 px-3 py-1.5 text-white">
        {t("error.retry")}
      </button>
    </main>
  );
}
