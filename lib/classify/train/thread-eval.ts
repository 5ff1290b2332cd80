import fs from "node:fs";
import { classifyWith } from "../classify";
import { BRANDS } from "../corpus/generate";
import { decideConversation, type ConversationParams } from "../conversation";
import type { BaseModel } from "../model";
import { groupThreads, threadContexts, type ThreadEvent } from "../thread";
import { binaryMetrics, type BinaryMetrics } from "./metrics";

export type ThreadEvalResult = {
  threads: number;
  inbound: number;
  requests: number;
  queue: { precision: number; recall: number; size: number };
  request: BinaryMetrics;
  negative?: BinaryMetrics;
  byLanguage: Record<string, { n: number; request: BinaryMetrics; queuePrecision: number; queueRecall: number }>;
  withoutContext: { request: BinaryMetrics };
};

const round = (v: number) => Math.round(v * 10000) / 10000;

// Thread-shaped labelled JSONL through the classifier with context and the conversation decision:
// message figures, and the queue (conversations decided request): precision = share of them that
// hold a true request, recall = share of true request messages whose conversation is in it.
export function evaluateThreads({ file, model, params }: { file: string; model: BaseModel; params?: ConversationParams }): ThreadEvalResult {
  const events = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ThreadEvent);
  const threads = groupThreads(events);
  const pairs: { gold: boolean; predicted: boolean; lang: string }[] = [];
  const plain: { gold: boolean; predicted: boolean }[] = [];
  const neg: { gold: boolean; predicted: boolean }[] = [];
  const queue: { lang: string; inQueue: boolean; requests: number }[] = [];
  for (const thread of threads) {
    const contexts = threadContexts({ thread, brandHandles: BRANDS });
    const messages = [];
    let requests = 0;
    for (let i = 0; i < thread.length; i++) {
      const e = thread[i];
      if (e.direction !== "inbound") continue;
      const c = classifyWith({ model, text: e.text, context: contexts[i] });
      const gold = e.label === "request";
      if (gold) requests++;
      pairs.push({ gold, predicted: c.category === "request", lang: e.lang ?? c.language });
      plain.push({ gold, predicted: classifyWith({ model, text: e.text }).category === "request" });
      if (e.sentiment) neg.push({ gold: e.sentiment === "negative", predicted: c.sentiment === "negative" });
      messages.push({ authorId: e.author.id, classification: c, context: contexts[i], text: e.text });
    }
    const decision = decideConversation(messages, { params: params ?? model.meta.conversation });
    queue.push({ lang: thread[0].lang ?? "und", inQueue: decision.category === "request", requests });
  }
  const q = (xs: typeof queue) => {
    const inQ = xs.filter((t) => t.inQueue);
    const total = xs.reduce((s, t) => s + t.requests, 0);
    return {
      precision: round(inQ.filter((t) => t.requests > 0).length / Math.max(1, inQ.length)),
      recall: round(inQ.reduce((s, t) => s + t.requests, 0) / Math.max(1, total)),
      size: inQ.length,
    };
  };
  const langs = [...new Set(pairs.map((p) => p.lang))].sort();
  const all = q(queue);
  return {
    threads: threads.length,
    inbound: pairs.length,
    requests: pairs.filter((p) => p.gold).length,
    queue: all,
    request: binaryMetrics(pairs),
    negative: neg.length ? binaryMetrics(neg) : undefined,
    byLanguage: Object.fromEntries(
      langs.map((lang) => {
        const lq = q(queue.filter((t) => t.lang === lang));
        const lp = pairs.filter((p) => p.lang === lang);
        return [lang, { n: lp.length, request: binaryMetrics(lp), queuePrecision: lq.precision, queueRecall: lq.recall }];
      }),
    ),
    withoutContext: { request: binaryMetrics(plain) },
  };
}
