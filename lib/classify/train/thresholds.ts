import fs from "node:fs";
import path from "node:path";
import type { HeadName } from "../types";
import { binaryMetrics, type BinaryMetrics } from "./metrics";
import type { Example } from "./sources";

// Out-of-fold scores of one example: [request, complaint, negative, positive] probabilities and the
// language the classifier detected (the key the thresholds are looked up by at run time).
export type Scored = { i: number; p: number[]; lang: string; fold: number };
export type Thresholds = Partial<Record<HeadName, Record<string, number>>>;

export const THRESHOLDS_FILE = path.join(process.cwd(), "lib/classify/train/thresholds.json");
const GRID = Array.from({ length: 37 }, (_, k) => Math.round((0.05 + k * 0.025) * 1000) / 1000);
const REQUEST_SOURCES = new Set(["corpus", "threads"]);
// A missed request costs more than a noise comment shown: the request threshold is the one with
// the best macro F1 among those that keep this recall on the language's own-corpus messages.
const MIN_REQUEST_RECALL = 0.96;

const isNegative = (p: number[], t: number) => p[2] >= t && p[2] - t >= p[3] - 0.5;
const gold = {
  request: (e: Example) => (e.complaint === true ? true : (e.request ?? undefined)),
  negative: (e: Example) => (e.sentiment ? e.sentiment === "negative" : undefined),
  complaint: (e: Example) => e.complaint ?? undefined,
};

function best({ rows, score }: { rows: { gold: boolean; p: number[] }[]; score: (t: number) => number }): number | undefined {
  let bestT: number | undefined;
  let bestS = -Infinity;
  for (const t of GRID) {
    const s = score(t);
    if (s > bestS + 1e-9) {
      bestS = s;
      bestT = t;
    }
  }
  return rows.length >= 40 ? bestT : undefined;
}

// Per-language request and negative thresholds, and the English complaint threshold (on the one
// real complaints set), from scored examples.
export function chooseThresholds({ examples, scored }: { examples: Example[]; scored: Scored[] }): Thresholds {
  const byLang = (pick: (e: Example) => boolean | undefined, keep: (e: Example) => boolean) => {
    const groups: Record<string, { gold: boolean; p: number[] }[]> = {};
    for (const s of scored) {
      const e = examples[s.i];
      const g = pick(e);
      if (g === undefined || !keep(e)) continue;
      (groups[s.lang] ??= []).push({ gold: g, p: s.p });
    }
    return groups;
  };
  const out: Thresholds = { request: {}, negative: {}, complaint: {} };
  for (const [lang, rows] of Object.entries(byLang(gold.request, (e) => REQUEST_SOURCES.has(e.source)))) {
    const t = best({
      rows,
      score: (t) => {
        const m = binaryMetrics(rows.map((r) => ({ gold: r.gold, predicted: r.p[0] >= t || r.p[1] >= 0.5 })));
        return m.recall >= MIN_REQUEST_RECALL ? 1 + m.macroF1 : m.recall;
      },
    });
    if (t !== undefined && lang !== "und") out.request![lang] = t;
  }
  for (const [lang, rows] of Object.entries(byLang(gold.negative, () => true))) {
    const t = best({ rows, score: (t) => binaryMetrics(rows.map((r) => ({ gold: r.gold, predicted: isNegative(r.p, t) }))).f1 });
    if (t !== undefined && lang !== "und") out.negative![lang] = t;
  }
  const complaints = byLang(gold.complaint, (e) => e.source === "complaints").en ?? [];
  const tc = best({ rows: complaints, score: (t) => binaryMetrics(complaints.map((r) => ({ gold: r.gold, predicted: r.p[1] >= t }))).macroF1 });
  if (tc !== undefined) out.complaint!.en = tc;
  return out;
}

export type CrossFitted = Record<string, { request?: BinaryMetrics; negative?: BinaryMetrics; complaint?: BinaryMetrics; requestByLanguage?: Record<string, { n: number; macroF1: number; recall: number }> }>;

// Honest figures for thresholds chosen on scores: each fold is judged with thresholds chosen on the
// other folds only.
export function crossFittedFigures({ examples, scored, folds }: { examples: Example[]; scored: Scored[]; folds: number }): CrossFitted {
  const decided = new Map<number, { request: boolean; negative: boolean; complaint: boolean }>();
  for (let f = 0; f < folds; f++) {
    const t = chooseThresholds({ examples, scored: scored.filter((s) => s.fold !== f) });
    for (const s of scored) {
      if (s.fold !== f) continue;
      const complaint = s.p[1] >= (t.complaint?.[s.lang] ?? 0.5);
      decided.set(s.i, {
        complaint,
        request: complaint || s.p[0] >= (t.request?.[s.lang] ?? 0.5),
        negative: isNegative(s.p, t.negative?.[s.lang] ?? 0.5),
      });
    }
  }
  const out: CrossFitted = {};
  for (const source of [...new Set(examples.map((e) => e.source))]) {
    const rows = scored.filter((s) => examples[s.i].source === source);
    const fig = (key: "request" | "negative" | "complaint") => {
      const pairs = rows.flatMap((s) => {
        const g = gold[key](examples[s.i]);
        return g === undefined ? [] : [{ gold: g, predicted: decided.get(s.i)![key] }];
      });
      return pairs.length ? binaryMetrics(pairs) : undefined;
    };
    const entry: CrossFitted[string] = { request: fig("request"), negative: fig("negative"), complaint: fig("complaint") };
    if (REQUEST_SOURCES.has(source)) {
      const groups: Record<string, { gold: boolean; predicted: boolean }[]> = {};
      for (const s of rows) {
        const g = gold.request(examples[s.i]);
        if (g === undefined) continue;
        (groups[examples[s.i].lang ?? s.lang] ??= []).push({ gold: g, predicted: decided.get(s.i)!.request });
      }
      entry.requestByLanguage = Object.fromEntries(Object.entries(groups).sort().map(([l, ps]) => {
        const m = binaryMetrics(ps);
        return [l, { n: m.n, macroF1: m.macroF1, recall: m.recall }];
      }));
    }
    out[source] = entry;
  }
  return out;
}

export function readThresholds(): Thresholds | undefined {
  return fs.existsSync(THRESHOLDS_FILE) ? (JSON.parse(fs.readFileSync(THRESHOLDS_FILE, "utf8")) as Thresholds) : undefined;
}
