import { GROUPS, LETTERS } from "./lang/markers";
import { compileProfiles, readProfiles, trigramHash, type CompiledProfiles, type LanguageProfiles } from "./lang/profiles";
import { STOPWORDS } from "./lang/stopwords";
import { modelDir } from "./paths";
import { foldText, type Tokens } from "./text";

export const LANGUAGES = Object.keys(STOPWORDS);
const CYRILLIC_LANGS = new Set(["ru", "uk", "bg"]);
const IS_CYRILLIC = LANGUAGES.map((lang) => CYRILLIC_LANGS.has(lang));
// Stopword and letter evidence this far ahead of the runner-up needs no trigram profile.
const CLEAR_LEAD = 2;
const GROUP_PATTERN = new RegExp(Object.keys(GROUPS).sort((a, b) => b.length - a.length).join("|"), "g");
const NOT_PROSE = /@[\p{L}\p{N}_.]+|https?:\/\/\S+|www\.\S+/gu;
// Weight of one nat of trigram log-likelihood against one stopword hit.
const PROFILE_WEIGHT = 0.25;
// The language of a long text shows in its first words.
const MAX_WORDS = 40;

type Weights = [number, number][];
type Index = { words: Map<string, number[]>; letters: (Weights | undefined)[]; groups: Map<string, Weights> };
// [profile column, LANGUAGES index] of the languages of each script
type Profiles = CompiledProfiles & { cyrillic: [number, number][]; latin: [number, number][]; ll: Float64Array };
let index: Index | null = null;
let profiles: Profiles | null | undefined;

function buildIndex(): Index {
  const words = new Map<string, number[]>();
  LANGUAGES.forEach((lang, li) => {
    for (const w of new Set(foldText(STOPWORDS[lang]).split(/\s+/))) {
      words.set(w, [...(words.get(w) ?? []), li]);
    }
  });
  const weights = (m: Record<string, number>, scale: number): Weights =>
    Object.entries(m).map(([lang, w]) => [LANGUAGES.indexOf(lang), w * scale]);
  const letters: (Weights | undefined)[] = [];
  for (const [ch, m] of Object.entries(LETTERS)) letters[ch.charCodeAt(0)] = weights(m, 0.7);
  const groups = new Map(Object.entries(GROUPS).map(([g, m]) => [g, weights(m, 0.4)]));
  return { words, letters, groups };
}

// The trainer sets freshly built profiles; everything else reads the committed ones once.
export function setLanguageProfiles(p: LanguageProfiles | null): void {
  if (!p) {
    profiles = null;
    return;
  }
  const columns = p.langs.map((lang, col): [number, number] => [col, LANGUAGES.indexOf(lang)]).filter(([, li]) => li >= 0);
  profiles = {
    ...compileProfiles(p),
    cyrillic: columns.filter(([, li]) => CYRILLIC_LANGS.has(LANGUAGES[li])),
    latin: columns.filter(([, li]) => !CYRILLIC_LANGS.has(LANGUAGES[li])),
    ll: new Float64Array(p.langs.length),
  };
}

function getProfiles(): Profiles | null {
  if (profiles === undefined) setLanguageProfiles(readProfiles(modelDir()));
  return profiles ?? null;
}

function addProfileScores({ words, scores, cyr }: { words: string[]; scores: Float64Array; cyr: boolean }): void {
  const p = getProfiles();
  if (!p) return;
  const family = cyr ? p.cyrillic : p.latin;
  const { ll, table, floor } = p;
  ll.fill(0);
  for (let w = 0; w < words.length && w < MAX_WORDS; w++) {
    const word = words[w];
    let a = 32;
    let b = word.charCodeAt(0);
    for (let i = 1; i <= word.length; i++) {
      const c = i < word.length ? word.charCodeAt(i) : 32;
      const row = table.get(trigramHash(a, b, c)) ?? floor;
      for (let f = 0; f < family.length; f++) ll[family[f][0]] += row[family[f][0]];
      a = b;
      b = c;
    }
  }
  let best = -Infinity;
  for (const [col] of family) best = Math.max(best, ll[col]);
  for (const [col, li] of family) scores[li] += PROFILE_WEIGHT * Math.max(-8, ll[col] - best);
}

// Script decides the family; stopwords, letters, letter groups and trigram profiles the language.
function leader({ scores, cyr }: { scores: Float64Array; cyr: boolean }): { best: number; margin: number } {
  let best = -1;
  let second = -Infinity;
  for (let li = 0; li < LANGUAGES.length; li++) {
    if (IS_CYRILLIC[li] !== cyr) continue;
    if (best < 0 || scores[li] > scores[best]) {
      if (best >= 0) second = scores[best];
      best = li;
    } else second = Math.max(second, scores[li]);
  }
  return { best, margin: scores[best] - second };
}

// Script decides the family; stopwords, letters and letter groups the language, and the
// trigram profiles settle what those leave open.
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
    const hits = c < index.letters.length ? index.letters[c] : undefined;
    if (hits) for (const [li, w] of hits) scores[li] += w;
  }
  if (latin + cyrillic < 2 || other > latin + cyrillic) return "und";
  for (const w of tokens.words) {
    const hits = index.words.get(w) ?? (w.includes("'") ? index.words.get(w.slice(0, w.indexOf("'") + 1)) : undefined);
    if (hits) for (const li of hits) scores[li] += 1;
  }
  GROUP_PATTERN.lastIndex = 0;
  for (let m = GROUP_PATTERN.exec(tokens.folded); m !== null; m = GROUP_PATTERN.exec(tokens.folded)) {
    for (const [li, w] of index.groups.get(m[0]) ?? []) scores[li] += w;
  }
  // Cyrillic words between Latin names ("утре кафе на Mall of Sofia?") are a Cyrillic-script
  // language; a Latin sentence rarely holds a third of its letters in Cyrillic.
  const cyr = cyrillic >= 3 && cyrillic * 2 >= latin;
  const cues = leader({ scores, cyr });
  const evidence = scores[cues.best];
  if (evidence >= CLEAR_LEAD && cues.margin >= CLEAR_LEAD) return LANGUAGES[cues.best];
  addProfileScores({ words: tokens.words, scores, cyr });
  const { best, margin } = leader({ scores, cyr });
  if (evidence >= 1 || margin >= 1) return LANGUAGES[best];
  return cyr ? "ru" : "und";
}
