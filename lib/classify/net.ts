import fs from "node:fs";
import path from "node:path";
import { HEADS } from "./types";

const H = HEADS.length;

// A small network over the same hashed features as the linear heads: each feature index folded
// into `buckets` rows of a `dim`-wide embedding, summed with the linear model's scale (1/√count),
// one tanh layer of `hidden` units and a logit per head. Its logits are averaged with the linear
// heads' in logit space, `blend[h]` on the network's side (0: the head is the linear one alone).
export type NetMeta = { buckets: number; dim: number; hidden: number; blend: number[] };
export type Net = {
  meta: NetMeta;
  // emb[row * dim + j]
  emb: Float32Array;
  // w1[u * dim + j], w2[h * hidden + u]
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
};

export const NET_FILE = "net.bin";

// Scratch vectors reused by every call (scoring runs for every message).
let xs = new Float32Array(0);
let hs = new Float32Array(0);

// The network's logit per head, added into `out` weighted by the blend: out[h] = (1 − b) out[h] + b z.
export function blendNet({ net, idx, count, scale, out }: { net: Net; idx: Int32Array; count: number; scale: number; out: Float64Array }): void {
  const { dim, hidden, blend } = net.meta;
  if (xs.length < dim) xs = new Float32Array(dim);
  if (hs.length < hidden) hs = new Float32Array(hidden);
  hiddenOf({ net, idx, count, scale, x: xs, h: hs });
  for (let k = 0; k < H; k++) {
    const b = blend[k];
    if (!(b > 0)) continue;
    let z = net.b2[k];
    const o = k * hidden;
    for (let u = 0; u < hidden; u++) z += net.w2[o + u] * hs[u];
    out[k] = (1 - b) * out[k] + b * z;
  }
}

// The summed embedding x and the hidden layer h of one message (training reuses it).
export function hiddenOf({ net, idx, count, scale, x, h }: { net: Net; idx: Int32Array; count: number; scale: number; x: Float32Array; h: Float32Array }): void {
  const { dim, hidden, buckets } = net.meta;
  const mask = buckets - 1;
  const emb = net.emb;
  x.fill(0, 0, dim);
  for (let i = 0; i < count; i++) {
    const o = (idx[i] & mask) * dim;
    for (let j = 0; j < dim; j++) x[j] += emb[o + j];
  }
  for (let j = 0; j < dim; j++) x[j] *= scale;
  const w1 = net.w1;
  for (let u = 0; u < hidden; u++) {
    let a = net.b1[u];
    const o = u * dim;
    for (let j = 0; j < dim; j++) a += w1[o + j] * x[j];
    h[u] = Math.tanh(a);
  }
}

// Stored compactly: each embedding row as int8 with its own float32 scale (max |v| / 127); the
// small dense layers as float32. Training rounds the embedding the same way before it is measured,
// so what is evaluated is what ships.
export function quantizeRows(net: Net): { q: Int8Array; scales: Float32Array } {
  const { dim, buckets } = net.meta;
  const q = new Int8Array(buckets * dim);
  const scales = new Float32Array(buckets);
  for (let r = 0; r < buckets; r++) {
    let m = 0;
    for (let j = 0; j < dim; j++) m = Math.max(m, Math.abs(net.emb[r * dim + j]));
    const s = m / 127;
    scales[r] = s;
    for (let j = 0; j < dim; j++) q[r * dim + j] = s > 0 ? Math.round(net.emb[r * dim + j] / s) : 0;
  }
  return { q, scales };
}

export function dequantizeRows({ q, scales, dim }: { q: Int8Array; scales: Float32Array; dim: number }): Float32Array {
  const emb = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) emb[i] = q[i] * scales[(i / dim) | 0];
  return emb;
}

// The embedding as it will be read back from the file.
export function roundNet(net: Net): Net {
  const { q, scales } = quantizeRows(net);
  return { ...net, emb: dequantizeRows({ q, scales, dim: net.meta.dim }) };
}

// net.bin: row scales (float32 × buckets), w1, b1, w2, b2 (float32), then the int8 embedding.
export function writeNet({ net, dir }: { net: Net; dir: string }): void {
  const { q, scales } = quantizeRows(net);
  const dense = [scales, net.w1, net.b1, net.w2, net.b2];
  const parts = [...dense.map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)), new Uint8Array(q.buffer, q.byteOffset, q.byteLength)];
  fs.writeFileSync(path.join(dir, NET_FILE), Buffer.concat(parts));
}

export function readNet({ dir, meta }: { dir: string; meta: NetMeta }): Net {
  const { buckets, dim, hidden } = meta;
  const bytes = fs.readFileSync(path.join(dir, NET_FILE));
  const sizes = [buckets, hidden * dim, hidden, H * hidden, H];
  const expected = sizes.reduce((s, n) => s + n * 4, 0) + buckets * dim;
  if (bytes.byteLength !== expected) throw new Error(`${NET_FILE} in ${dir} does not match its meta (${bytes.byteLength} bytes, expected ${expected})`);
  // a copy, so the float32 views are aligned whatever the Buffer's offset
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  let at = 0;
  const floats = sizes.map((n) => {
    const a = new Float32Array(buf, at, n);
    at += n * 4;
    return a;
  });
  const [scales, w1, b1, w2, b2] = floats;
  const q = new Int8Array(buf, at, buckets * dim);
  return { meta, emb: dequantizeRows({ q, scales, dim }), w1, b1, w2, b2 };
}

// The same network with other blend weights (a blend is chosen on the training folds).
export function withBlend<T extends { meta: { net?: NetMeta }; net?: Net }>(model: T, blend: number[]): T {
  if (!model.net) return model;
  const meta = { ...model.net.meta, blend };
  return { ...model, meta: { ...model.meta, net: meta }, net: { ...model.net, meta } };
}
