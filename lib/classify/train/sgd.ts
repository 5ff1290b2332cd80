import { DIM } from "../features";
import { seededRandom, shuffleInPlace } from "../hash";
import { sigmoid } from "../score";

// `lexical`: idx[0..lexical) are the word, word-bigram and @handle features (features.ts).
export type TrainItem = { idx: Int32Array; scale: number; y: number; weight: number; lexical?: number };
// `dropout`: each pass drops that share of an example's lexical features at random (the kept ones
// count 1 / (1 - dropout)), so a sentence cannot be learnt by its words alone and the character
// n-grams, cues and context must carry it too; `lexical: false` trains without the lexical part.
export type SgdOptions = { epochs: number; rate: number; l2: number; seed: number; dropout?: number; otherDropout?: number; lexical?: boolean };

// Logistic regression by AdaGrad over hashed features, in a seeded order: same data, same weights.
// With `scales`, feature f enters as scales[f] (NB-LR); the returned weights have the scales folded
// in, so scoring stays one lookup per feature.
export function trainLogistic({ items, options, scales }: { items: TrainItem[]; options: SgdOptions; scales?: Float32Array }): { weights: Float32Array; bias: number } {
  const r = scales ?? new Float32Array(DIM).fill(1);
  const w = new Float32Array(DIM);
  const g2 = new Float32Array(DIM).fill(1e-3);
  let bias = 0;
  let biasG2 = 1e-3;
  const order = items.map((_, i) => i);
  const dropout = options.dropout ?? 0;
  const other = options.otherDropout ?? 0;
  const keepAll = options.lexical !== false;
  const random = seededRandom(options.seed * 7919 + 17);
  // per feature of the current example: its multiplier (0 dropped, 1 / (1 - dropout) kept, 1 not lexical)
  let mult = new Float32Array(256);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace({ items: order, seed: options.seed * 1000 + epoch });
    for (const i of order) {
      const it = items[i];
      const { idx, scale } = it;
      const lexical = it.lexical ?? 0;
      if (mult.length < idx.length) mult = new Float32Array(idx.length * 2);
      for (let k = 0; k < idx.length; k++) {
        const rate = k >= lexical ? other : dropout;
        mult[k] = k < lexical && !keepAll ? 0 : rate > 0 ? (random() < rate ? 0 : 1 / (1 - rate)) : 1;
      }
      let z = bias;
      for (let k = 0; k < idx.length; k++) z += w[idx[k]] * r[idx[k]] * scale * mult[k];
      const err = (sigmoid(z) - it.y) * it.weight;
      biasG2 += err * err;
      bias -= (options.rate * err) / Math.sqrt(biasG2);
      const gs = err * scale;
      for (let k = 0; k < idx.length; k++) {
        if (mult[k] === 0) continue;
        const f = idx[k];
        const g = gs * r[f] * mult[k] + options.l2 * w[f];
        g2[f] += g * g;
        w[f] -= (options.rate * g) / Math.sqrt(g2[f]);
      }
    }
  }
  for (let f = 0; f < DIM; f++) w[f] *= r[f];
  return { weights: w, bias };
}

// Naive-Bayes log-count ratios |log(p_f / q_f)| of each feature between the classes, smoothed by
// alpha (Wang and Manning 2012): features that separate the classes get more room to move.
export function nbScales({ items, alpha }: { items: TrainItem[]; alpha: number }): Float32Array {
  const pos = new Float64Array(DIM).fill(alpha);
  const neg = new Float64Array(DIM).fill(alpha);
  for (const it of items) {
    const counts = it.y === 1 ? pos : neg;
    for (let k = 0; k < it.idx.length; k++) counts[it.idx[k]] += it.weight;
  }
  let posSum = 0;
  let negSum = 0;
  for (let f = 0; f < DIM; f++) {
    posSum += pos[f];
    negSum += neg[f];
  }
  const scales = new Float32Array(DIM);
  for (let f = 0; f < DIM; f++) scales[f] = Math.abs(Math.log(pos[f] / posSum / (neg[f] / negSum)));
  return scales;
}
