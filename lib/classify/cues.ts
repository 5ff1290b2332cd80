import { CUES } from "./lang/cues";
import { foldText } from "./text";

export const CUE_KINDS = Object.keys(CUES);

type Lexicon = { exact: Map<string, number>; prefix: Map<string, number> };
let lexicon: Lexicon | null = null;

function buildLexicon(): Lexicon {
  const exact = new Map<string, number>();
  const prefix = new Map<string, number>();
  CUE_KINDS.forEach((kind, k) => {
    for (const entry of foldText(CUES[kind].toLowerCase()).split(/\s+/)) {
      if (entry.endsWith("*")) prefix.set(entry.slice(0, -1), k);
      else if (!exact.has(entry)) exact.set(entry, k);
    }
  });
  return { exact, prefix };
}

// The cue kind of a folded word, or -1; prefixes of 4 to 7 letters cover inflected forms.
export function cueOf(word: string): number {
  lexicon ??= buildLexicon();
  const k = lexicon.exact.get(word);
  if (k !== undefined) return k;
  for (let n = Math.min(7, word.length - 1); n >= 4; n--) {
    const p = lexicon.prefix.get(word.slice(0, n));
    if (p !== undefined) return p;
  }
  return -1;
}
