"use client";

import { useTransition } from "react";
import { setLocaleAction } from "./actions";
import { Select } from "@/app/_components/ui/select";
import { useLocale, useT } from "@/app/_components/i18n.client";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/lib/i18n/messages";

// The interface language is a per-person preference, kept on the account; each language is named in itself.
export function LocaleSwitch() {
  const locale = useLocale();
  const t = useT();
  const [pending, startTransition] = useTransition();
  const choose = (next: Locale) => {
    const form = new FormData();
    form.set("locale", next);
    startTransition(() => setLocaleAction(form));
  };
  return (
    <Select<Locale>
      label={t("header.language")}
      value={locale}
      onChange={choose}
      disabled={pending}
      size="sm"
      options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code], lang: code }))}
    />
  );
}
