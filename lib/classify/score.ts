import type { Features } from "./features";
import type { BaseModel } from "./model";
import { HEADS } from "./types";
import { blendNet } from "./net";

const H = HEADS.length;

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function featureScale(count: number): number {
  return count > 0 ? 1 / Math.sqrt(count) : 0;
}

// Logits of every head for one message: bias + scale * sum of its feature weights, averaged with
// the network's where the model has one.
export function scoreFeatures({ model, features }: { model: BaseModel; features: Features }): Float64Array {
  const { weights, meta } = model;
  const { buffer, count } = features;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < count; i++) {
    const o = buffer[i] * H;
    s0 += weights[o];
    s1 += weights[o + 1];
    s2 += weights[o + 2];
    s3 += weights[o + 3];
  }
  const scale = featureScale(count);
  const out = new Float64Array(H);
  out[0] = meta.heads[0].bias + s0 * scale;
  out[1] = meta.heads[1].bias + s1 * scale;
  out[2] = meta.heads[2].bias + s2 * scale;
  out[3] = meta.heads[3].bias + s3 * scale;
  if (model.net) blendNet({ net: model.net, idx: buffer, count, scale, out });
  return out;
}
