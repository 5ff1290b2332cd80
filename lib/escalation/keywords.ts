// Keyword matching in time linear in the text: each keyword is compiled to a small automaton
// and all its states advance together over the text (no backtracking), so a manager's keyword
// such as `a*a*a*a*b` costs the same as `refund`. Pure: used by ingestion and the dry run.

const WORD = /[\p{L}\p{N}\p{M}_]/u;
const SPACE = /\s/u;
// Scripts written without spaces between words: a boundary check would never match inside a sentence.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

// A literal character, one whitespace, or a loop over word characters (`*`) or whitespace.
type Step = { kind: "char"; c: string } | { kind: "space" } | { kind: "words" } | { kind: "spaces" };
type Program = { steps: Step[]; bounded: boolean };

export type KeywordMatcher = { programs: Program[] };
export type KeywordResult = { found: string[]; steps: number };

function fold(c: string): string {
  const lower = c.toLowerCase();
  return lower.length === c.length ? lower : c;
}

function compile(raw: string): Program {
  const term = raw.normalize("NFKC").trim();
  const steps: Step[] = [];
  term.split(/\s+/).forEach((word, index) => {
    if (index > 0) steps.push({ kind: "space" }, { kind: "spaces" });
    for (const c of word) {
      if (c !== "*") steps.push({ kind: "char", c: fold(c) });
      else if (steps.at(-1)?.kind !== "words") steps.push({ kind: "words" });
    }
  });
  return { steps, bounded: !UNSPACED.test(term) };
}

/** Whole words, case-insensitive, any script; `*` matches any run of word characters. */
export function keywordMatcher(terms: readonly string[]): KeywordMatcher {
  return { programs: terms.map(compile).filter((p) => p.steps.some((s) => s.kind === "char")) };
}

const isLoop = (step: Step | undefined) => step?.kind === "words" || step?.kind === "spaces";

// Each state holds the earliest start that reached it: later starts add nothing a match needs.
function add(states: Int32Array, program: Program, state: number, start: number): void {
  while (states[state] === -1 || start < states[state]) {
    states[state] = start;
    if (!isLoop(program.steps[state])) return;
    state++;
  }
}

function run(program: Program, chars: string[], words: boolean[], folded: string[], ends: Map<number, number>): number {
  const size = program.steps.length;
  let current = new Int32Array(size + 1).fill(-1);
  let next = new Int32Array(size + 1);
  let work = 0;
  for (let i = 0; ; i++) {
    if (!program.bounded || i === 0 || !words[i - 1]) add(current, program, 0, i);
    const start = current[size];
    if (start >= 0 && (!program.bounded || i === chars.length || !words[i])) ends.set(start, Math.max(ends.get(start) ?? 0, i));
    if (i === chars.length) return work;
    next.fill(-1);
    const space = SPACE.test(chars[i]);
    for (let state = 0; state < size; state++) {
      const from = current[state];
      if (from < 0) continue;
      work++;
      const step = program.steps[state];
      if (step.kind === "char" ? step.c === folded[i] : step.kind === "space" ? space : false) add(next, program, state + 1, from);
      else if (step.kind === "words" ? words[i] : step.kind === "spaces" ? space : false) add(next, program, state, from);
    }
    [current, next] = [next, current];
  }
}

/** The distinct matches in text order (at most `limit`), and the work it took. */
export function findKeywords(matcher: KeywordMatcher, text: string, limit = 5): KeywordResult {
  const chars = [...text.normalize("NFKC")];
  const words = chars.map((c) => WORD.test(c));
  const folded = chars.map(fold);
  const ends = new Map<number, number>();
  let steps = 0;
  for (const program of matcher.programs) steps += run(program, chars, words, folded, ends);
  const found = new Set<string>();
  for (const start of [...ends.keys()].sort((a, b) => a - b)) {
    if (found.size >= limit) break;
    found.add(chars.slice(start, ends.get(start)).join("").toLowerCase());
  }
  return { found: [...found], steps };
}
