// The model team's own runner: `npx tsx lib/classify/train/run.ts <command>` (the product CLI,
// `npm run classify`, keeps train / eval / cv / bench).
import fs from "node:fs";
import path from "node:path";
import { corpusDir, modelDir } from "../paths";
import { writeThreadCorpus, HELDOUT_FILE } from "../corpus/threads/write";
import { loadModel, readModel } from "../model";
import { setLanguageProfiles } from "../language";
import { buildBaseModel, saveBaseModel } from "./build";
import { crossValidateConversation, fitConversation, scoredThreads, type ScoredThread } from "./conversation-fit";
import { jointCrossValidate } from "./cv";
import { loadSources, SOURCE_NAMES, threadExamples } from "./sources";
import { evaluateThreads } from "./thread-eval";
import { buildLanguageProfiles, calibrateConversation } from "./build";
import { featurize } from "./train-model";
import { binaryMetrics } from "./metrics";
import { readProfiles } from "../lang/profiles";
import { NET_TRAINING, REQUEST_TRAINING } from "./config";
import { chooseThresholds, crossFittedFigures, readThresholds, THRESHOLDS_FILE } from "./thresholds";

const log = (m: string) => process.stderr.write(`${m}\n`);
const option = (args: string[], name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
// `--dropout P`, `--other-dropout P`, `--char-blend W`, `--second chars|nb`, `--epochs N`, `--l2 L`: the request head's training (config.ts REQUEST_TRAINING)
// for train, cv and calibrate.
function requestTrainingOf(args: string[]): void {
  const dropout = option(args, "dropout");
  const blend = option(args, "char-blend");
  if (dropout !== undefined) REQUEST_TRAINING.dropout = Number(dropout);
  if (blend !== undefined) REQUEST_TRAINING.charBlend = Number(blend);
  const other = option(args, "other-dropout");
  if (other !== undefined) REQUEST_TRAINING.otherDropout = Number(other);
  const second = option(args, "second");
  if (second === "nb" || second === "chars") REQUEST_TRAINING.second = second;
  else if (second !== undefined) throw new Error("--second must be chars or nb");
  const epochs = option(args, "epochs");
  if (epochs !== undefined) REQUEST_TRAINING.epochs = Number(epochs);
  const l2 = option(args, "l2");
  if (l2 !== undefined) REQUEST_TRAINING.l2 = Number(l2);
  if (!(REQUEST_TRAINING.dropout >= 0 && REQUEST_TRAINING.dropout < 1 && REQUEST_TRAINING.charBlend >= 0 && REQUEST_TRAINING.charBlend <= 1)) {
    throw new Error("--dropout must be in [0, 1) and --char-blend in [0, 1]");
  }
  log(`request head: ${JSON.stringify(REQUEST_TRAINING)}`);
}
// `--net`: train the small network beside the linear heads (config.ts NET_TRAINING), with
// `--net-bits B`, `--net-dim D`, `--net-hidden U`, `--net-epochs N`, `--net-rate R`,
// `--net-emb-rate R`, `--net-init A`, `--net-dropout P`, `--net-seed S`, `--net-blend b0,b1,b2,b3`,
// `--net-tasks t0,t1,t2,t3`.
function netTrainingOf(args: string[]): void {
  if (!args.includes("--net")) return;
  NET_TRAINING.enabled = true;
  const numbers: [string, "bucketBits" | "dim" | "hidden" | "epochs" | "rate" | "embRate" | "init" | "dropout" | "seed"][] = [
    ["net-bits", "bucketBits"],
    ["net-dim", "dim"],
    ["net-hidden", "hidden"],
    ["net-epochs", "epochs"],
    ["net-rate", "rate"],
    ["net-emb-rate", "embRate"],
    ["net-init", "init"],
    ["net-dropout", "dropout"],
    ["net-seed", "seed"],
  ];
  for (const [flag, key] of numbers) {
    const v = option(args, flag);
    if (v !== undefined) NET_TRAINING[key] = Number(v);
  }
  const blend = option(args, "net-blend");
  if (blend !== undefined) NET_TRAINING.blend = blend.split(",").map(Number);
  const tasks = option(args, "net-tasks");
  if (tasks !== undefined) NET_TRAINING.tasks = tasks.split(",").map(Number);
  if (NET_TRAINING.blend.length !== 4 || NET_TRAINING.blend.some((b) => !(b >= 0 && b <= 1))) throw new Error("--net-blend takes four weights in [0, 1]");
  log(`network: ${JSON.stringify(NET_TRAINING)}`);
}
const sourcesOf = (args: string[]) => option(args, "sources")?.split(",").filter(Boolean) ?? SOURCE_NAMES;

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  requestTrainingOf(args);
  netTrainingOf(args);
  if (command === "threads") {
    console.log(JSON.stringify(writeThreadCorpus()));
    return;
  }
  if (command === "train") {
    const started = performance.now();
    const { model, profiles } = buildBaseModel({ examples: loadSources(sourcesOf(args)), log });
    saveBaseModel({ model, profiles, dir: option(args, "out") });
    console.log(JSON.stringify({ version: model.meta.version, examples: model.meta.examples, conversation: model.meta.conversation, seconds: Math.round((performance.now() - started) / 1000) }));
    return;
  }
  if (command === "cv") {
    const examples = loadSources(sourcesOf(args));
    setLanguageProfiles(buildLanguageProfiles(examples));
    const folds = Number(option(args, "folds") ?? 5);
    const { results, predictions, scored } = jointCrossValidate({ examples, folds, log });
    // Per-language thresholds: the shipped ones are chosen on all folds' scores (written to
    // train/thresholds.json for training); the reported figures judge each fold by thresholds
    // chosen on the other folds.
    const thresholds = chooseThresholds({ examples, scored });
    if (args.includes("--write-thresholds")) fs.writeFileSync(THRESHOLDS_FILE, `${JSON.stringify(thresholds, null, 2)}\n`);
    const crossFitted = crossFittedFigures({ examples, scored, folds });
    // The conversation decision on the training threads' out-of-fold probabilities (fitted and
    // measured on the same folds: a check, not a test; the held-out file is the test).
    const fit = fitConversation({ threads: scoredThreads({ examples, predictions }) });
    const out = { results, crossFitted, thresholds, conversation: fit };
    const file = option(args, "json");
    if (file) fs.writeFileSync(file, JSON.stringify(out, null, 2));
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  if (command === "calibrate") {
    // Development check on the training threads only (template-grouped folds): the queue the
    // calibrated conversation decision gives, and message figures.
    const fromScored = option(args, "from-scored");
    if (fromScored) {
      // Refit the author model alone on threads scored by an earlier `calibrate --save-scored`
      // (same folds, same message model): minutes instead of four retrainings.
      // `--features N`: the first N author features only (to compare with an earlier set);
      // `--min-recall R`: the share of training request messages the threshold keeps;
      // `--positive-weight W`: each request author counts W times in the fit.
      // `--temperature T`: each message's request logit divided by T first (a calibration of the
      // message probability on out-of-fold scores, tried in the fourth round).
      const temperature = Number(option(args, "temperature") ?? 1);
      const threads = withTemplates(JSON.parse(fs.readFileSync(fromScored, "utf8")) as ScoredThread[]).map((t) => (temperature === 1 ? t : { ...t, messages: t.messages.map((m) => ({ ...m, classification: { ...m.classification, requestProbability: tempered(m.classification.requestProbability ?? 0, temperature) } })) }));
      const features = option(args, "features") ? Number(option(args, "features")) : undefined;
      const minRecall = Number(option(args, "min-recall") ?? 0.985);
      const positiveWeight = Number(option(args, "positive-weight") ?? 1);
      const refit = fitConversation({ threads, minRecall, features, positiveWeight });
      log(`conversation threshold ${refit.threshold}: training-fold queue precision ${refit.trainPrecision}, recall ${refit.trainRecall}`);
      // Cross-validated: each quarter of the threads decided by a model and threshold fitted on the rest.
      const cv = crossValidateConversation({ threads, folds: 4, minRecall, features, positiveWeight, groupOf: (t) => t.template });
      if (args.includes("--patch-meta")) patchConversation(refit);
      console.log(JSON.stringify({ threshold: refit.threshold, precision: refit.trainPrecision, recall: refit.trainRecall, cv, weights: refit.weights, bias: refit.bias }));
      return;
    }
    const examples = loadSources(sourcesOf(args));
    setLanguageProfiles(buildLanguageProfiles(examples));
    // `--blends b,…` (with --net): the request head's blend with the network swept on the same
    // fold models; each blend's scored threads saved as F-b<blend>.json, with their message AUC.
    const blends = option(args, "blends")?.split(",").map(Number);
    const fit = calibrateConversation({ examples, data: featurize(examples), log, thresholds: readThresholds(), blends });
    if (!fit) return;
    const saveAs = option(args, "save-scored");
    for (const [b, predictions] of fit.byBlend ?? []) {
      const threads = scoredThreads({ examples, predictions });
      if (saveAs) fs.writeFileSync(saveAs.replace(/\.json$/, `-b${b}.json`), JSON.stringify(threads));
      log(`blend ${b}: thread message AUC ${requestAuc(threads)}`);
    }
    const pairs = [...fit.predictions.entries()].map(([i, c]) => ({ gold: examples[i].request === true || examples[i].complaint === true, predicted: c.category === "request" }));
    // The scored training threads, to try author-model variants without the folds' retraining.
    const scoredFile = option(args, "save-scored");
    if (scoredFile) fs.writeFileSync(scoredFile, JSON.stringify(scoredThreads({ examples, predictions: fit.predictions })));
    if (args.includes("--dump")) {
      const low = [...fit.predictions.entries()]
        .filter(([i]) => examples[i].request === true)
        .sort((a, b) => (a[1].requestProbability ?? 0) - (b[1].requestProbability ?? 0))
        .slice(0, 80);
      for (const [i, c] of low) log(`${c.requestProbability} ${examples[i].template} ${examples[i].context?.kind}/${examples[i].context?.replyTo} | ${examples[i].text}`);
    }
    if (args.includes("--patch-meta")) {
      // The conversation calibration alone, written into the committed model's meta.json: the
      // same function and data as in `train`, without retraining the unchanged heads.
      patchConversation(fit);
    }
    console.log(JSON.stringify({ threshold: fit.threshold, precision: fit.trainPrecision, recall: fit.trainRecall, message: binaryMetrics(pairs) }));
    return;
  }
  if (command === "eval-threads") {
    const dir = option(args, "model");
    if (dir) setLanguageProfiles(readProfiles(dir));
    const model = dir ? readModel(dir) : loadModel();
    console.log(JSON.stringify(evaluateThreads({ file: args.find((a) => a.endsWith(".jsonl")) ?? HELDOUT_FILE, model }), null, 2));
    return;
  }
  throw new Error("usage: run.ts threads | train [--sources a,b] [--out DIR] | cv [--sources a,b] [--folds k] [--json FILE] | eval-threads [FILE] [--model DIR]");
}

// Scored threads saved before messages carried their text get it back from the thread corpus (the
// same generation, in the same order), with the sentence template of each thread's first message.
function withTemplates(threads: ScoredThread[]): (ScoredThread & { template: string })[] {
  const examples = threadExamples(fs.readFileSync(path.join(corpusDir(), "threads", "train.jsonl"), "utf8")).filter((e) => e.source === "threads");
  const byGroup = new Map<string, typeof examples>();
  for (const e of examples) byGroup.set(e.group, [...(byGroup.get(e.group) ?? []), e]);
  const groups = [...byGroup.values()];
  if (groups.length !== threads.length) throw new Error(`scored threads (${threads.length}) do not match the thread corpus (${groups.length})`);
  return threads.map((t, i) => {
    const g = groups[i];
    if (g.length !== t.messages.length || g.some((e, j) => e.authorId !== t.messages[j].authorId)) throw new Error(`scored thread ${i} does not match the thread corpus`);
    return { ...t, messages: t.messages.map((m, j) => ({ ...m, text: m.text ?? g[j].text })), template: g[0].template ?? String(i) };
  });
}

// Area under the ROC curve of the thread messages' request probability (ties count half).
function requestAuc(threads: ScoredThread[]): number {
  const ps = threads.flatMap((t) => t.messages.map((m, i) => ({ p: m.classification.requestProbability ?? 0, y: t.gold[i] })));
  ps.sort((a, b) => a.p - b.p);
  let pos = 0;
  let neg = 0;
  let sum = 0;
  for (let i = 0; i < ps.length; ) {
    let j = i;
    let p = 0;
    let n = 0;
    while (j < ps.length && ps[j].p === ps[i].p) {
      if (ps[j].y) p++;
      else n++;
      j++;
    }
    sum += p * (neg + n / 2);
    pos += p;
    neg += n;
    i = j;
  }
  return Math.round((sum / Math.max(1, pos * neg)) * 1e4) / 1e4;
}

function tempered(p: number, t: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return 1 / (1 + Math.exp(-Math.log(q / (1 - q)) / t));
}

// The conversation calibration written into the committed model's meta.json.
function patchConversation(fit: { weights: number[]; bias: number; threshold: number }): void {
  const metaFile = path.join(modelDir(), "meta.json");
  const meta = JSON.parse(fs.readFileSync(metaFile, "utf8"));
  meta.conversation = { weights: fit.weights, bias: fit.bias, threshold: fit.threshold };
  fs.writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
