import { hashString, FNV_OFFSET } from "./hash";
import { DIM } from "./features";
import type { Features } from "./features";
import type { BaseModel } from "./model";
import { HEADS } from "./types";

const MAX_REASONS = 3;
const SEED_WORD = hashString("w");

// Traits an agent can check at a glance; language and length are not reasons.
function label(flag: string): string | null {
  if (flag.startsWith("lang:") || flag.startsWith("question in ") || flag.startsWith("len:")) return null;
  return flag.replace(":", ": ");
}

// The words and message traits that pushed the request head hardest towards the decision.
export function explain({ model, features, request }: { model: BaseModel; features: Features; request: boolean }): string[] {
  const sign = request ? 1 : -1;
  const candidates: { text: string; weight: number }[] = [];
  const seen = new Set<string>();
  for (const word of features.tokens.words) {
    if (word.length < 3 || seen.has(word)) continue;
    seen.add(word);
    const idx = hashString(word, SEED_WORD) & (DIM - 1);
    candidates.push({ text: `“${word}”`, weight: sign * model.weights[idx * HEADS.length] });
  }
  for (const flag of features.flags) {
    const text = label(flag);
    if (!text || seen.has(text)) continue;
    seen.add(text);
    const idx = hashString(flag, FNV_OFFSET) & (DIM - 1);
    candidates.push({ text, weight: sign * model.weights[idx * HEADS.length] });
  }
  return candidates
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_REASONS)
    .map((c) => c.text);
}
