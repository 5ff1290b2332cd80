import { ERASED } from "./token";

// Pure replacement of a person's traces inside texts and JSON values, for the columns that hold
// more than one person's words (other messages naming them, audit details, webhook bodies).

// JSON keys whose string values are message content wherever they appear.
export const CONTENT_KEYS = new Set(["text", "preview", "body", "note", "subject", "quotedText", "quoted", "name", "handle", "url", "cues", "attachments", "author", "reasons"]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Needles worth looking for: trimmed, three characters or more, longest first, no repeats. */
export function needlesOf(values: (string | null | undefined)[]): string[] {
  const kept = new Set<string>();
  for (const value of values) {
    const v = value?.trim();
    if (v && v.length >= 3 && !v.includes(ERASED)) kept.add(v);
  }
  return [...kept].sort((a, b) => b.length - a.length);
}

// Whole words only: "Ann" is a name in "thanks Ann!" but not in "annual".
function pattern(needles: string[]): RegExp | null {
  if (needles.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${needles.map(escape).join("|")})(?![\\p{L}\\p{N}_])`, "giu");
}

export function scrubText(value: string, needles: string[]): string {
  const re = pattern(needles);
  return re ? value.replace(re, ERASED) : value;
}

/**
 * A JSON value with every needle replaced; with `content`, every string under a content key
 * (CONTENT_KEYS) is replaced whole, for records about an erased message or conversation.
 */
export function scrubJson(value: unknown, { needles, content }: { needles: string[]; content: boolean }): unknown {
  const re = pattern(needles);
  const walk = (v: unknown, whole: boolean): unknown => {
    if (typeof v === "string") return whole ? ERASED : re ? v.replace(re, ERASED) : v;
    if (Array.isArray(v)) return v.map((item) => walk(item, whole));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, whole || (content && CONTENT_KEYS.has(k)))]));
    return v;
  };
  return walk(value, false);
}
