import { CUES } from "./lang/cues";
import { foldText } from "./text";

export const CUE_KINDS = Object.keys(CUES);

// prefix entries grouped by their first four letters, so a word costs one lookup
type Lexicon = { exact: Map<string, number>; prefix: Map<string, [string, number][]> };
let lexicon: Lexicon | null = null;

function buildLexicon(): Lexicon {
  const exact = new Map<string, number>();
  const prefix = new Map<string, [string, number][]>();
  CUE_KINDS.forEach((kind, k) => {
    for (const entry of foldText(CUES[kind].toLowerCase()).split(/\s+/)) {
      if (entry.endsWith("*")) {
        const stem = entry.slice(0, -1);
        prefix.set(stem.slice(0, 4), [...(prefix.get(stem.slice(0, 4)) ?? []), [stem, k]]);
      }
      else if (!exact.has(entry)) exact.set(entry, k);
    }
  });
  return { exact, prefix };
}

// The cue kind of a folded word, or -1; stems cover the inflected forms.
export function cueOf(word: string): number {
  lexicon ??= buildLexicon();
  const k = lexicon.exact.get(word);
  if (k !== undefined) return k;
  if (word.length < 5) return -1;
  const candidates = lexicon.prefix.get(word.slice(0, 4));
  if (candidates) for (const [stem, kind] of candidates) if (word.startsWith(stem) && word.length > stem.length) return kind;
  return -1;
}
