import { describe, expect, it } from "vitest";
import { compileRule, testBrandRule, type MessageFacts } from "@/lib/escalation/evaluate";
import { findKeywords, keywordMatcher } from "@/lib/escalation/keywords";
import { parseRule, ruleKind, type Condition } from "@/lib/escalation/rule-schema";

function facts(over: Partial<MessageFacts> = {}): MessageFacts {
  return {
    text: "Where is my order?",
    sentiment: "neutral",
    sentimentScore: 0,
    complaint: false,
    language: "en",
    followers: 120,
    channelId: 7,
    channelKind: "twitter",
    visibility: "public",
    slaState: () => "on_track",
    recentConversations: () => 1,
    ...over,
  };
}

const rule = (conditions: unknown[], match: "all" | "any" = "all") => {
  const parsed = parseRule({ name: "r", match, conditions, actions: [{ type: "add_label", label: "x" }] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return compileRule({ ...parsed.rule, id: 1 });
};
const matches = (conditions: unknown[], f: MessageFacts, match: "all" | "any" = "all") => rule(conditions, match).test(f);

describe("message conditions", () => {
  it("negative sentiment respects the strength threshold", async () => {
    const c = [{ type: "negative_sentiment", minStrength: 0.5 }];
    expect(await matches(c, facts({ sentiment: "negative", sentimentScore: -0.8 }))).toEqual(["negative sentiment (0.80)"]);
    expect(await matches(c, facts({ sentiment: "negative", sentimentScore: -0.3 }))).toBeNull();
    expect(await matches(c, facts({ sentiment: "neutral", sentimentScore: -0.9 }))).toBeNull();
    expect(await matches([{ type: "negative_sentiment" }], facts({ sentiment: "negative", sentimentScore: -0.05 }))).not.toBeNull();
  });

  it("complaint", async () => {
    expect(await matches([{ type: "complaint" }], facts({ complaint: true }))).toEqual(["complaint"]);
    expect(await matches([{ type: "complaint" }], facts())).toBeNull();
  });

  it("keywords are whole words, case-insensitive, in any script", async () => {
    const c = [{ type: "keywords", terms: ["lawyer", "Refund", "суд", "press release"] }];
    expect(await matches(c, facts({ text: "I will call my LAWYER." }))).toEqual(["keyword: lawyer"]);
    expect(await matches(c, facts({ text: "refunds please" }))).toBeNull();
    expect(await matches(c, facts({ text: "Пойду в СУД!" }))).toEqual(["keyword: суд"]);
    expect(await matches(c, facts({ text: "Это судно опоздало" }))).toBeNull();
    expect(await matches(c, facts({ text: "their press\n release says" }))).toEqual(["keyword: press\n release"]);
    expect((await matches(c, facts({ text: "my refund and my lawyer" })))?.[0]).toBe("keyword: refund, lawyer");
  });

  it("a trailing * matches word endings; unspaced scripts match inside a sentence", async () => {
    expect(await matches([{ type: "keywords", terms: ["суд*"] }], facts({ text: "подам в суда на вас" }))).not.toBeNull();
    expect(await matches([{ type: "keywords", terms: ["refund*"] }], facts({ text: "any refunds?" }))).toEqual(["keyword: refunds"]);
    expect(await matches([{ type: "keywords", terms: ["退款"] }], facts({ text: "我要退款" }))).toEqual(["keyword: 退款"]);
    // Regex metacharacters in a keyword are literal.
    expect(findKeywords(keywordMatcher(["a.b"]), "axb").found).toEqual([]);
    expect(findKeywords(keywordMatcher(["a.b"]), "see a.b now").found).toEqual(["a.b"]);
  });

  it("followers at or above N", async () => {
    const c = [{ type: "followers", min: 10000 }];
    expect(await matches(c, facts({ followers: 10000 }))).toEqual(["10,000 followers"]);
    expect(await matches(c, facts({ followers: 9999 }))).toBeNull();
    expect(await matches(c, facts({ followers: null }))).toBeNull();
  });

  it("repeat contact asks for the count over the rule's days", async () => {
    const asked: number[] = [];
    const f = facts({ recentConversations: (days) => (asked.push(days), 3) });
    expect(await matches([{ type: "repeat_contact", conversations: 3, days: 7 }], f)).toEqual(["repeat contact: 3 conversations in 7 d"]);
    expect(asked).toEqual([7]);
    expect(await matches([{ type: "repeat_contact", conversations: 4, days: 7 }], f)).toBeNull();
  });

  it("SLA at risk or breached", async () => {
    const c = [{ type: "sla", states: ["breached"] }];
    expect(await matches(c, facts({ slaState: () => "breached" }))).toEqual(["SLA breached"]);
    expect(await matches(c, facts({ slaState: () => "at_risk" }))).toBeNull();
    expect(await matches([{ type: "sla", states: ["at_risk", "breached"] }], facts({ slaState: () => "at_risk" }))).toEqual(["SLA at risk"]);
  });

  it("channel by id or kind", async () => {
    expect(await matches([{ type: "channel", channelIds: [7] }], facts())).toEqual(["channel: twitter"]);
    expect(await matches([{ type: "channel", kinds: ["vk", "twitter"] }], facts({ channelId: 99 }))).not.toBeNull();
    expect(await matches([{ type: "channel", kinds: ["vk"] }], facts())).toBeNull();
  });

  it("public or private, and language", async () => {
    expect(await matches([{ type: "visibility", visibility: "private" }], facts())).toBeNull();
    expect(await matches([{ type: "visibility", visibility: "public" }], facts())).toEqual(["public"]);
    expect(await matches([{ type: "language", languages: ["ru", "DE"] }], facts({ language: "de" }))).toEqual(["language: de"]);
    expect(await matches([{ type: "language", languages: ["ru"] }], facts())).toBeNull();
  });

  it("all needs every condition, any needs one; costly checks are skipped once decided", async () => {
    let queried = 0;
    const f = facts({ complaint: true, recentConversations: () => (queried++, 5) });
    const c = [{ type: "complaint" }, { type: "repeat_contact", conversations: 2, days: 30 }, { type: "language", languages: ["ru"] }];
    expect(await matches(c, f, "all")).toBeNull();
    expect(queried).toBe(0);
    expect(await matches(c, f, "any")).toEqual(["complaint"]);
    expect(queried).toBe(0);
    expect(await matches(c.slice(0, 2), f, "all")).toEqual(["complaint", "repeat contact: 5 conversations in 30 d"]);
  });
});

describe("brand alerts", () => {
  const alert = (conditions: Condition[] | unknown[], match: "all" | "any" = "any") => {
    const parsed = parseRule({ name: "a", match, conditions, actions: [{ type: "notify_in_app", to: "managers" }] });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    expect(ruleKind(parsed.rule)).toBe("brand_alert");
    return parsed.rule;
  };
  it("fire above the thresholds only", async () => {
    const r = alert([{ type: "live_response_time_above", minutes: 30 }, { type: "waiting_above", count: 10 }]);
    expect(await testBrandRule(r, { liveSeconds: 30 * 60, waiting: 10 })).toBeNull();
    expect(await testBrandRule(r, { liveSeconds: 31 * 60, waiting: 0 })).toEqual(["live response time 31 min (alert above 30 min)"]);
    expect(await testBrandRule(r, { liveSeconds: null, waiting: 11 })).toEqual(["11 requests waiting (alert above 10)"]);
  });
  it("a brand alert never matches a message", async () => {
    expect(await compileRule({ ...alert([{ type: "waiting_above", count: 1 }]), id: 1 }).test(facts())).toBeNull();
  });
});

describe("parseRule", () => {
  it("names the field of each problem", async () => {
    const result = parseRule({
      name: " ",
      conditions: [{ type: "keywords", terms: ["ok", "*"] }, { type: "bogus" }, { type: "channel" }, { type: "followers", min: 0 }],
      actions: [{ type: "escalate", level: 3 }, { type: "notify_in_app", to: "users" }, { type: "notify_email", to: "managers", addresses: ["nope"] }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      name: "A rule needs a name.",
      "conditions.0.terms.1": "A keyword needs at least one letter or digit.",
      "conditions.1.type": "Unknown condition type.",
      "conditions.2.channelIds": "Pick at least one channel or channel kind.",
      "conditions.3.min": "At least 1.",
      "actions.0.level": "Level 1 (managers) or 2 (admins).",
      "actions.1.userIds": "Pick at least one person.",
      "actions.2.addresses.0": "Not an e-mail address.",
    });
  });

  it("refuses mixing brand alerts with message conditions, and non-notify actions on alerts", async () => {
    const mixed = parseRule({ name: "m", conditions: [{ type: "waiting_above", count: 3 }, { type: "complaint" }], actions: [{ type: "notify_in_app", to: "admins" }] });
    expect(mixed.ok).toBe(false);
    const escalating = parseRule({ name: "m", conditions: [{ type: "waiting_above", count: 3 }], actions: [{ type: "escalate", level: 1 }] });
    expect(escalating.ok ? null : escalating.fieldErrors["actions.0.type"]).toMatch(/only notify/);
  });

  it("fills defaults and coerces form strings", async () => {
    const result = parseRule({ name: "Neg", conditions: [{ type: "followers", min: "5000" }], actions: [{ type: "escalate", level: "2" }] });
    expect(result).toEqual({
      ok: true,
      rule: { name: "Neg", enabled: true, match: "all", conditions: [{ type: "followers", min: 5000 }], actions: [{ type: "escalate", level: 2, userIds: [] }] },
    });
  });
});
