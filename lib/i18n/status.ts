import { formatDuration } from "@/lib/metrics/format";
import type { PublicFigure } from "@/lib/metrics/live";
import { translator, type Locale } from "./messages";

/** The public status page's sentences; in English the figure reads exactly like the badge's. */
export function statusTexts({ figure, locale }: { figure: PublicFigure; locale: Locale }): { title: string; figure: string; basis: string; target: string } {
  const t = translator(locale);
  const d = (seconds: number) => formatDuration({ seconds, locale });
  return {
    title: t("status.title", { brand: figure.brand }),
    figure: figure.displaySeconds == null ? t("status.noReplies") : t("status.figure", { duration: d(figure.displaySeconds) }),
    basis: basisText(figure, locale),
    target: t("status.target", { target: d(figure.targetSeconds) }),
  };
}

function basisText(figure: PublicFigure, locale: Locale): string {
  const t = translator(locale);
  if (figure.basis === "none") {
    const waiting = figure.waitingMedianSeconds != null ? t("status.waitingMedian", { duration: formatDuration({ seconds: figure.waitingMedianSeconds, locale }) }) : null;
    return waiting ? `${t("status.noRecent")} ${waiting}` : t("status.noRecent");
  }
  const basis = t("status.basis", {
    count: figure.sampleSize,
    span: t(figure.basis === "60m" ? "status.lastHour" : "status.lastDay"),
  });
  // The shown figure never undercuts the median wait of the open questions (lib/metrics/live-figure.ts).
  const raised = figure.displaySeconds != null && figure.medianSeconds != null && figure.displaySeconds > figure.medianSeconds;
  return raised ? `${basis} ${t("status.raised")}` : basis;
}
