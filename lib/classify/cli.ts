import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { classify } from "./classify";
import { generateCorpus } from "./corpus/generate";
import { corpusDir } from "./paths";
import { buildBaseModel, saveBaseModel } from "./train/build";
import { benchmark } from "./train/bench";
import { crossValidate } from "./train/cv";
import { summarize, type EvalLine } from "./train/evaluate";
import { loadSources, SOURCE_NAMES } from "./train/sources";
import { isThreadLine } from "./thread-eval";

const log = (m: string) => process.stderr.write(`${m}\n`);

function option({ args, name }: { args: string[]; name: string }): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function sourcesOf(args: string[]): string[] {
  return option({ args, name: "sources" })?.split(",").map((s) => s.trim()).filter(Boolean) ?? SOURCE_NAMES;
}

async function train(args: string[]): Promise<void> {
  const slug = option({ args, name: "brand" });
  if (slug) {
    const { retrainBrandBySlug } = await import("./brand-training");
    console.log(JSON.stringify(await retrainBrandBySlug({ slug })));
    return;
  }
  const sources = sourcesOf(args);
  const started = performance.now();
  const { model, profiles } = buildBaseModel({ examples: loadSources(sources), log });
  saveBaseModel({ model, profiles });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(JSON.stringify({ version: model.meta.version, sources: model.meta.sources, examples: model.meta.examples, seconds }));
}

// `--errors N`: show up to N queue mistakes each way on stderr, to see what the model gets wrong.
function errorCount(args: string[]): number {
  const value = option({ args, name: "errors" });
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error("--errors must be a whole number from 1 to 1000");
  return n;
}

async function evaluate(args: string[]): Promise<void> {
  if (args.includes("--demo")) {
    // A fresh demo workspace's traffic against the generator's ground truth.
    const { demoEvalLines } = await import("@/lib/demo/eval-lines");
    const { evaluateThreads } = await import("./thread-eval");
    const days = Number(option({ args, name: "days" }) ?? 14);
    if (!Number.isInteger(days) || days < 1 || days > 60) throw new Error("--days must be a whole number from 1 to 60");
    const nowArg = option({ args, name: "now" });
    const now = nowArg === undefined ? Date.now() : Date.parse(nowArg);
    if (!Number.isFinite(now)) throw new Error("--now must be an ISO date and time");
    const demo = demoEvalLines({ now, days });
    if (args.includes("--learn")) {
      if (days < 2) throw new Error("--learn needs at least 2 days");
      // The last day's traffic, classified by the base model alone and then by the layer a team
      // that triaged every earlier day has taught.
      const since = Math.max(...demo.lines.map((l) => Date.parse(l.event.createdAt))) + 1 - 24 * 3600_000;
      const pick = ({ queue, request, examples }: { queue: unknown; request?: unknown; examples: number }) => ({ queue, request, examples });
      const without = pick(await evaluateThreads({ ...demo, log, since }));
      const learned = pick(await evaluateThreads({ ...demo, log, since, learnDaily: true, errors: errorCount(args) }));
      console.log(JSON.stringify({ days, since: new Date(since).toISOString(), without, learned }));
      return;
    }
    console.log(JSON.stringify(await evaluateThreads({ ...demo, log, errors: errorCount(args) })));
    return;
  }
  const file = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--errors"));
  if (!file) throw new Error("usage: classify eval FILE.jsonl [--errors N] | eval --demo [--days N] [--now ISO] [--learn] [--errors N]");
  const raw = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as unknown;
      } catch (error) {
        throw new Error(`line ${i + 1}: malformed JSON: ${(error as Error).message}`);
      }
    });
  // InboundEvents with platform kinds are threaded through the pipeline; plain texts are scored alone.
  if (raw.length > 0 && isThreadLine(raw[0])) {
    const { evaluateThreads, parseThreadLines } = await import("./thread-eval");
    console.log(JSON.stringify(await evaluateThreads({ lines: parseThreadLines(raw), log, errors: errorCount(args) })));
    return;
  }
  const lines = raw as EvalLine[];
  classify("warm up");
  const started = performance.now();
  const predictions = lines.map((l) => classify(l.text));
  console.log(JSON.stringify(summarize({ lines, predictions, ms: performance.now() - started })));
}

async function predict(): Promise<void> {
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const text of input) {
    const c = classify(text);
    const line = { text, language: c.language, category: c.category, complaint: c.complaint, sentiment: c.sentiment, sentimentScore: c.sentimentScore, confidence: c.confidence, reasons: c.reasons };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

function writeCorpus(): void {
  const lines = generateCorpus();
  fs.writeFileSync(path.join(corpusDir(), "corpus.jsonl"), lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  console.log(JSON.stringify({ lines: lines.length }));
}

export async function runCli(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (command === "train") return train(args);
  if (command === "eval") return evaluate(args);
  if (command === "predict") return predict();
  if (command === "cv") {
    const examples = loadSources(sourcesOf(args));
    const folds = Number(option({ args, name: "folds" }) ?? 5);
    const targets = option({ args, name: "targets" })?.split(",").map((s) => s.trim()).filter(Boolean);
    console.log(JSON.stringify(crossValidate({ examples, folds, targets, log }), null, 2));
    return;
  }
  if (command === "corpus") return writeCorpus();
  if (command === "bench") {
    console.log(JSON.stringify(benchmark()));
    return;
  }
  throw new Error("usage: classify train [--sources a,b] [--brand SLUG] | eval FILE.jsonl [--errors N] | eval --demo [--days N] [--now ISO] [--learn] [--errors N] | predict | cv [--sources a,b] [--folds k] [--targets a,b] | corpus | bench");
}
