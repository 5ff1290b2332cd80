import { GROUPS, LETTERS } from "./lang/markers";
import { compileProfiles, eachTrigram, readProfiles, type CompiledProfiles, type LanguageProfiles } from "./lang/profiles";
import { STOPWORDS } from "./lang/stopwords";
import { modelDir } from "./paths";
import { foldText, type Tokens } from "./text";

export const LANGUAGES = Object.keys(STOPWORDS);
const CYRILLIC_LANGS = new Set(["ru", "uk", "bg"]);
const GROUP_PATTERN = new RegExp(Object.keys(GROUPS).sort((a, b) => b.length - a.length).join("|"), "g");
const NOT_PROSE = /@[\p{L}\p{N}_.]+|https?:\/\/\S+|www\.\S+/gu;
// Weight of one nat of trigram log-likelihood against one stopword hit.
const PROFILE_WEIGHT = 0.25;

type Weights = [number, number][];
type Index = { words: Map<string, number[]>; letters: Map<number, Weights>; groups: Map<string, Weights> };
let index: Index | null = null;
let profiles: CompiledProfiles | null | undefined;

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

// The trainer sets freshly built profiles; everything else reads the committed ones once.
export function useLanguageProfiles(p: LanguageProfiles | null): void {
  profiles = p ? compileProfiles(p) : null;
}

function getProfiles(): CompiledProfiles | null {
  if (profiles === undefined) useLanguageProfiles(readProfiles(modelDir()));
  return profiles ?? null;
}

function addProfileScores({ words, scores, cyr }: { words: string[]; scores: Float64Array; cyr: boolean }): void {
  const p = getProfiles();
  if (!p) return;
  const ll = new Float64Array(p.langs.length);
  for (const w of words) {
    eachTrigram(w, (h) => {
      const row = p.table.get(h) ?? p.floor;
      for (let li = 0; li < ll.length; li++) ll[li] += row[li];
    });
  }
  let best = -Infinity;
  const slots = p.langs.map((lang) => LANGUAGES.indexOf(lang));
  slots.forEach((s, li) => {
    if (s >= 0 && CYRILLIC_LANGS.has(LANGUAGES[s]) === cyr) best = Math.max(best, ll[li]);
  });
  slots.forEach((s, li) => {
    if (s >= 0) scores[s] += PROFILE_WEIGHT * Math.max(-8, ll[li] - best);
  });
}

// Script decides the family; stopwords, letters, letter groups and trigram profiles the language.
export function detectLanguage(tokens: Tokens): string {
  index ??= buildIndex();
  const scores = new Float64Array(LANGUAGES.length);
  let latin = 0;
  let cyrillic = 0;
  let other = 0;
  const prose = tokens.lower.replace(NOT_PROSE, " ");
  for (let i = 0; i < prose.length; i++) {
    const c = prose.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 && c <= 122) latin++;
      continue;
    }
    if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if (c >= 0xc0 && c <= 0x24f) latin++;
    else if (c < 0xd800 && /\p{L}/u.test(prose[i])) other++;
    const hits = index.letters.get(c);
    if (hits) for (const [li, w] of hits) scores[li] += w;
  }
  if (latin + cyrillic < 2 || other > latin + cyrillic) return "und";
  let evidence = 0;
  for (const w of tokens.words) {
    const hits = index.words.get(w) ?? (w.includes("'") ? index.words.get(w.slice(0, w.indexOf("'") + 1)) : undefined);
    if (hits) for (const li of hits) scores[li] += 1;
  }
  GROUP_PATTERN.lastIndex = 0;
  for (let m = GROUP_PATTERN.exec(tokens.folded); m !== null; m = GROUP_PATTERN.exec(tokens.folded)) {
    for (const [li, w] of index.groups.get(m[0]) ?? []) scores[li] += w;
  }
  for (const s of scores) evidence = Math.max(evidence, s);
  const cyr = cyrillic > latin;
  addProfileScores({ words: tokens.words, scores, cyr });
  let best = -1;
  let second = -Infinity;
  for (let li = 0; li < LANGUAGES.length; li++) {
    if (CYRILLIC_LANGS.has(LANGUAGES[li]) !== cyr) continue;
    if (best < 0 || scores[li] > scores[best]) {
      if (best >= 0) second = scores[best];
      best = li;
    } else second = Math.max(second, scores[li]);
  }
  if (evidence >= 1 || scores[best] - second >= 1) return LANGUAGES[best];
  return cyr ? "ru" : "und";
}
