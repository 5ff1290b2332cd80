import { describe, expect, it } from "vitest";
import { compileRule, type MessageFacts } from "@/lib/escalation/evaluate";
import { findKeywords, keywordMatcher } from "@/lib/escalation/keywords";

// Finding 2 of the security review: the keyword `a*a*a*a*a*a*b` over a 105-character comment
// took 3 s in a backtracking regular expression, blocking every other request.
const STARS = ["a*a*a*a*a*a*b", "a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b"];

describe("keyword matching cannot backtrack", () => {
  it("does work linear in the text for pathological keywords", () => {
    const matcher = keywordMatcher(STARS);
    const short = findKeywords(matcher, "a".repeat(1_000));
    const long = findKeywords(matcher, "a".repeat(10_000));
    expect(short.found).toEqual([]);
    expect(long.found).toEqual([]);
    // Each character advances each keyword's states once: at most text × pattern length.
    const patternLength = STARS.join("").length;
    expect(long.steps).toBeLessThanOrEqual(10_000 * patternLength);
    expect(long.steps / short.steps).toBeLessThan(10.5);
  });

  it("a rule with the review's keyword over a long comment stays fast", async () => {
    const rule = compileRule({ id: 1, name: "stars", match: "all", conditions: [{ type: "keywords", terms: STARS }], actions: [{ type: "escalate", level: 1, userIds: [] }] });
    const text = "a".repeat(105) + " " + "aaaa".repeat(5_000);
    const facts = { text, sentiment: null, sentimentScore: null, complaint: false, language: null, followers: null, channelId: 1, channelKind: "api", visibility: "public", slaState: () => null, recentConversations: () => 0 } satisfies MessageFacts;
    const started = performance.now();
    expect(await rule.test(facts)).toBeNull();
    // A generous bound (the backtracking engine needed seconds for 105 characters).
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await rule.test({ ...facts, text: "aaaaaab and aaaaaaaab" })).toEqual(["keyword: aaaaaab, aaaaaaaab"]);
  });

  it("keeps the meaning: whole words, any case, * for word endings, phrases across spaces", () => {
    const m = keywordMatcher(["refund*", "press release", "суд", "c++", "退款"]);
    expect(findKeywords(m, "Any REFUNDS? Refunded!").found).toEqual(["refunds", "refunded"]);
    expect(findKeywords(m, "nonrefundable").found).toEqual([]);
    expect(findKeywords(m, "the press \n  release").found).toEqual(["press \n  release"]);
    expect(findKeywords(m, "в СУД; но не судно").found).toEqual(["суд"]);
    expect(findKeywords(m, "I write C++ code").found).toEqual(["c++"]);
    expect(findKeywords(m, "我要退款").found).toEqual(["退款"]);
    expect(findKeywords(keywordMatcher(["a*b"]), "ab axxb a_b a-b").found).toEqual(["ab", "axxb", "a_b"]);
  });

  it("reports at most five distinct matches in text order", () => {
    const m = keywordMatcher(["w*"]);
    expect(findKeywords(m, "w1 w2 w1 w3 w4 w5 w6 w7").found).toEqual(["w1", "w2", "w3", "w4", "w5"]);
  });
});
