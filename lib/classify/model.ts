import fs from "node:fs";
import path from "node:path";
import { DIM } from "./features";
import { modelDir } from "./paths";
import { HEADS, type HeadName } from "./types";
import { readNet, writeNet, type Net, type NetMeta } from "./net";

export type HeadMeta = { name: HeadName; bias: number; threshold: number };
export type ModelMeta = {
  version: string;
  dim: number;
  heads: HeadMeta[];
  sources: string[];
  examples: Record<string, number>;
  // the conversation decision's author model and threshold (conversation.ts), calibrated on training folds
  conversation?: { weights: number[]; bias: number; threshold: number };
  // per-language thresholds of some heads, chosen on cross-validated scores (train/thresholds.json);
  // a language not listed uses the head's threshold
  thresholds?: Partial<Record<HeadName, Record<string, number>>>;
  // the small network blended into the heads' logits (net.ts, file net.bin); absent: linear alone
  net?: NetMeta;
};
// weights[feature * HEADS.length + head]: the heads of one feature share a cache line
export type BaseModel = { meta: ModelMeta; weights: Float32Array; net?: Net };

let cached: BaseModel | null = null;

export function readModel(dir: string = modelDir()): BaseModel {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8")) as ModelMeta;
  const bytes = fs.readFileSync(path.join(dir, "weights.bin"));
  const weights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (meta.dim !== DIM || weights.length !== DIM * HEADS.length) {
    throw new Error(`classifier model in ${dir} does not match the feature space (dim ${meta.dim})`);
  }
  return { meta, weights, net: meta.net ? readNet({ dir, meta: meta.net }) : undefined };
}

export function writeModel({ model, dir = modelDir() }: { model: BaseModel; dir?: string }): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "meta.json"), `${JSON.stringify(model.meta, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, "weights.bin"), new Uint8Array(model.weights.buffer));
  if (model.net) writeNet({ net: model.net, dir });
}

// Loaded once per process, on first use.
export function loadModel(): BaseModel {
  cached ??= readModel();
  return cached;
}
