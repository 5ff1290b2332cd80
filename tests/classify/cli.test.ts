import { describe, expect, it } from "vitest";
import { runScript } from "../helpers/cli";

function run({ args, input }: { args: string[]; input?: string }) {
  const out = runScript("scripts/classify.ts", args, { input, timeout: 20_000 });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout;
}

const METRICS = ["n", "precision", "recall", "f1", "macroF1", "accuracy"];

describe("classify CLI", () => {
  it("eval prints one JSON object with a block per label present", () => {
    const result = JSON.parse(run({ args: ["eval", "tests/fixtures/classify/real-sample.jsonl"] }));
    expect(result.n).toBe(120);
    expect(result.msPerMessage).toBeGreaterThan(0);
    for (const key of ["request", "complaint", "negative"]) expect(Object.keys(result[key]).sort()).toEqual([...METRICS].sort());
    expect(result.complaint.n).toBe(40);
    expect(result.negative.n).toBe(80);
    expect(result.request.n).toBeLessThan(40);
    // request is present, so byLanguage is the request task's accuracy, on the English lines only
    expect(Object.keys(result.byLanguage)).toEqual(["en"]);
    expect(result.negative.f1).toBeGreaterThan(0.6);
  });

  it("eval reports per-language request accuracy on multilingual lines", () => {
    const result = JSON.parse(run({ args: ["eval", "tests/fixtures/classify/multilingual.jsonl"] }));
    expect(Object.keys(result.byLanguage)).toHaveLength(13);
    expect(result.complaint).toBeUndefined();
    expect(result.request.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("predict answers one JSON line per input line", () => {
    const lines = run({ args: ["predict"], input: "где мой заказ?\n😍😍\n" }).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0]).sort()).toEqual(
      ["text", "language", "category", "complaint", "sentiment", "sentimentScore", "confidence", "reasons"].sort(),
    );
    expect(lines[0]).toMatchObject({ text: "где мой заказ?", language: "ru", category: "request" });
    expect(lines[1]).toMatchObject({ language: "und", category: "noise" });
  });
});
