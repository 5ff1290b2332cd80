import { classify } from "@/lib/classify";

export type ClassifierFigures = { messagesPerSecond: number; messages: number };

/** classify() over real inbound texts on this one thread (Node runs JavaScript on one core). */
export function benchClassifier({ texts, minMs = 3000 }: { texts: string[]; minMs?: number }): ClassifierFigures {
  if (texts.length === 0) throw new Error("no texts to classify");
  for (const text of texts.slice(0, 2000)) classify(text);
  let done = 0;
  const t0 = performance.now();
  // Whole passes over the texts until at least minMs have passed, so a small sample still times well.
  do {
    for (const text of texts) classify(text);
    done += texts.length;
  } while (performance.now() - t0 < minMs);
  return { messagesPerSecond: Math.round((done / (performance.now() - t0)) * 1000), messages: done };
}
