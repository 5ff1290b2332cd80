import { statusTexts } from "@/lib/i18n/status";
import type { Locale } from "@/lib/i18n/messages";
import type { PublicFigure } from "./live";

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
}

/** The sentence the badge and the status page show, in a language; plain text, escape before embedding. */
export function figureSentence({ figure, locale = "en" }: { figure: PublicFigure; locale?: Locale }): string {
  return statusTexts({ figure, locale }).figure;
}

// The badge speaks the language of the page it is embedded in.
// Width from a rough per-character estimate: the badge must not clip in any font.
export function badgeSvg({ figure, locale = "en" }: { figure: PublicFigure; locale?: Locale }): string {
  const sentence = figureSentence({ figure, locale });
  const text = escapeXml(sentence);
  const title = escapeXml(`${figure.brand}: ${sentence}`);
  const width = Math.ceil(sentence.length * 7 + 20);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="24" viewBox="0 0 ${width} 24" role="img" aria-label="${title}" xml:lang="${locale}">`,
    `<title>${title}</title>`,
    `<rect width="${width}" height="24" rx="4" fill="#065f46"/>`,
    `<text x="${width / 2}" y="16" fill="#ffffff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="12" text-anchor="middle">${text}</text>`,
    `</svg>`,
  ].join("");
}
