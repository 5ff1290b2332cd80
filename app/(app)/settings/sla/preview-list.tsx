import { formatDuration } from "@/lib/metrics/format";
import { formatter } from "@/lib/i18n/format";
import { translator, type Locale, type MessageKey } from "@/lib/i18n/messages";

// Mirrors lib/sla/settings-preview's PreviewExample: client files may not import lib types.
export type PreviewView = { label: string; arrives: string; due: string; wallSeconds: number; arrivesAt?: number; dueAt?: number };

const SAMPLES: Record<string, MessageKey> = {
  now: "sla.settings.sample.now",
  "on Friday evening": "sla.settings.sample.friday",
  "on Sunday": "sla.settings.sample.sunday",
  "on a holiday": "sla.settings.sample.holiday",
};

// Shared by the server page and the live editors (each passes the reader's locale); plain markup.
export function PreviewList({ examples, timeZone, testId, locale }: { examples: PreviewView[]; timeZone: string; testId?: string; locale: Locale }) {
  const t = translator(locale);
  // The engine's own wording (English) only when it sent no instant.
  const when = (text: string, at: number | undefined) =>
    at === undefined ? text : formatter(locale).dateTime(at, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  if (examples.length === 0) return <p className="text-xs text-zinc-500">{t("sla.settings.noPreview")}</p>;
  return (
    <ul className="space-y-0.5 text-xs text-zinc-600 dark:text-zinc-400" data-testid={testId}>
      {examples.map((e) => (
        <li key={e.label}>
          {t("sla.settings.previewArriving", { label: SAMPLES[e.label] ? t(SAMPLES[e.label]) : e.label })} (<span className="font-medium text-zinc-800 dark:text-zinc-200">{when(e.arrives, e.arrivesAt)}</span>) {t("sla.settings.previewDue")}{" "}
          <span className="font-medium text-zinc-800 dark:text-zinc-200">{when(e.due, e.dueAt)}</span>
          <span className="text-zinc-500"> — {t("sla.settings.previewLater", { duration: formatDuration({ seconds: e.wallSeconds, locale }) })}</span>
        </li>
      ))}
      <li className="text-zinc-500">{t("sla.settings.previewZone", { timezone: timeZone })}</li>
    </ul>
  );
}
