const UNITS = {
  en: { under: "< 1 min", min: "min", h: "h", d: "d" },
  ru: { under: "< 1 мин", min: "мин", h: "ч", d: "дн." },
  bg: { under: "< 1 мин", min: "мин", h: "ч", d: "дн." },
  sq: { under: "< 1 min", min: "min", h: "orë", d: "ditë" },
} as const;

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/**
 * Short duration for the badge and the UI: "< 1 min", "14 min", "1 h 5 min", "2 d 3 h".
 * Each scale rounds to its smallest unit (minutes under a day, hours beyond), so 59 min 40 s
 * reads "1 h". Russian, Bulgarian and Albanian locales get their own units; everything else English.
 */
export function formatDuration({ seconds, locale }: { seconds: number; locale: string }): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`seconds must be >= 0, got ${seconds}`);
  const language = locale.toLowerCase().split("-")[0];
  const units = language in UNITS ? UNITS[language as keyof typeof UNITS] : UNITS.en;
  if (seconds < MINUTE) return units.under;
  const minutes = Math.round(seconds / MINUTE);
  if (minutes < 60) return `${minutes} ${units.min}`;
  if (minutes < DAY / MINUTE) {
    const rest = minutes % 60;
    const hours = `${Math.floor(minutes / 60)} ${units.h}`;
    return rest === 0 ? hours : `${hours} ${rest} ${units.min}`;
  }
  const hours = Math.round(seconds / HOUR);
  const rest = hours % 24;
  const days = `${Math.floor(hours / 24)} ${units.d}`;
  return rest === 0 ? days : `${days} ${rest} ${units.h}`;
}
