import fs from "node:fs";
import path from "node:path";
import { classify } from "../classify";
import { corpusDir } from "../paths";

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
  return {
    messages,
    messagesPerSecond: Math.round(messages / seconds),
    messagesPerCpuSecond: Math.round(messages / cpuSeconds),
    meanChars: Math.round(texts.reduce((sum, t) => sum + t.length, 0) / texts.length),
    loadMs: Math.round(loadMs),
    rssGrowthMB: mb(process.memoryUsage().rss - rssBefore),
    heapUsedMB: mb(process.memoryUsage().heapUsed),
  };
}
