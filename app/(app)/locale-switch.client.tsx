"use client";

import { useRef } from "react";
import { setLocaleAction } from "./actions";
import { useLocale, useT } from "@/app/_components/i18n.client";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/messages";

// The interface language is a per-person preference, kept on the account.
export function LocaleSwitch() {
  const locale = useLocale();
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  return (
    <form action={setLocaleAction} ref={form}>
      <label className="sr-only" htmlFor="locale-switch">
        {t("header.language")}
      </label>
      <select
        id="locale-switch"
        name="locale"
        defaultValue={locale}
        onChange={() => form.current?.requestSubmit()}
        className="rounded border border-zinc-200 bg-transparent px-1 py-0.5 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </form>
  );
}
