import fs from "node:fs";
import path from "node:path";
import { fnvStep, FNV_OFFSET } from "../hash";

// Character trigram profiles (naive Bayes) over folded words: the log-probability of each
// language's most frequent trigrams, and a floor for the rest.
export type LanguageProfiles = { langs: string[]; floor: number[]; grams: Record<string, Record<string, number>> };
export type CompiledProfiles = { langs: string[]; floor: Float64Array; table: Map<number, Float64Array> };

const TOP_GRAMS = 1500;
export const PROFILE_FILE = "lang-profiles.json";

// 30 bits keep the keys small integers, which Map hashes fastest.
export function trigramHash(a: number, b: number, c: number): number {
  return fnvStep(fnvStep(fnvStep(FNV_OFFSET, a), b), c) & 0x3fffffff;
}

function trigrams(word: string): string[] {
  const padded = ` ${word} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

export function buildProfiles(textsByLang: Record<string, string[][]>): LanguageProfiles {
  const langs = Object.keys(textsByLang).sort();
  const grams: LanguageProfiles["grams"] = {};
  const floor: number[] = [];
  for (const lang of langs) {
    const counts = new Map<string, number>();
    let total = 0;
    for (const words of textsByLang[lang]) {
      for (const w of words) {
        for (const g of trigrams(w)) {
          counts.set(g, (counts.get(g) ?? 0) + 1);
          total++;
        }
      }
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_GRAMS);
    const denominator = total + counts.size + 1;
    grams[lang] = Object.fromEntries(top.map(([g, c]) => [g, Math.round(Math.log((c + 1) / denominator) * 100) / 100]));
    floor.push(Math.round(Math.log(1 / denominator) * 100) / 100);
  }
  return { langs, floor, grams };
}

export function compileProfiles(p: LanguageProfiles): CompiledProfiles {
  const table = new Map<number, Float64Array>();
  p.langs.forEach((lang, li) => {
    for (const [g, logp] of Object.entries(p.grams[lang])) {
      const h = trigramHash(g.charCodeAt(0), g.charCodeAt(1), g.charCodeAt(2));
      const row = table.get(h) ?? Float64Array.from(p.floor);
      row[li] = logp;
      table.set(h, row);
    }
  });
  return { langs: p.langs, floor: Float64Array.from(p.floor), table };
}

export function readProfiles(dir: string): LanguageProfiles | null {
  const file = path.join(dir, PROFILE_FILE);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as LanguageProfiles) : null;
}
