import sharp from "sharp";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { weekdayLabels } from "./present";
import type { WeeklyReport } from "./report";
import { escapeHtml } from "@/lib/security/html";

export type Chart = { id: string; title: string; svg: string };

const WIDTH = 600;
const HEIGHT = 240;
const PAD = { top: 36, right: 12, bottom: 36, left: 40 };
const COLORS = { current: "#2563eb", previous: "#a1a1aa", text: "#27272a", grid: "#e4e4e7" };


/**
 * Two series of bars over the same labels (last week beside the week before), with a legend and
 * a scale: plain SVG with its own fonts named, so it renders the same in the page, as a PNG in
 * mail and in the PDF.
 */
function barChart({ title, labels, current, previous, legend, labelEvery = 1 }: { title: string; labels: string[]; current: number[]; previous: number[]; legend: [string, string]; labelEvery?: number }): string {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const max = Math.max(1, ...current, ...previous);
  const step = Math.pow(10, Math.floor(Math.log10(max)));
  const top = Math.ceil(max / step) * step;
  const slot = plotW / labels.length;
  const bar = Math.max(1, (slot * 0.8) / 2);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif" role="img" aria-label="${escapeHtml(title)}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${PAD.left}" y="18" font-size="14" font-weight="bold" fill="${COLORS.text}">${escapeHtml(title)}</text>`,
    `<rect x="${WIDTH - 250}" y="8" width="10" height="10" fill="${COLORS.current}"/><text x="${WIDTH - 236}" y="17" font-size="11" fill="${COLORS.text}">${escapeHtml(legend[0])}</text>`,
    `<rect x="${WIDTH - 130}" y="8" width="10" height="10" fill="${COLORS.previous}"/><text x="${WIDTH - 116}" y="17" font-size="11" fill="${COLORS.text}">${escapeHtml(legend[1])}</text>`,
  ];
  for (const v of [0, top / 2, top]) {
    parts.push(`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="${COLORS.grid}"/>`);
    parts.push(`<text x="${PAD.left - 4}" y="${y(v) + 4}" font-size="10" text-anchor="end" fill="${COLORS.text}">${v}</text>`);
  }
  labels.forEach((label, i) => {
    const x = PAD.left + i * slot + slot * 0.1;
    parts.push(`<rect x="${x.toFixed(1)}" y="${y(current[i]).toFixed(1)}" width="${bar.toFixed(1)}" height="${(PAD.top + plotH - y(current[i])).toFixed(1)}" fill="${COLORS.current}"/>`);
    parts.push(`<rect x="${(x + bar).toFixed(1)}" y="${y(previous[i]).toFixed(1)}" width="${bar.toFixed(1)}" height="${(PAD.top + plotH - y(previous[i])).toFixed(1)}" fill="${COLORS.previous}"/>`);
    if (i % labelEvery === 0) parts.push(`<text x="${(PAD.left + i * slot + slot / 2).toFixed(1)}" y="${HEIGHT - PAD.bottom + 16}" font-size="10" text-anchor="middle" fill="${COLORS.text}">${escapeHtml(label)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("");
}

export function reportCharts({ report, t, locale }: { report: WeeklyReport; t: Translate; locale: Locale }): Chart[] {
  const legend: [string, string] = [t("reports.weekly.lastWeek"), t("reports.weekly.weekBefore")];
  return [
    {
      id: "requests",
      title: t("reports.weekly.requestsChart"),
      svg: barChart({ title: t("reports.weekly.requestsChart"), labels: weekdayLabels(locale), current: report.current.requestsByDay, previous: report.previous.requestsByDay, legend }),
    },
    {
      id: "breaches",
      title: t("reports.weekly.breachesChart"),
      svg: barChart({ title: t("reports.weekly.breachesChart"), labels: Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0")), current: report.current.breachesByHour, previous: report.previous.breachesByHour, legend, labelEvery: 3 }),
    },
  ];
}

/** A chart as a PNG at twice its size, sharp for high-density screens and print. */
export async function chartPng(chart: Chart): Promise<Buffer> {
  return sharp(Buffer.from(chart.svg), { density: 144 }).png().toBuffer();
}
