import fs from "node:fs";
import path from "node:path";
import { classify } from "../classify";
import { corpusDir } from "../paths";
import { BRANDS } from "../corpus/generate";
import { groupThreads, threadContexts, type ThreadEvent } from "../thread";
import type { ClassifyContext } from "../types";

// Throughput on one core over the corpus and the test fixtures, after a warm-up.
export function benchmark({ messages = 200_000 }: { messages?: number } = {}) {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  classify("warm up the model");
  const loadMs = performance.now() - started;
  const files = [path.join(corpusDir(), "corpus.jsonl"), "tests/fixtures/classify/real-sample.jsonl"];
  const texts = files
    .filter((f) => fs.existsSync(f))
    .flatMap((f) => fs.readFileSync(f, "utf8").split("\n").filter(Boolean))
    .map((line) => (JSON.parse(line) as { text: string }).text);
  for (let i = 0; i < 5000; i++) classify(texts[i % texts.length]);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < messages; i++) classify(texts[i % texts.length]);
  const seconds = (performance.now() - t0) / 1000;
  // CPU time of this process: on a shared machine it says what one core does when it is ours.
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  // The same with the context the pipeline gives (post text, earlier messages), on thread traffic.
  const withContext = benchContext(Math.min(messages, 50_000));
  return {
    messages,
    messagesPerSecond: Math.round(messages / seconds),
    messagesPerCpuSecond: Math.round(messages / cpuSeconds),
    withContextPerCpuSecond: withContext,
    meanChars: Math.round(texts.reduce((sum, t) => sum + t.length, 0) / texts.length),
    loadMs: Math.round(loadMs),
    rssGrowthMB: mb(process.memoryUsage().rss - rssBefore),
    heapUsedMB: mb(process.memoryUsage().heapUsed),
  };
}

function benchContext(messages: number): number | null {
  const file = path.join(corpusDir(), "threads", "train.jsonl");
  if (!fs.existsSync(file)) return null;
  const events = fs.readFileSync(file, "utf8").split("\n").filter(Boolean).slice(0, 4000).map((l) => JSON.parse(l) as ThreadEvent);
  const items: { text: string; context: ClassifyContext | null }[] = [];
  for (const thread of groupThreads(events)) {
    const contexts = threadContexts({ thread, brandHandles: BRANDS });
    thread.forEach((e, i) => items.push({ text: e.text, context: contexts[i] }));
  }
  for (let i = 0; i < 2000; i++) classify(items[i % items.length].text, { context: items[i % items.length].context });
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < messages; i++) classify(items[i % items.length].text, { context: items[i % items.length].context });
  const cpu = process.cpuUsage(cpu0);
  return Math.round(messages / ((cpu.user + cpu.system) / 1e6));
}
