import { classifyWith } from "../classify";
import { hashString } from "../hash";
import type { Classification } from "../types";
import { summarize, type EvalLine, type EvalResult } from "./evaluate";
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
