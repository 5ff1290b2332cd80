import { extractFeatures, type Features } from "./features";
import { hashString, shuffleInPlace } from "./hash";
import { featureScale, scoreFeatures, sigmoid } from "./score";
import { headThreshold, logit } from "./head-threshold";
import { HEADS, type HeadName, type LabelledText } from "./types";
import { loadModel, type BaseModel } from "./model";

// A brand's correction layer over the base model: per-head offsets on the same hashed
// features, plus an exact memory of corrected texts. Plain JSON, stored per brand.
export type BrandHead = { head: HeadName; bias: number; idx: number[]; w: number[] };
export type BrandModel = {
  kind: "replyhour-brand";
  baseVersion: string;
  id: string;
  examples: number;
  heads: BrandHead[];
  // [text key, request, complaint, negative, positive] with 1 / 0, or -1 when unknown
  memory: number[][];
  // "language": learned around the base model's per-language thresholds, which still decide;
  // absent (layers trained before): learned around 0.5, which decides for every language
  boundary?: "language";
};

type Item = { idx: Int32Array; scale: number; base: number; y: number };

const EPOCHS = 30;
const RATE = 0.3;
const L2 = 0.02;
const BIAS_L2 = 0.2;
const MIN_DELTA = 0.01;
const MAX_DELTAS = 3000;

export function textKey(features: Features): number {
  return hashString(features.tokens.folded.replace(/\s+/g, " ").trim());
}

export function targetsOf(e: LabelledText): number[] {
  const request = e.complaint === true ? true : e.request;
  const sentiment = e.sentiment;
  const bit = (v: boolean | null | undefined) => (v === true ? 1 : v === false ? 0 : -1);
  return [
    bit(request),
    bit(e.complaint),
    sentiment ? bit(sentiment === "negative") : -1,
    sentiment ? bit(sentiment === "positive") : -1,
  ];
}

function trainHead({ items, seed }: { items: Item[]; seed: number }): Omit<BrandHead, "head"> {
  const w = new Map<number, number>();
  let bias = 0;
  const order = items.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = RATE / (1 + epoch * 0.1);
    for (const i of shuffleInPlace({ items: order, seed: seed + epoch })) {
      const it = items[i];
      let z = it.base + bias;
      for (const f of it.idx) z += (w.get(f) ?? 0) * it.scale;
      const g = sigmoid(z) - it.y;
      bias -= rate * (g + BIAS_L2 * bias);
      for (const f of it.idx) {
        const v = w.get(f) ?? 0;
        w.set(f, v - rate * (g * it.scale + L2 * v));
      }
    }
  }
  // The strongest deltas carry the correction; the long tail only makes the JSON big.
  const kept = [...w.entries()]
    .filter(([, v]) => Math.abs(v) >= MIN_DELTA)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0])
    .slice(0, MAX_DELTAS)
    .sort((a, b) => a[0] - b[0]);
  const round = (v: number) => Math.round(v * 1e3) / 1e3;
  return { bias: round(bias), idx: kept.map(([f]) => f), w: kept.map(([, v]) => round(v)) };
}

export function trainBrandModel({ examples, model = loadModel() }: { examples: LabelledText[]; model?: BaseModel }): BrandModel {
  const memory = new Map<number, number[]>();
  const perHead: Item[][] = HEADS.map(() => []);
  for (const e of examples) {
    const features = extractFeatures(e.text);
    const targets = targetsOf(e);
    // Centred on each head's threshold for the message's language, so the layer corrects the
    // base decision where it is wrong and the threshold stays the one that decides.
    const base = scoreFeatures({ model, features }).map((z, h) => z - logit(headThreshold({ model, head: h, language: features.language })));
    const idx = features.buffer.slice(0, features.count);
    const scale = featureScale(features.count);
    targets.forEach((y, h) => {
      if (y >= 0) perHead[h].push({ idx, scale, base: base[h], y });
    });
    memory.set(textKey(features), targets);
  }
  const heads = HEADS.flatMap((head, h) =>
    perHead[h].length === 0 ? [] : [{ head, ...trainHead({ items: perHead[h], seed: 17 + h }) }],
  );
  const body = { heads, memory: [...memory.entries()].map(([k, t]) => [k, ...t]) };
  return {
    kind: "replyhour-brand",
    boundary: "language",
    baseVersion: model.meta.version,
    id: hashString(JSON.stringify(body)).toString(16).padStart(8, "0"),
    examples: examples.length,
    ...body,
  };
}
