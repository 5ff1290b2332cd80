import { DIM, extractFeatures } from "../features";
import { hashString } from "../hash";
import type { BaseModel } from "../model";
import { featureScale } from "../score";
import { targetsOf } from "../brand-model";
import { HEADS } from "../types";
import { NB_ALPHA, NET_TRAINING, REQUEST_TRAINING, SGD, THRESHOLDS, weightOf, type NetTraining, type RequestTraining } from "./config";
import { trainNet } from "./net-train";
import { nbScales, trainLogistic, type TrainItem } from "./sgd";
import type { Example } from "./sources";

export type Featurized = {
  idx: Int32Array;
  scale: number;
  lexical: number;
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
      lexical: f.lexical,
      targets: targetsOf(e),
      source: e.source,
      group: e.group,
      lang: e.lang ?? f.language,
    };
  });
}

function versionOf(weights: Float32Array, net?: Float32Array): string {
  let h = hashString("replyhour-classify");
  for (const a of net ? [weights, net] : [weights]) {
    const bits = new Int32Array(a.buffer, a.byteOffset, a.length);
    for (let i = 0; i < bits.length; i++) h = Math.imul(h ^ bits[i], 0x01000193);
  }
  return `rh-clf-1.${(h >>> 0).toString(16).padStart(8, "0")}`;
}

export function trainModel({ data, log = () => {}, request = REQUEST_TRAINING, net = NET_TRAINING }: { data: Featurized[]; log?: (m: string) => void; request?: RequestTraining; net?: NetTraining }): BaseModel {
  const weights = new Float32Array(DIM * HEADS.length);
  const heads = HEADS.map((name, h) => {
    const items: TrainItem[] = [];
    for (const d of data) {
      const y = d.targets[h];
      if (y < 0) continue;
      const weight = weightOf({ source: d.source, head: name, y });
      if (weight > 0) items.push({ idx: d.idx, scale: d.scale, y, weight, lexical: d.lexical });
    }
    log(`training ${name} on ${items.length} examples`);
    const alpha = NB_ALPHA[name];
    const scales = alpha === undefined ? undefined : nbScales({ items, alpha });
    const isRequest = name === "request";
    const options = isRequest ? { ...SGD, epochs: request.epochs ?? SGD.epochs, l2: request.l2 ?? SGD.l2, dropout: request.dropout, otherDropout: request.otherDropout } : SGD;
    const head = trainLogistic({ items, options: { ...options, seed: h + 1 }, scales });
    if (isRequest && request.charBlend > 0) {
      // The second, differently biased request model, averaged in logit space: both score the
      // same feature list with the same scale, so the average of the logits is the logit of the
      // averaged weights (its lexical buckets are 0 but where a character n-gram shares them).
      const chars =
        request.second === "nb"
          ? trainLogistic({ items, options: { ...options, seed: h + 101 }, scales: nbScales({ items, alpha: 2 }) })
          : trainLogistic({ items, options: { ...options, seed: h + 101, lexical: false }, scales });
      const b = request.charBlend;
      for (let f = 0; f < DIM; f++) head.weights[f] = (1 - b) * head.weights[f] + b * chars.weights[f];
      head.bias = (1 - b) * head.bias + b * chars.bias;
    }
    for (let f = 0; f < DIM; f++) weights[f * HEADS.length + h] = head.weights[f];
    return { name, bias: head.bias, threshold: THRESHOLDS[name] };
  });
  const examples: Record<string, number> = {};
  for (const d of data) examples[d.source] = (examples[d.source] ?? 0) + 1;
  const sources = Object.keys(examples).sort();
  if (!net.enabled) return { meta: { version: versionOf(weights), dim: DIM, heads, sources, examples }, weights };
  const network = trainNet({ data, options: net, log });
  return { meta: { version: versionOf(weights, network.emb), dim: DIM, heads, sources, examples, net: network.meta }, weights, net: network };
}
