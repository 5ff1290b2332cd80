import { classifyWith } from "../classify";
import { hashString } from "../hash";
import type { Classification } from "../types";
import { summarize, type EvalLine, type EvalResult } from "./evaluate";
import { binaryMetrics } from "./metrics";
import { extractFeatures } from "../features";
import { scoreFeatures, sigmoid } from "../score";
import type { Scored } from "./thresholds";
import type { Example } from "./sources";
import { featurize, trainModel } from "./train-model";

export const CV_TARGETS = ["complaints", "airline", "rusentitweet", "corpus"];

function toLine(e: Example): EvalLine {
  return {
    text: e.text,
    lang: e.lang,
    request: e.request ?? undefined,
    complaint: e.complaint ?? undefined,
    sentiment: e.sentiment ?? undefined,
  };
}

// k-fold over one target source; the other sources always train. Folds split by group, so
// corpus sentences from one template never sit on both sides.
export function crossValidate({ examples, folds = 5, targets = CV_TARGETS, log }: { examples: Example[]; folds?: number; targets?: string[]; log: (m: string) => void }): Record<string, EvalResult> {
  const data = featurize(examples);
  const foldOf = examples.map((e) => hashString(`${e.source}:${e.group}`) % folds);
  const results: Record<string, EvalResult> = {};
  for (const target of targets.filter((t) => examples.some((e) => e.source === t))) {
    const predictions: Classification[] = [];
    const lines: EvalLine[] = [];
    let ms = 0;
    for (let fold = 0; fold < folds; fold++) {
      const test = (i: number) => examples[i].source === target && foldOf[i] === fold;
      const model = trainModel({ data: data.filter((_, i) => !test(i)) });
      const started = performance.now();
      examples.forEach((e, i) => {
        if (!test(i)) return;
        lines.push(toLine(e));
        predictions.push(classifyWith({ model, text: e.text }));
      });
      ms += performance.now() - started;
      log(`cv ${target}: fold ${fold + 1}/${folds}`);
    }
    results[target] = summarize({ lines, predictions, ms });
  }
  return results;
}

export type JointTargetResult = EvalResult & { requestByLanguage?: Record<string, { n: number; macroF1: number; recall: number }>; negativeByLanguage?: Record<string, { n: number; f1: number }> };

// One k-fold over every source at once: fold f of every set is predicted by one model trained on
// the other folds of every set (k trainings in all, instead of k per target). Thread-shaped
// examples are classified with their context. Returns the figures per source and the out-of-fold
// classifications.
export function jointCrossValidate({ examples, folds = 5, log }: { examples: Example[]; folds?: number; log: (m: string) => void }): { results: Record<string, JointTargetResult>; predictions: Map<number, Classification>; scored: Scored[] } {
  const scored: Scored[] = [];
  const data = featurize(examples);
  // Own-corpus lines fold by sentence template (a sentence's corpus and thread uses together).
  const foldOf = examples.map((e) => hashString(e.template ? `corpus:${e.template}` : `${e.source}:${e.group}`) % folds);
  const predictions = new Map<number, Classification>();
  for (let fold = 0; fold < folds; fold++) {
    const model = trainModel({ data: data.filter((_, i) => foldOf[i] !== fold) });
    examples.forEach((e, i) => {
      if (foldOf[i] !== fold) return;
      const c = classifyWith({ model, text: e.text, context: e.context });
      predictions.set(i, c);
      const logits = scoreFeatures({ model, features: extractFeatures(e.text, undefined, e.context) });
      scored.push({ i, p: Array.from(logits, (z) => sigmoid(z)), lang: c.language, fold });
    });
    log(`joint cv: fold ${fold + 1}/${folds}`);
  }
  const results: Record<string, JointTargetResult> = {};
  for (const source of [...new Set(examples.map((e) => e.source))]) {
    const idx = examples.flatMap((e, i) => (e.source === source ? [i] : []));
    const r: JointTargetResult = summarize({ lines: idx.map((i) => toLine(examples[i])), predictions: idx.map((i) => predictions.get(i)!), ms: 0 });
    const byLang = <T>(gold: (e: Example) => boolean | undefined, predicted: (c: Classification) => boolean, pick: (m: ReturnType<typeof binaryMetrics>) => T) => {
      const groups: Record<string, { gold: boolean; predicted: boolean }[]> = {};
      for (const i of idx) {
        const g = gold(examples[i]);
        if (g === undefined) continue;
        (groups[examples[i].lang ?? predictions.get(i)!.language] ??= []).push({ gold: g, predicted: predicted(predictions.get(i)!) });
      }
      return Object.fromEntries(Object.entries(groups).sort(([a], [b]) => a.localeCompare(b)).map(([l, ps]) => [l, pick(binaryMetrics(ps))]));
    };
    if (r.request) r.requestByLanguage = byLang((e) => (e.complaint === true ? true : (e.request ?? undefined)), (c) => c.category === "request", (m) => ({ n: m.n, macroF1: m.macroF1, recall: m.recall }));
    if (r.negative) r.negativeByLanguage = byLang((e) => (e.sentiment ? e.sentiment === "negative" : undefined), (c) => c.sentiment === "negative", (m) => ({ n: m.n, f1: m.f1 }));
    results[source] = r;
  }
  return { results, predictions, scored };
}
