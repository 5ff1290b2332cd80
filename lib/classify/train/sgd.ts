import { DIM } from "../features";
import { shuffleInPlace } from "../hash";
import { sigmoid } from "../score";

export type TrainItem = { idx: Int32Array; scale: number; y: number; weight: number };
export type SgdOptions = { epochs: number; rate: number; l2: number; seed: number };

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
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace({ items: order, seed: options.seed * 1000 + epoch });
    for (const i of order) {
      const it = items[i];
      const { idx, scale } = it;
      let z = bias;
      for (let k = 0; k < idx.length; k++) z += w[idx[k]] * r[idx[k]] * scale;
      const err = (sigmoid(z) - it.y) * it.weight;
      biasG2 += err * err;
      bias -= (options.rate * err) / Math.sqrt(biasG2);
      const gs = err * scale;
      for (let k = 0; k < idx.length; k++) {
        const f = idx[k];
        const g = gs * r[f] + options.l2 * w[f];
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
