import { seededRandom, shuffleInPlace } from "../hash";
import { hiddenOf, roundNet, type Net } from "../net";
import { sigmoid } from "../score";
import { HEADS } from "../types";
import { weightOf, type NetTraining } from "./config";
import type { Featurized } from "./train-model";

const H = HEADS.length;

// The network of net.ts, trained on every example at once: each head's loss (logistic, with the
// per-source weights of the linear heads) where the example has that label, through one shared
// embedding and hidden layer, so what the sentiment and complaint sets teach about words reaches
// the request head. AdaGrad (one accumulator per embedding row, one per dense weight) in a seeded
// order from a seeded start: same data, same network.
export function trainNet({ data, options, log = () => {} }: { data: Featurized[]; options: NetTraining; log?: (m: string) => void }): Net {
  const { dim, hidden, epochs, rate, seed } = options;
  const buckets = 1 << options.bucketBits;
  const mask = buckets - 1;
  const random = seededRandom(seed * 7919 + 3);
  const uniform = (a: number) => (random() * 2 - 1) * a;
  const emb = new Float32Array(buckets * dim);
  for (let i = 0; i < emb.length; i++) emb[i] = uniform(options.init);
  const w1 = new Float32Array(hidden * dim);
  const a1 = Math.sqrt(6 / (dim + hidden));
  for (let i = 0; i < w1.length; i++) w1[i] = uniform(a1);
  const w2 = new Float32Array(H * hidden);
  const a2 = Math.sqrt(6 / (hidden + 1));
  for (let i = 0; i < w2.length; i++) w2[i] = uniform(a2);
  const net: Net = { meta: { buckets, dim, hidden, blend: options.blend }, emb, w1, b1: new Float32Array(hidden), w2, b2: new Float32Array(H) };
  const gEmb = new Float32Array(buckets).fill(1e-3);
  const gW1 = new Float32Array(w1.length).fill(1e-3);
  const gB1 = new Float32Array(hidden).fill(1e-3);
  const gW2 = new Float32Array(w2.length).fill(1e-3);
  const gB2 = new Float32Array(H).fill(1e-3);

  // per example: the heads it trains, as (head, target, weight)
  const labels = data.map((d) => {
    const out: number[] = [];
    HEADS.forEach((name, h) => {
      const y = d.targets[h];
      if (y < 0) return;
      const w = weightOf({ source: d.source, head: name, y }) * options.tasks[h];
      if (w > 0) out.push(h, y, w);
    });
    return out;
  });
  const order = data.flatMap((_, i) => (labels[i].length > 0 ? [i] : []));
  log(`network: ${order.length} examples, ${buckets} rows × ${dim}, ${hidden} hidden`);
  const x = new Float32Array(dim);
  const h = new Float32Array(hidden);
  const dh = new Float32Array(hidden);
  const da = new Float32Array(hidden);
  const dx = new Float32Array(dim);
  let kept = new Int32Array(256);
  const drop = options.dropout;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace({ items: order, seed: seed * 1000 + epoch });
    let loss = 0;
    for (const i of order) {
      const d = data[i];
      // feature dropout: a sentence cannot be learnt by a few of its features alone
      let idx = d.idx;
      let count = idx.length;
      let scale = d.scale;
      if (drop > 0) {
        if (kept.length < count) kept = new Int32Array(count * 2);
        let n = 0;
        for (let k = 0; k < count; k++) if (random() >= drop) kept[n++] = idx[k];
        idx = kept;
        count = n;
        scale = d.scale / (1 - drop);
      }
      hiddenOf({ net, idx, count, scale, x, h });
      dh.fill(0);
      const ls = labels[i];
      for (let t = 0; t < ls.length; t += 3) {
        const k = ls[t];
        const o = k * hidden;
        let z = net.b2[k];
        for (let u = 0; u < hidden; u++) z += w2[o + u] * h[u];
        const p = sigmoid(z);
        loss -= ls[t + 2] * (ls[t + 1] === 1 ? Math.log(p + 1e-9) : Math.log(1 - p + 1e-9));
        const err = (p - ls[t + 1]) * ls[t + 2];
        for (let u = 0; u < hidden; u++) {
          dh[u] += err * w2[o + u];
          const g = err * h[u];
          gW2[o + u] += g * g;
          w2[o + u] -= (rate * g) / Math.sqrt(gW2[o + u]);
        }
        gB2[k] += err * err;
        net.b2[k] -= (rate * err) / Math.sqrt(gB2[k]);
      }
      for (let u = 0; u < hidden; u++) da[u] = dh[u] * (1 - h[u] * h[u]);
      dx.fill(0);
      for (let u = 0; u < hidden; u++) {
        const g = da[u];
        if (g === 0) continue;
        const o = u * dim;
        for (let j = 0; j < dim; j++) {
          dx[j] += g * w1[o + j];
          const gw = g * x[j];
          gW1[o + j] += gw * gw;
          w1[o + j] -= (rate * gw) / Math.sqrt(gW1[o + j]);
        }
        gB1[u] += g * g;
        net.b1[u] -= (rate * g) / Math.sqrt(gB1[u]);
      }
      let sq = 0;
      for (let j = 0; j < dim; j++) {
        dx[j] *= scale;
        sq += dx[j] * dx[j];
      }
      sq /= dim;
      for (let k = 0; k < count; k++) {
        const r = idx[k] & mask;
        gEmb[r] += sq;
        const step = options.embRate / Math.sqrt(gEmb[r]);
        const o = r * dim;
        for (let j = 0; j < dim; j++) emb[o + j] -= step * dx[j];
      }
    }
    log(`network: epoch ${epoch + 1}/${epochs}, mean loss ${(loss / order.length).toFixed(4)}`);
  }
  return roundNet(net);
}
