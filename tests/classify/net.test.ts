import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { classifyWith } from "@/lib/classify/classify";
import { extractFeatures } from "@/lib/classify/features";
import { loadModel, readModel, writeModel } from "@/lib/classify/model";
import { withBlend } from "@/lib/classify/net";
import { scoreFeatures } from "@/lib/classify/score";
import { NET_TRAINING } from "@/lib/classify/train/config";
import type { Example } from "@/lib/classify/train/sources";
import { featurize, trainModel } from "@/lib/classify/train/train-model";

function corpusSample(): Example[] {
  return fs
    .readFileSync(path.join(process.cwd(), "lib/classify/corpus/corpus.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .filter((_, i) => i % 20 === 0)
    .map((line) => ({ ...JSON.parse(line), source: "corpus", group: "" }) as Example);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replyhour-net-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// A small network, so the test trains in a second.
const SMALL = { ...NET_TRAINING, enabled: true, bucketBits: 12, dim: 8, hidden: 8, epochs: 3 };

describe("the small network", () => {
  const sample = corpusSample();
  const data = featurize(sample);

  it("is not trained by default: the default training is the linear model alone", () => {
    expect(NET_TRAINING.enabled).toBe(false);
    const plain = trainModel({ data });
    expect(plain.net).toBeUndefined();
    expect(plain.meta.net).toBeUndefined();
    expect(trainModel({ data, net: { ...NET_TRAINING } }).meta.version).toBe(plain.meta.version);
    // the shipped model is the linear one (model card, "Fifth round")
    expect(loadModel().net).toBeUndefined();
    expect(loadModel().meta.net).toBeUndefined();
  });

  it("trains deterministically, changes only the blended heads and learns", () => {
    const plain = trainModel({ data });
    const first = trainModel({ data, net: SMALL });
    const again = trainModel({ data, net: SMALL });
    expect(first.net).toBeDefined();
    expect(again.meta.version).toBe(first.meta.version);
    expect(Buffer.from(again.net!.emb.buffer).equals(Buffer.from(first.net!.emb.buffer))).toBe(true);
    expect(Array.from(again.net!.w2)).toEqual(Array.from(first.net!.w2));
    expect(first.meta.version).not.toBe(plain.meta.version);
    expect(trainModel({ data, net: { ...SMALL, seed: 2 } }).meta.version).not.toBe(first.meta.version);
    // the linear weights are the same; only the request logit (blend [b, 0, 0, 0]) moves
    expect(Buffer.from(first.weights.buffer).equals(Buffer.from(plain.weights.buffer))).toBe(true);
    const f = extractFeatures("where is my refund? still nothing after two weeks");
    const a = scoreFeatures({ model: plain, features: f });
    const b = Array.from(scoreFeatures({ model: first, features: f }));
    expect(b.slice(1)).toEqual(Array.from(a).slice(1));
    expect(b[0]).not.toBe(a[0]);
    // the network alone (blend 1) separates what it was trained on
    const alone = withBlend(first, [1, 0, 0, 0]);
    const right = sample.filter((e) => (classifyWith({ model: alone, text: e.text }).category === "request") === e.request);
    expect(right.length / sample.length).toBeGreaterThan(0.8);
  });

  it("is written compactly and read back to the same scores", () => {
    const model = trainModel({ data, net: SMALL });
    writeModel({ model, dir });
    const size = fs.statSync(path.join(dir, "net.bin")).size;
    // int8 embedding plus a float32 scale per row and the dense layers
    expect(size).toBeLessThan((1 << 12) * 8 + (1 << 12) * 4 + 4 * (8 * 8 + 8 + 4 * 8 + 4) + 1);
    const read = readModel(dir);
    expect(read.meta.net).toEqual(model.meta.net);
    for (const e of sample.slice(0, 50)) {
      const features = extractFeatures(e.text);
      const want = Array.from(scoreFeatures({ model, features }));
      const got = Array.from(scoreFeatures({ model: read, features: extractFeatures(e.text) }));
      expect(got).toEqual(want);
      expect(classifyWith({ model: read, text: e.text })).toEqual(classifyWith({ model: read, text: e.text }));
    }
  });
});
