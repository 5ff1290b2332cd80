import { cueOf, CUE_KINDS } from "./cues";
import { combineHashes, fnvStep, hashString, FNV_OFFSET } from "./hash";
import { detectLanguage } from "./language";
import { stemOf } from "./lang/stem";
import { tokenize, type Tokens } from "./text";

export const DIM_BITS = 18;
export const DIM = 1 << DIM_BITS;
const MASK = DIM - 1;
const MAX_FEATURES = 8192;
const MAX_GRAM_WORD = 24;
// What decides a message is in its opening; a pasted book must not stall the pipeline.
const MAX_CHARS = 4000;
const SEED_WORD = hashString("w");
const SEED_GRAM = hashString("g");
const SEED_STEM = hashString("s");
// Brands answer from accounts named like this; a message to one is more often a request or complaint.
const SUPPORT_HANDLE = /help|support|care|serv|assist|^ask|desk|cs$|_cs|hilfe|aiuto|ayuda|ajuda|pomoc|yardim/;

export type Features = {
  tokens: Tokens;
  language: string;
  // indices into the hashed space, in buffer[0..count); the buffer is reused by the next call
  buffer: Int32Array;
  count: number;
  // names of the shape and cue features that fired, for reasons
  flags: string[];
};

const shared = new Int32Array(MAX_FEATURES);

function bucket(n: number): string {
  return n === 0 ? "0" : n === 1 ? "1" : n === 2 ? "2" : n <= 4 ? "3-4" : n <= 8 ? "5-8" : n <= 16 ? "9-16" : "17+";
}

export function shapeFlags({ tokens, language }: { tokens: Tokens; language: string }): string[] {
  const t = tokens;
  const flags = [`lang:${language}`, `len:${bucket(t.words.length)}`];
  if (t.words.length === 0) {
    if (t.mentions >= 2) flags.push("tags only");
    else if (t.emojis.length > 0) flags.push("emoji only");
    else if (t.urls > 0) flags.push("link only");
    else flags.push("no words");
  }
  if (t.mentions > 0) flags.push(`mentions:${bucket(t.mentions)}`);
  if (t.handles.some((h) => SUPPORT_HANDLE.test(h))) flags.push("to a support account");
  if (t.emojis.length > 0) flags.push(`emojis:${bucket(t.emojis.length)}`);
  if (t.questions > 0) flags.push("question mark");
  if (t.exclaims > 0) flags.push("exclamation");
  if (t.urls > 0) flags.push("link");
  if (t.hashtags > 0) flags.push(`hashtags:${bucket(t.hashtags)}`);
  if (t.longNumbers > 0) flags.push("order or booking number");
  if (t.questions > 0) flags.push(`question in ${language}`);
  for (const w of t.words) {
    const k = cueOf(w);
    if (k >= 0) flags.push(`${CUE_KINDS[k]} word`);
  }
  return flags;
}

function addGrams({ word, out, at }: { word: string; out: Int32Array; at: number }): number {
  const padded = ` ${word} `;
  const len = Math.min(padded.length, MAX_GRAM_WORD);
  let k = at;
  for (let i = 0; i + 3 <= len && k < MAX_FEATURES - 3; i++) {
    let h = SEED_GRAM;
    for (let j = i; j < len && j < i + 5; j++) {
      h = fnvStep(h, padded.charCodeAt(j));
      if (j - i >= 2) out[k++] = h & MASK;
    }
  }
  return k;
}

// Words, word bigrams, Cyrillic stems, mentioned handles, character 3-5-grams inside words, cue
// words and message shape, hashed.
export function extractFeatures(text: string, out: Int32Array = shared): Features {
  const tokens = tokenize(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
  const language = detectLanguage(tokens);
  const flags = shapeFlags({ tokens, language });
  let k = 0;
  let prev = hashString("<s>", SEED_WORD);
  for (const item of tokens.seq) {
    if (k >= MAX_FEATURES - 64) break;
    const h = hashString(item, SEED_WORD);
    out[k++] = h & MASK;
    out[k++] = combineHashes(prev, h) & MASK;
    prev = h;
  }
  out[k++] = combineHashes(prev, hashString("</s>", SEED_WORD)) & MASK;
  for (const h of tokens.handles) if (k < MAX_FEATURES - 64) out[k++] = hashString(`@${h}`, SEED_WORD) & MASK;
  for (const w of tokens.words) {
    if (k >= MAX_FEATURES - 64) break;
    const stem = stemOf(w);
    if (stem !== w) out[k++] = hashString(stem, SEED_STEM) & MASK;
    k = addGrams({ word: w, out, at: k });
  }
  for (const f of flags) if (k < MAX_FEATURES) out[k++] = hashString(f, FNV_OFFSET) & MASK;
  return { tokens, language, buffer: out, count: k, flags };
}
