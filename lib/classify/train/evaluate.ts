import type { Classification, Sentiment } from "../types";
import { binaryMetrics, type BinaryMetrics } from "./metrics";

export type EvalLine = { text: string; request?: boolean; complaint?: boolean; sentiment?: Sentiment; lang?: string };
export type EvalResult = {
  n: number;
  msPerMessage: number;
  request?: BinaryMetrics;
  complaint?: BinaryMetrics;
  negative?: BinaryMetrics;
  byLanguage?: Record<string, { n: number; accuracy: number }>;
};

type Task = { key: "request" | "complaint" | "negative"; gold: (l: EvalLine) => boolean | undefined; predicted: (c: Classification) => boolean };

const TASKS: Task[] = [
  { key: "request", gold: (l) => l.request, predicted: (c) => c.category === "request" },
  { key: "complaint", gold: (l) => l.complaint, predicted: (c) => c.complaint },
  {
    key: "negative",
    gold: (l) => (l.sentiment ? l.sentiment === "negative" : undefined),
    predicted: (c) => c.sentiment === "negative",
  },
];

// The eval CLI's report: one metrics block per label the lines carry, and accuracy per language.
export function summarize({ lines, predictions, ms }: { lines: EvalLine[]; predictions: Classification[]; ms: number }): EvalResult {
  const result: EvalResult = { n: lines.length, msPerMessage: Math.round((ms / Math.max(1, lines.length)) * 1e5) / 1e5 };
  const present = TASKS.filter((t) => lines.some((l) => t.gold(l) !== undefined));
  for (const task of present) {
    const pairs = lines.flatMap((l, i) => {
      const gold = task.gold(l);
      return gold === undefined ? [] : [{ gold, predicted: task.predicted(predictions[i]) }];
    });
    result[task.key] = binaryMetrics(pairs);
  }
  if (present.length > 0) {
    const byLang: Record<string, { n: number; correct: number }> = {};
    lines.forEach((l, i) => {
      const gold = present[0].gold(l);
      if (gold === undefined) return;
      const lang = l.lang ?? predictions[i].language;
      const entry = (byLang[lang] ??= { n: 0, correct: 0 });
      entry.n++;
      if (present[0].predicted(predictions[i]) === gold) entry.correct++;
    });
    result.byLanguage = Object.fromEntries(
      Object.entries(byLang)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([lang, v]) => [lang, { n: v.n, accuracy: Math.round((v.correct / v.n) * 10000) / 10000 }]),
    );
  }
  return result;
}
