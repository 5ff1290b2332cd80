import { authorFeatures, authorScore, AUTHOR_FEATURES, type ConversationMessage, type ConversationParams } from "../conversation";
import { sigmoid } from "../score";
import type { Classification } from "../types";
import type { Example } from "./sources";

export type ScoredThread = { messages: ConversationMessage[]; gold: boolean[] };

// Threads of the thread-shaped examples (consecutive examples of one group), with a
// classification per message from a model that did not train on them.
export function scoredThreads({ examples, predictions }: { examples: Example[]; predictions: Map<number, Classification> }): ScoredThread[] {
  const threads = new Map<string, ScoredThread>();
  examples.forEach((e, i) => {
    const c = predictions.get(i);
    if (!c || e.source !== "threads") return;
    const t = threads.get(e.group) ?? { messages: [], gold: [] };
    t.messages.push({ authorId: e.authorId ?? e.group, classification: c, context: e.context });
    t.gold.push(e.request === true || e.complaint === true);
    threads.set(e.group, t);
  });
  return [...threads.values()];
}

// The author model: logistic regression by full-batch gradient descent (deterministic), each author
// of each thread one example, gold = the author wrote a request; then the highest threshold on the
// thread score (the best author's) that keeps `minRecall` of the request messages in the queue.
export function fitConversation({ threads, minRecall = 0.985 }: { threads: ScoredThread[]; minRecall?: number }): ConversationParams & { trainPrecision: number; trainRecall: number } {
  const rows: { x: number[]; y: number }[] = [];
  for (const t of threads) {
    for (const a of authorFeatures(t.messages)) {
      const y = t.messages.some((m, i) => m.authorId === a.authorId && t.gold[i]) ? 1 : 0;
      rows.push({ x: a.x, y });
    }
  }
  const d = AUTHOR_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const l2 = 1e-3;
  for (let iter = 0; iter < 600; iter++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (const r of rows) {
      let z = b;
      for (let j = 0; j < d; j++) z += w[j] * r.x[j];
      const e = sigmoid(z) - r.y;
      gb += e;
      for (let j = 0; j < d; j++) gw[j] += e * r.x[j];
    }
    const rate = 0.5;
    b -= (rate * gb) / rows.length;
    for (let j = 0; j < d; j++) w[j] -= rate * (gw[j] / rows.length + l2 * w[j]);
  }
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  const params: ConversationParams = { weights: w.map(round), bias: round(b), threshold: 0.5 };
  const scored = threads.map((t) => ({
    score: Math.max(...authorFeatures(t.messages).map((a) => authorScore({ x: a.x, params }))),
    requests: t.gold.filter(Boolean).length,
  }));
  const totalRequests = scored.reduce((s, t) => s + t.requests, 0);
  const candidates = [...new Set(scored.map((t) => t.score))].sort((a, c) => c - a);
  let threshold = 0.5;
  for (const c of candidates) {
    const kept = scored.filter((t) => t.score >= c).reduce((s, t) => s + t.requests, 0);
    if (kept / totalRequests >= minRecall) {
      threshold = c;
      break;
    }
  }
  // halfway to the next lower score, so the threshold is not an exact training point
  const below = candidates.find((c) => c < threshold);
  if (below !== undefined) threshold = (threshold + below) / 2;
  const queue = scored.filter((t) => t.score >= threshold);
  return {
    ...params,
    threshold: round(threshold),
    trainPrecision: round(queue.filter((t) => t.requests > 0).length / Math.max(1, queue.length)),
    trainRecall: round(queue.reduce((s, t) => s + t.requests, 0) / Math.max(1, totalRequests)),
  };
}
