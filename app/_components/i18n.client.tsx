"use client";

import { createContext, useContext, useMemo } from "react";
import { formatter, type Formatter } from "@/lib/i18n/format";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";

const LocaleContext = createContext<Locale>("en");

export function I18nProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const locale = useContext(LocaleContext);
  return useMemo(() => translator(locale), [locale]);
}

/** next-intl's dates and numbers in the reader's language (lib/i18n/format.ts). */
export function useFormat(): Formatter {
  return formatter(useContext(LocaleContext));
}
