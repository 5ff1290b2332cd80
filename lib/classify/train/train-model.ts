import { DIM, extractFeatures } from "../features";
import { hashString } from "../hash";
import type { BaseModel } from "../model";
import { featureScale } from "../score";
import { targetsOf } from "../brand-model";
import { HEADS } from "../types";
import { NB_ALPHA, SGD, THRESHOLDS, weightOf } from "./config";
import { nbScales, trainLogistic, type TrainItem } from "./sgd";
import type { Example } from "./sources";

export type Featurized = {
  idx: Int32Array;
  scale: number;
  targets: number[];
  source: string;
  group: string;
  lang: string;
};

export function featurize(examples: Example[]): Featurized[] {
  return examples.map((e) => {
    const f = extractFeatures(e.text, undefined, e.context);
    return {
      idx: f.buffer.slice(0, f.count),
      scale: featureScale(f.count),
      targets: targetsOf(e),
      source: e.source,
      group: e.group,
      lang: e.lang ?? f.language,
    };
  });
}

function versionOf(weights: Float32Array): string {
  const bits = new Int32Array(weights.buffer);
  let h = hashString("replyhour-classify");
  for (let i = 0; i < bits.length; i++) h = Math.imul(h ^ bits[i], 0x01000193);
  return `rh-clf-1.${(h >>> 0).toString(16).padStart(8, "0")}`;
}

export function trainModel({ data, log = () => {} }: { data: Featurized[]; log?: (m: string) => void }): BaseModel {
  const weights = new Float32Array(DIM * HEADS.length);
  const heads = HEADS.map((name, h) => {
    const items: TrainItem[] = [];
    for (const d of data) {
      const y = d.targets[h];
      if (y < 0) continue;
      const weight = weightOf({ source: d.source, head: name, y });
      if (weight > 0) items.push({ idx: d.idx, scale: d.scale, y, weight });
    }
    log(`training ${name} on ${items.length} examples`);
    const alpha = NB_ALPHA[name];
    const scales = alpha === undefined ? undefined : nbScales({ items, alpha });
    const head = trainLogistic({ items, options: { ...SGD, seed: h + 1 }, scales });
    for (let f = 0; f < DIM; f++) weights[f * HEADS.length + h] = head.weights[f];
    return { name, bias: head.bias, threshold: THRESHOLDS[name] };
  });
  const examples: Record<string, number> = {};
  for (const d of data) examples[d.source] = (examples[d.source] ?? 0) + 1;
  const sources = Object.keys(examples).sort();
  return { meta: { version: versionOf(weights), dim: DIM, heads, sources, examples }, weights };
}
