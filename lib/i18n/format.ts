import { createFormatter, _createCache, _createIntlFormatters } from "use-intl/core";
import { intlLocale, isLocale, type Locale } from "./messages";

/** next-intl's formatter for a language: dateTime, number, relativeTime, list. */
export type Formatter = ReturnType<typeof createFormatter>;

const FORMATTERS = new Map<Locale, Formatter>();

// Callers pass the time zone a date is read in (the person's or the brand's) with each call.
export function formatter(locale: Locale): Formatter {
  const known = isLocale(locale) ? locale : "en";
  let format = FORMATTERS.get(known);
  if (!format) {
    // The cache keeps one Intl formatter per set of options, as long lists need.
    const cache = _createCache();
    format = createFormatter({ locale: intlLocale(known), onError: () => {}, _cache: cache, _formatters: _createIntlFormatters(cache) });
    FORMATTERS.set(known, format);
  }
  return format;
}
