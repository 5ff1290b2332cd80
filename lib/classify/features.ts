import { cueOf, CUE_KINDS } from "./cues";
import { combineHashes, fnvStep, hashString, FNV_OFFSET } from "./hash";
import { detectLanguage } from "./language";
import { stemOf } from "./lang/stem";
import { tokenize, type Tokens } from "./text";
import type { ClassifyContext } from "./types";

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
const SEED_CROSS = hashString("x");
// Brands answer from accounts named like this; a message to one is more often a request or complaint.
const SUPPORT_HANDLE = /help|support|care|serv|assist|^ask|desk|cs$|_cs|hilfe|aiuto|ayuda|ajuda|pomoc|yardim/;

export type Features = {
  tokens: Tokens;
  language: string;
  // indices into the hashed space, in buffer[0..count); the buffer is reused by the next call
  buffer: Int32Array;
  count: number;
  // buffer[0..lexical): the word, word-bigram and @handle features (the rest: stems, character
  // n-grams, context and cue/shape features); training can treat the two parts differently
  lexical: number;
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
  let praise = false;
  let complaint = false;
  for (const w of t.words) {
    const k = cueOf(w);
    if (k < 0) continue;
    flags.push(`${CUE_KINDS[k]} word`);
    if (CUE_KINDS[k] === "praise" || CUE_KINDS[k] === "thanks") praise = true;
    if (CUE_KINDS[k] === "complaint") complaint = true;
  }
  // Praise about a wait, a loss or a delay is how sarcasm reads in every language.
  if (praise && complaint) flags.push("praise with complaint word");
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
export function extractFeatures(text: string, out: Int32Array = shared, context?: ClassifyContext | null): Features {
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
  const lexical = k;
  for (const w of tokens.words) {
    if (k >= MAX_FEATURES - 64) break;
    const stem = stemOf(w);
    if (stem !== w) out[k++] = hashString(stem, SEED_STEM) & MASK;
    k = addGrams({ word: w, out, at: k });
  }
  if (context) {
    const c = contextFlags(context);
    flags.push(...c.named);
    k = addContextCrosses({ context, flags, extra: c.hidden, out, at: k });
  }
  for (const f of flags) if (k < MAX_FEATURES) out[k++] = hashString(f, FNV_OFFSET) & MASK;
  return { tokens, language, buffer: out, count: k, lexical, flags };
}

const REPLY_NAMES: Record<ClassifyContext["replyTo"], string> = {
  brand: "reply to the brand",
  brand_post: "comment on the brand's post",
  customer: "reply to another person",
  none: "new message",
};
// The message's own traits that the context is crossed with.
const CROSSED = /^(len:|mentions:|question mark$|exclamation$|link$|emoji only$|tags only$|emojis:|order or booking|.* word$|to a support account$)/;
// The traits of the brand's post and of the author's earlier messages worth knowing.
const TOLD = /^(len:|question mark$|link$|order or booking|.* word$|emoji only$|mentions:)/;

// Named context traits (they can be reasons) and hidden ones (only weights).
function contextFlags(c: ClassifyContext): { named: string[]; hidden: string[] } {
  const named = [c.kind === "private_message" ? "private message" : "public comment", REPLY_NAMES[c.replyTo]];
  if (c.mentions.brand) named.push("brand mentioned");
  if (c.mentions.others > 0) named.push("other people tagged");
  if (c.brandAnsweredAuthor) named.push("brand already answered them");
  if (c.authorHistory.requests > 0) named.push("asked the brand before");
  const prev = c.previousFromAuthor?.length ?? 0;
  if (prev > 0) named.push("follows their own message");
  const hidden = [
    `ctx:${c.kind}|${c.replyTo}`,
    `ctx:${c.kind}|${c.replyTo}|brand:${c.mentions.brand}|others:${Math.min(2, c.mentions.others)}`,
    `ctx:answered:${c.brandAnsweredAuthor}|${c.kind}`,
    `ctx:hist-req:${bucket(c.authorHistory.requests)}`,
    `ctx:hist-msg:${bucket(c.authorHistory.messages)}`,
    `ctx:prev:${bucket(prev)}|${c.kind}|${c.replyTo}`,
    `ctx:post:${c.postText ? "yes" : "no"}|${c.kind}`,
  ];
  return { named, hidden };
}

function toldFlags(text: string): string[] {
  const tokens = tokenize(text.length > 600 ? text.slice(0, 600) : text);
  return shapeFlags({ tokens, language: "" }).filter((f) => TOLD.test(f));
}

// Context crossed with the message: where it sits × its shape and cue words; the post's
// and the author's earlier messages' traits × the message's shape. Weights learned in training.
function addContextCrosses({ context, flags, extra, out, at }: { context: ClassifyContext; flags: string[]; extra: string[]; out: Int32Array; at: number }): number {
  let k = at;
  for (const e of extra) k = putCross(out, k, e);
  const where = `${context.kind}|${context.replyTo}`;
  const own = flags.filter((f) => CROSSED.test(f));
  for (const f of own) {
    k = putCross(out, k, `${where}|${f}`);
    k = putCross(out, k, `r:${context.replyTo}|o:${Math.min(2, context.mentions.others)}|${f}`);
  }
  if (own.length === 0) k = putCross(out, k, `${where}|plain`);
  const prev = context.previousFromAuthor;
  if (prev && prev.length > 0) {
    const told = toldFlags(prev[prev.length - 1]);
    for (const p of told) {
      k = putCross(out, k, `prev:${p}`);
      for (const f of own) if (f.startsWith("len:") || f === "question mark") k = putCross(out, k, `prev:${p}|${f}`);
    }
  }
  if (context.postText) {
    for (const p of toldFlags(context.postText)) {
      k = putCross(out, k, `post:${p}`);
      for (const f of own) k = putCross(out, k, `post:${p}|${f}`);
    }
  }
  return k;
}

// One crossed feature at slot k, while there is room; returns the next slot. A module function:
// a closure made per message cost more than the hashing.
function putCross(out: Int32Array, k: number, s: string): number {
  if (k < MAX_FEATURES - 8) out[k++] = hashString(s, SEED_CROSS) & MASK;
  return k;
}
