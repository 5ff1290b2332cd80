import { describe, expect, it } from "vitest";
import { classify } from "@/lib/classify";
import { AUTHOR_FEATURES, authorFeatures, decideConversation, type ConversationMessage, type ConversationParams } from "@/lib/classify/conversation";
import type { ClassifyContext } from "@/lib/classify/types";

const ctx = (over: Partial<ClassifyContext> = {}): ClassifyContext => ({
  kind: "public_comment",
  replyTo: "brand_post",
  mentions: { brand: false, others: 0 },
  brandAnsweredAuthor: false,
  authorHistory: { requests: 0, messages: 0 },
  ...over,
});

// A message with a given request probability, for the rules that do not depend on the model.
const msg = (authorId: string, p: number, over: Partial<ConversationMessage> = {}): ConversationMessage => ({
  authorId,
  classification: { category: p >= 0.5 ? "request" : "noise", confidence: Math.max(p, 1 - p), complaint: false, requestProbability: p },
  context: ctx(),
  ...over,
});
const PLAIN: ConversationParams = { weights: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], bias: 0, threshold: 0.5 };

// Messages classified by the shipped model with their context, as the pipeline would.
function thread(lines: [string, string, Partial<ClassifyContext>][]): ConversationMessage[] {
  const previous = new Map<string, string[]>();
  return lines.map(([authorId, text, over]) => {
    const prev = previous.get(authorId);
    const context = ctx({ ...over, previousFromAuthor: prev });
    previous.set(authorId, [...(prev ?? []), text]);
    return { authorId, classification: classify(text, { context }), context };
  });
}

describe("decideConversation: the rules", () => {
  it("starts the clock at the requester's first message, not at other people's chatter before it", () => {
    const d = decideConversation([msg("fan", 0.1), msg("anna", 0.2), msg("anna", 0.95), msg("fan", 0.1)], { params: PLAIN });
    expect(d).toMatchObject({ category: "request", requesterId: "anna", clockStartIndex: 1, basis: "model" });
  });

  it("takes a brand reply as proof, and never starts the clock after the replied message", () => {
    const d = decideConversation([msg("fan", 0.1), msg("bob", 0.2, { brandReplied: true }), msg("anna", 0.9)], { params: PLAIN });
    expect(d).toMatchObject({ category: "request", requesterId: "bob", clockStartIndex: 1, basis: "brand reply", confidence: 1 });
  });

  it("lets an agent's correction decide and move the clock", () => {
    const base = [msg("fan", 0.1), msg("anna", 0.9), msg("carl", 0.2)];
    expect(decideConversation(base, { params: PLAIN })).toMatchObject({ requesterId: "anna", clockStartIndex: 1 });
    const moved = decideConversation([base[0], { ...base[1], correction: "noise" }, { ...base[2], correction: "request" }], { params: PLAIN });
    expect(moved).toMatchObject({ category: "request", requesterId: "carl", clockStartIndex: 2, basis: "correction" });
    // a second person asking later does not move the clock of the first request
    const second = decideConversation([base[0], base[1], { ...base[2], correction: "request" }], { params: PLAIN });
    expect(second).toMatchObject({ category: "request", requesterId: "carl", clockStartIndex: 1, basis: "correction" });
    const noise = decideConversation([base[0], { ...base[1], correction: "noise" }, base[2]], { params: PLAIN });
    expect(noise).toMatchObject({ category: "noise", requesterId: null, clockStartIndex: null });
  });

  it("says noise for an empty cycle and keeps confidence in range", () => {
    expect(decideConversation([], { params: PLAIN }).category).toBe("noise");
    for (const p of [0, 0.3, 0.5, 0.7, 1]) {
      const c = decideConversation([msg("a", p)], { params: PLAIN }).confidence;
      expect(c).toBeGreaterThanOrEqual(0.5);
      expect(c).toBeLessThanOrEqual(1);
    }
  });

  it("reads classifications stored without a probability", () => {
    const old = { authorId: "a", classification: { category: "request" as const, confidence: 0.9, complaint: false } };
    expect(decideConversation([old], { params: PLAIN }).category).toBe("request");
  });
});

