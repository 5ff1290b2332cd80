import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyWith } from "@/lib/classify/classify";
import type { Example } from "@/lib/classify/train/sources";
import { featurize, trainModel } from "@/lib/classify/train/train-model";
import { extractFeatures } from "@/lib/classify/features";
import { trainLogistic, type TrainItem } from "@/lib/classify/train/sgd";
import { REQUEST_TRAINING } from "@/lib/classify/train/config";

function corpusSample(): Example[] {
  return fs
    .readFileSync(path.join(process.cwd(), "lib/classify/corpus/corpus.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .filter((_, i) => i % 10 === 0)
    .map((line) => ({ ...JSON.parse(line), source: "corpus", group: "" }) as Example);
}

describe("training", () => {
  const sample = corpusSample();

  it("gives the same model for the same data, and another for other data", () => {
    const first = trainModel({ data: featurize(sample) });
    const again = trainModel({ data: featurize(sample) });
    expect(again.meta.version).toBe(first.meta.version);
    expect(Buffer.from(again.weights.buffer).equals(Buffer.from(first.weights.buffer))).toBe(true);
    const other = trainModel({ data: featurize(sample.slice(1)) });
    expect(other.meta.version).not.toBe(first.meta.version);
  });

  it("learns from what it is given", () => {
    const model = trainModel({ data: featurize(sample) });
    const right = sample.filter((e) => (classifyWith({ model, text: e.text }).category === "request") === e.request);
    expect(right.length / sample.length).toBeGreaterThan(0.9);
  });

  it("trains the request head with the fourth round's options only when asked, reproducibly", () => {
    const data = featurize(sample);
    const plain = trainModel({ data });
    expect(trainModel({ data, request: { ...REQUEST_TRAINING } }).meta.version).toBe(plain.meta.version);
    const options = { dropout: 0.5, otherDropout: 0, charBlend: 0.5, second: "nb" as const, epochs: 2 };
    const varied = trainModel({ data, request: options });
    expect(varied.meta.version).not.toBe(plain.meta.version);
    expect(trainModel({ data, request: options }).meta.version).toBe(varied.meta.version);
    // only the request head changes (weights[feature * 4 + head])
    const heads = plain.weights.length / plain.meta.dim;
    let otherHeadsEqual = true;
    for (let i = 0; i < plain.weights.length; i++) if (i % heads !== 0 && plain.weights[i] !== varied.weights[i]) otherHeadsEqual = false;
    expect(otherHeadsEqual).toBe(true);
    const right = sample.filter((e) => (classifyWith({ model: varied, text: e.text }).category === "request") === e.request);
    expect(right.length / sample.length).toBeGreaterThan(0.9);
  });

  it("marks the word part of the features, which lexical: false leaves untrained", () => {
    const f = extractFeatures("where is my refund @SkyJetAir?");
    // words and bigrams (with the end bigram) and the handle come first, then character n-grams and cues
    expect(f.lexical).toBeGreaterThan(5);
    expect(f.lexical).toBeLessThan(f.count);
    const word = f.buffer[0];
    const items: TrainItem[] = [{ idx: Int32Array.from([word, 7]), scale: 1, y: 1, weight: 1, lexical: 1 }, { idx: Int32Array.from([8]), scale: 1, y: 0, weight: 1, lexical: 0 }];
    const without = trainLogistic({ items, options: { epochs: 3, rate: 0.25, l2: 0, seed: 1, lexical: false } });
    expect(without.weights[word]).toBe(0);
    expect(without.weights[7]).toBeGreaterThan(0);
    const dropped = trainLogistic({ items, options: { epochs: 3, rate: 0.25, l2: 0, seed: 1, dropout: 0.5 } });
    expect(dropped.weights[word]).toBeGreaterThan(0);
  });
});
