import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyWith } from "@/lib/classify/classify";
import type { Example } from "@/lib/classify/train/sources";
import { featurize, trainModel } from "@/lib/classify/train/train-model";

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
});
