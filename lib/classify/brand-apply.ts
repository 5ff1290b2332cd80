import { textKey, type BrandModel } from "./brand-model";
import type { Features } from "./features";
import { featureScale } from "./score";
import { HEADS } from "./types";

type Compiled = { bias: Float64Array; deltas: Map<number, Float64Array>; memory: Map<number, number[]> };
const compiled = new WeakMap<BrandModel, Compiled>();

function compile(brand: BrandModel): Compiled {
  const bias = new Float64Array(HEADS.length);
  const deltas = new Map<number, Float64Array>();
  for (const head of brand.heads) {
    const h = HEADS.indexOf(head.head);
    bias[h] = head.bias;
    head.idx.forEach((f, i) => {
      const d = deltas.get(f) ?? new Float64Array(HEADS.length);
      d[h] = head.w[i];
      deltas.set(f, d);
    });
  }
  const memory = new Map(brand.memory.map(([key, ...targets]) => [key, targets]));
  return { bias, deltas, memory };
}

// Adds the brand's offsets to the base logits in place; a remembered text gets its corrected labels.
export function applyBrand({ brand, features, logits }: { brand: BrandModel; features: Features; logits: Float64Array }): boolean {
  let c = compiled.get(brand);
  if (!c) {
    c = compile(brand);
    compiled.set(brand, c);
  }
  const scale = featureScale(features.count);
  for (let h = 0; h < HEADS.length; h++) logits[h] += c.bias[h];
  for (let i = 0; i < features.count; i++) {
    const d = c.deltas.get(features.buffer[i]);
    if (d) for (let h = 0; h < HEADS.length; h++) logits[h] += d[h] * scale;
  }
  const remembered = c.memory.get(textKey(features));
  if (!remembered) return false;
  remembered.forEach((y, h) => {
    if (y >= 0) logits[h] = y === 1 ? 8 : -8;
  });
  return true;
}
