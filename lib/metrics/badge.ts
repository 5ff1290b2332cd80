import { formatDuration } from "./format";
import type { PublicFigure } from "./live";

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
}

/** The sentence the badge and the status page show; plain text, escape before embedding. */
export function figureSentence({ figure, locale = "en" }: { figure: PublicFigure; locale?: string }): string {
  if (figure.displaySeconds == null) return "No replies in the last 24 hours";
  return `We reply in about ${formatDuration({ seconds: figure.displaySeconds, locale })}`;
}

// Width from a rough per-character estimate: the badge must not clip in any font.
export function badgeSvg({ figure }: { figure: PublicFigure }): string {
  const text = escapeXml(figureSentence({ figure }));
  const title = escapeXml(`${figure.brand}: ${figureSentence({ figure })}`);
  const width = Math.ceil(figureSentence({ figure }).length * 7 + 20);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="24" viewBox="0 0 ${width} 24" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<rect width="${width}" height="24" rx="4" fill="#065f46"/>`,
    `<text x="${width / 2}" y="16" fill="#ffffff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="12" text-anchor="middle">${text}</text>`,
    `</svg>`,
  ].join("");
}
