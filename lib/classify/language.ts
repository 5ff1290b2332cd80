import { GROUPS, LETTERS } from "./lang/markers";
import { STOPWORDS } from "./lang/stopwords";
import { foldText, type Tokens } from "./text";

export const LANGUAGES = Object.keys(STOPWORDS);
const CYRILLIC_LANGS = new Set(["ru", "uk", "bg"]);
const GROUP_PATTERN = new RegExp(Object.keys(GROUPS).sort((a, b) => b.length - a.length).join("|"), "g");

type Weights = [number, number][];
type Index = { words: Map<string, number[]>; letters: Map<number, Weights>; groups: Map<string, Weights> };
let index: Index | null = null;

function buildIndex(): Index {
  const words = new Map<string, number[]>();
  LANGUAGES.forEach((lang, li) => {
    for (const w of new Set(foldText(STOPWORDS[lang]).split(/\s+/))) {
      words.set(w, [...(words.get(w) ?? []), li]);
    }
  });
  const weights = (m: Record<string, number>, scale: number): Weights =>
    Object.entries(m).map(([lang, w]) => [LANGUAGES.indexOf(lang), w * scale]);
  const letters = new Map(Object.entries(LETTERS).map(([ch, m]) => [ch.charCodeAt(0), weights(m, 0.7)]));
  const groups = new Map(Object.entries(GROUPS).map(([g, m]) => [g, weights(m, 0.4)]));
  return { words, letters, groups };
}

function isLatin(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
}

// Script decides the family; stopwords, letters and letter groups decide the language.
export function detectLanguage(tokens: Tokens): string {
  index ??= buildIndex();
  const scores = new Float64Array(LANGUAGES.length);
  let latin = 0;
  let cyrillic = 0;
  let other = 0;
  const { lower } = tokens;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 && c <= 122) latin++;
      continue;
    }
    if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if (isLatin(c)) latin++;
    else if (/\p{L}/u.test(lower[i])) other++;
    const hits = index.letters.get(c);
    if (hits) for (const [li, w] of hits) scores[li] += w;
  }
  if (latin + cyrillic === 0 || other > latin + cyrillic) return "und";
  for (const w of tokens.words) {
    const hits = index.words.get(w) ?? (w.includes("'") ? index.words.get(w.slice(0, w.indexOf("'") + 1)) : undefined);
    if (hits) for (const li of hits) scores[li] += 1;
  }
  GROUP_PATTERN.lastIndex = 0;
  for (let m = GROUP_PATTERN.exec(tokens.folded); m !== null; m = GROUP_PATTERN.exec(tokens.folded)) {
    for (const [li, w] of index.groups.get(m[0]) ?? []) scores[li] += w;
  }
  const cyr = cyrillic > latin;
  let best = -1;
  for (let li = 0; li < LANGUAGES.length; li++) {
    if (CYRILLIC_LANGS.has(LANGUAGES[li]) !== cyr) continue;
    if (best < 0 || scores[li] > scores[best]) best = li;
  }
  if (scores[best] >= 1) return LANGUAGES[best];
  return cyr ? "ru" : "und";
}
