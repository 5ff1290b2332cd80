import { describe, expect, it } from "vitest";
import { classify } from "@/lib/classify";
import { evaluateThreads, isThreadLine, parseThreadLines } from "@/lib/classify/thread-eval";
import { demoEvalLines } from "@/lib/demo/eval-lines";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 10, minute)).toISOString();
const line = (externalId: string, text: string, extra: Record<string, unknown>) => ({
  externalId,
  channel: "facebook",
  kind: "public_comment",
  author: { id: `a-${externalId}` },
  text,
  createdAt: at(Number(externalId.replace(/\D/g, ""))),
  ...extra,
});

// A stand-in model that calls anything with a question mark a request, so the figures are known.
const questionMarks = (text: string) => {
  const asks = text.includes("?");
  return { ...classify(text), category: asks ? ("request" as const) : ("noise" as const), complaint: false, requestProbability: asks ? 0.99 : 0.01 };
};

describe("eval on thread-shaped InboundEvents", () => {
  it("threads the events through the pipeline and scores the queue an agent would see", async () => {
    const raw = [
      line("m1", "Where is my refund?", { threadId: "t1", label: "request" }),
      line("m2", "same here", { inReplyTo: "m1", label: "noise" }),
      line("m3", "lovely photo", { threadId: "t2", label: "noise" }),
      line("m4", "who is coming tonight?", { threadId: "t5", label: "noise" }),
      line("m5", "my order never came", { threadId: "t3", label: "request" }),
      line("m6", "nice", { threadId: "t4", label: "noise" }),
    ];
    expect(raw.every(isThreadLine)).toBe(true);
    const result = await evaluateThreads({ lines: parseThreadLines(raw), classifyText: questionMarks });
    // Queued: t1 (a true request) and t5 (chatter with a question): precision 1/2. The missed
    // request of t3 leaves recall at 1 of 2 request messages.
    expect(result.queue).toEqual({ precision: 0.5, recall: 0.5, conversations: 5, queued: 2, requests: 2 });
    expect(result.conversations).toBe(5);
    expect(result.request).toMatchObject({ n: 6, precision: 0.5, recall: 0.5 });
  });

  it("names the line and the field of a bad event, and refuses unknown platform kinds", () => {
    expect(() => parseThreadLines([{ externalId: "x", channel: "facebook", author: {}, text: "hi", createdAt: at(1) }])).toThrow(/line 1: author\.id/);
    expect(isThreadLine({ externalId: "x", channel: "myspace" })).toBe(false);
  });

  it("scores a fresh demo's traffic against the generator's ground truth, on the demo's own channels", async () => {
    const { lines, channels } = demoEvalLines({ now: Date.parse("2026-03-02T12:00:00Z"), days: 1 });
    const inbound = lines.filter((l) => l.event.direction === "inbound");
    expect(inbound.length).toBeGreaterThan(100);
    expect(inbound.every((l) => l.label && l.channelKey && channels.some((c) => c.key === l.channelKey))).toBe(true);
    const result = await evaluateThreads({ lines, channels });
    expect(result.queue.requests).toBe(inbound.filter((l) => l.label === "request").length);
    expect(result.n).toBe(inbound.length);
    expect(result.queue.queued).toBeGreaterThan(0);
  });

  it("learns from a team's daily corrections: the last day scored alone, with and without the brand's layer", async () => {
    const now = Date.parse("2026-03-04T12:00:00Z");
    const { lines, channels } = demoEvalLines({ now, days: 3 });
    const since = Math.max(...lines.map((l) => Date.parse(l.event.createdAt))) + 1 - 24 * 3600_000;
    const lastDay = lines.filter((l) => l.event.direction === "inbound" && Date.parse(l.event.createdAt) >= since);
    const without = await evaluateThreads({ lines, channels, since });
    const learned = await evaluateThreads({ lines, channels, since, learnDaily: true });
    expect(without.n).toBe(lastDay.length);
    expect(learned.n).toBe(lastDay.length);
    expect(without.examples).toBe(0);
    // two evenings of corrections and replies taught the layer
    expect(learned.examples).toBeGreaterThan(100);
    expect(learned.queue.requests).toBe(lastDay.filter((l) => l.label === "request").length);
    expect(learned.queue.precision).toBeGreaterThan(without.queue.precision);
    expect(learned.queue.recall).toBeGreaterThanOrEqual(without.queue.recall);
  }, 120_000);
});
