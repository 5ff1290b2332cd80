import fs from "node:fs";
import path from "node:path";
import { LANGUAGES, setLanguageProfiles } from "../language";
import { STOPWORDS } from "../lang/stopwords";
import { buildProfiles, PROFILE_FILE, type LanguageProfiles } from "../lang/profiles";
import { writeModel, type BaseModel } from "../model";
import { modelDir } from "../paths";
import { foldText, tokenize } from "../text";
import type { Example } from "./sources";
import { featurize, trainModel } from "./train-model";
import { classifyWith } from "../classify";
import { hashString } from "../hash";
import { withBlend } from "../net";
import type { Classification } from "../types";
import { fitConversation, scoredThreads } from "./conversation-fit";
import { readThresholds, type Thresholds } from "./thresholds";

export const CALIBRATION_FOLDS = 4;

// The same amount of text per language, or the languages with little text get inflated trigram odds.
const PROFILE_CHARS_PER_LANG = 9_000;

export function buildLanguageProfiles(examples: Example[]): LanguageProfiles {
  const byLang: Record<string, string[][]> = {};
  const size: Record<string, number> = {};
  for (const lang of LANGUAGES) {
    byLang[lang] = [foldText(STOPWORDS[lang]).split(/\s+/)];
    size[lang] = 0;
  }
  for (const e of examples) {
    if (!e.lang || !byLang[e.lang] || size[e.lang] >= PROFILE_CHARS_PER_LANG) continue;
    const words = tokenize(e.text).words;
    byLang[e.lang].push(words);
    size[e.lang] += words.join(" ").length;
  }
  return buildProfiles(byLang);
}

// Profiles first: the language is one of the features the heads are trained on.
export function buildBaseModel({ examples, log }: { examples: Example[]; log: (m: string) => void }): { model: BaseModel; profiles: LanguageProfiles } {
  const profiles = buildLanguageProfiles(examples);
  setLanguageProfiles(profiles);
  log(`featurizing ${examples.length} examples`);
  const data = featurize(examples);
  const model = trainModel({ data, log });
  const thresholds = readThresholds();
  if (thresholds) model.meta.thresholds = thresholds;
  const fit = calibrateConversation({ examples, data, log, thresholds });
  if (fit) model.meta.conversation = { weights: fit.weights, bias: fit.bias, threshold: fit.threshold };
  return { model, profiles };
}

export function saveBaseModel({ model, profiles, dir = modelDir() }: { model: BaseModel; profiles: LanguageProfiles; dir?: string }): void {
  writeModel({ model, dir });
  fs.writeFileSync(path.join(dir, PROFILE_FILE), `${JSON.stringify(profiles)}\n`);
}

// The conversation decision learns from message probabilities the model would give threads it
// has not seen: each fold of the training threads is scored by a model trained without it.
// Folds by sentence template: a message is scored by a model that never saw its sentence, in a
// thread or in the corpus, as the held-out threads will be.
// `blends`: the fold models' messages also scored with the network's request blend at each of
// these weights (byBlend), to choose the blend on these folds.
export function calibrateConversation({ examples, data, log, thresholds, blends }: { examples: Example[]; data: ReturnType<typeof featurize>; log: (m: string) => void; thresholds?: Thresholds; blends?: number[] }) {
  const threadIdx = examples.flatMap((e, i) => (e.source === "threads" ? [i] : []));
  if (threadIdx.length === 0) return null;
  const predictions = new Map<number, Classification>();
  const byBlend = new Map<number, Map<number, Classification>>((blends ?? []).map((b) => [b, new Map()]));
  const foldOf = (i: number) => (examples[i].template ? hashString(`calibrate:${examples[i].template}`) % CALIBRATION_FOLDS : -1);
  for (let fold = 0; fold < CALIBRATION_FOLDS; fold++) {
    const held = threadIdx.filter((i) => foldOf(i) === fold);
    const foldModel = trainModel({ data: data.filter((_, i) => foldOf(i) !== fold) });
    if (thresholds) foldModel.meta.thresholds = thresholds;
    for (const i of held) predictions.set(i, classifyWith({ model: foldModel, text: examples[i].text, context: examples[i].context }));
    for (const [b, map] of byBlend) {
      const variant = withBlend(foldModel, [b, ...(foldModel.net?.meta.blend.slice(1) ?? [0, 0, 0])]);
      for (const i of held) map.set(i, classifyWith({ model: variant, text: examples[i].text, context: examples[i].context }));
    }
    log(`conversation calibration: fold ${fold + 1}/${CALIBRATION_FOLDS}`);
  }
  const fit = fitConversation({ threads: scoredThreads({ examples, predictions }) });
  log(`conversation threshold ${fit.threshold}: training-fold queue precision ${fit.trainPrecision}, recall ${fit.trainRecall}`);
  return { ...fit, predictions, byBlend };
}
