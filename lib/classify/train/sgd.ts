import { DIM } from "../features";
import { shuffleInPlace } from "../hash";
import { sigmoid } from "../score";

export type TrainItem = { idx: Int32Array; scale: number; y: number; weight: number };
export type SgdOptions = { epochs: number; rate: number; l2: number; seed: number };

// Logistic regression by AdaGrad over hashed features, in a seeded order: same data, same weights.
export function trainLogistic({ items, options }: { items: TrainItem[]; options: SgdOptions }): { weights: Float32Array; bias: number } {
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
      for (let k = 0; k < idx.length; k++) z += w[idx[k]] * scale;
      const err = (sigmoid(z) - it.y) * it.weight;
      biasG2 += err * err;
      bias -= (options.rate * err) / Math.sqrt(biasG2);
      const gs = err * scale;
      for (let k = 0; k < idx.length; k++) {
        const f = idx[k];
        const g = gs + options.l2 * w[f];
        g2[f] += g * g;
        w[f] -= (options.rate * g) / Math.sqrt(g2[f]);
      }
    }
  }
  return { weights: w, bias };
}