describe("authorFeatures: the shape of the strongest message", () => {
  const feature = (x: number[], name: (typeof AUTHOR_FEATURES)[number]) => x[AUTHOR_FEATURES.indexOf(name)];

  it("marks a short reply to another person and leaves the shape at 0 without a text", () => {
    const [, metoo] = authorFeatures([
      msg("anna", 0.9, { text: "where is my refund? order 88231945" }),
      msg("fan", 0.6, { text: "@anna same here 😂", context: ctx({ replyTo: "customer" }) }),
    ]);
    expect(feature(metoo.x, "the author's strongest message is short (three words or fewer)")).toBe(1);
    expect(feature(metoo.x, "the author's strongest message replies to another person")).toBe(1);
    expect(feature(metoo.x, "logit of the author's strongest message when it is short (0 otherwise)")).toBeCloseTo(Math.log(0.6 / 0.4));
    expect(feature(metoo.x, "logit of the strongest earlier message by another person when the author's strongest is short")).toBeCloseTo(Math.log(0.9 / 0.1));
    const [asker] = authorFeatures([msg("anna", 0.9, { text: "where is my refund? order 88231945" })]);
    expect(feature(asker.x, "the author's strongest message is short (three words or fewer)")).toBe(0);
    expect(feature(asker.x, "a question mark in any of the author's messages")).toBe(1);
    const [bare] = authorFeatures([msg("anna", 0.6)]);
    expect(feature(bare.x, "the author's strongest message is short (three words or fewer)")).toBe(0);
    expect(feature(bare.x, "log of the words in the author's strongest message")).toBe(0);
    expect(authorFeatures([msg("a", 0.5)])[0].x).toHaveLength(AUTHOR_FEATURES.length);
  });
});

describe("decideConversation with the shipped model", () => {
  it("makes one request of a private burst, from the greeting", () => {
    const d = decideConversation(thread([["anna", "Hi", { kind: "private_message", replyTo: "none" }], ["anna", "my bag is lost, flight SJ2231 from Rome", { kind: "private_message", replyTo: "none" }]]));
    expect(d).toMatchObject({ category: "request", requesterId: "anna", clockStartIndex: 0 });
  });

  it("keeps fans chatting with one ambiguous 'me too' out of the queue", () => {
    const d = decideConversation(
      thread([
        ["a", "i pari 🙌", {}],
        ["b", "E njëjta gjë më ndodhi edhe mua, fatkeqësisht", { replyTo: "customer" }],
        ["c", "dakord 👆", { replyTo: "customer" }],
      ]),
    );
    expect(d.category).toBe("noise");
  });

  it("puts a customer's question under a post in the queue, with the person who asked", () => {
    const d = decideConversation(
      thread([
        ["fan", "love the new cups 😍", {}],
        ["anna", "@fan same!", { replyTo: "customer", mentions: { brand: false, others: 1 } }],
        ["bob", "where is my order 88231945? it was due on monday", { replyTo: "customer" }],
      ]),
    );
    expect(d).toMatchObject({ category: "request", requesterId: "bob", clockStartIndex: 2 });
  });
});

describe("classify with context", () => {
  it("reads a question to a friend as noise and the same words to the brand in private as a request", () => {
    const text = "@nomad4 утре кафе на Mall of Sofia?";
    const between = classify(text, { context: ctx({ replyTo: "customer", mentions: { brand: false, others: 1 } }) });
    expect(between.language).toBe("bg");
    expect(between.category).toBe("noise");
  });

  it("stays the same without a context, and gives reasons from the context", () => {
    const text = "where is my refund?";
    expect(classify(text, { context: null })).toEqual(classify(text));
    const c = classify("Hi", { context: ctx({ kind: "private_message", replyTo: "none" }) });
    expect(c.requestProbability).toBeGreaterThan(classify("Hi").requestProbability ?? 1);
  });

  it("keeps a scam out of the queue wherever it sits", () => {
    for (const context of [ctx(), ctx({ kind: "private_message", replyTo: "none" }), ctx({ replyTo: "none", mentions: { brand: true, others: 0 } })]) {
      expect(classify("Herzlichen Glückwunsch! Sie wurden für ein gratis iPhone 15 ausgewählt: https://bit.ly/x1", { context }).category).toBe("noise");
    }
  });
});
