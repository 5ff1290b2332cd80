import type { SlaState } from "@/db/schema";
import type { Action, BrandCondition, MessageCondition, Rule } from "./rule-schema";
import { isBrandCondition } from "./rule-schema";
import { findKeywords, keywordMatcher } from "./keywords";

// Pure rule evaluation: the same code runs in ingestion, on SLA transitions and in the dry run.

export type MessageFacts = {
  text: string;
  sentiment: "negative" | "neutral" | "positive" | null;
  sentimentScore: number | null;
  complaint: boolean;
  language: string | null;
  followers: number | null;
  channelId: number;
  channelKind: string;
  visibility: "public" | "private";
  // Lazy: only rules that need them pay for the lookup.
  slaState: () => Awaitable<SlaState | null>;
  recentConversations: (days: number) => Awaitable<number>;
};

type Awaitable<T> = T | Promise<T>;

// A lazy fact is a promise only when it had to be read.
const then = <T, R>(value: Awaitable<T>, fn: (value: T) => R): Awaitable<R> => (value instanceof Promise ? value.then(fn) : fn(value));

export type BrandFacts = { liveSeconds: number | null; waiting: number };

export type CompiledRule = {
  id: number;
  name: string;
  actions: Action[];
  usesSla: boolean;
  escalates: boolean;
  // Cues (what matched, for people) or null when the rule does not match; a promise only when
  // a condition reads a lazy fact.
  test: (facts: MessageFacts) => Awaitable<string[] | null>;
};

type Check<F> = { cost: number; test: (facts: F) => Awaitable<string | null> };

function keywordCheck(terms: string[]): Check<MessageFacts> {
  const matcher = keywordMatcher(terms);
  return {
    cost: 2,
    test: ({ text }) => {
      const { found } = findKeywords(matcher, text);
      return found.length ? `keyword: ${found.join(", ")}` : null;
    },
  };
}

function messageCheck(c: MessageCondition): Check<MessageFacts> {
  switch (c.type) {
    case "negative_sentiment":
      return {
        cost: 0,
        test: (f) => {
          const strength = f.sentimentScore == null ? 0 : Math.max(0, -f.sentimentScore);
          return f.sentiment === "negative" && strength >= c.minStrength ? `negative sentiment (${strength.toFixed(2)})` : null;
        },
      };
    case "complaint":
      return { cost: 0, test: (f) => (f.complaint ? "complaint" : null) };
    case "keywords":
      return keywordCheck(c.terms);
    case "followers":
      return { cost: 0, test: (f) => (f.followers != null && f.followers >= c.min ? `${f.followers.toLocaleString("en")} followers` : null) };
    case "repeat_contact": {
      const verdict = (n: number) => (n >= c.conversations ? `repeat contact: ${n} conversations in ${c.days} d` : null);
      return { cost: 10, test: (f) => then(f.recentConversations(c.days), verdict) };
    }
    case "sla": {
      const verdict = (state: SlaState | null) => (state && (c.states as string[]).includes(state) ? `SLA ${state.replace("_", " ")}` : null);
      return { cost: 5, test: (f) => then(f.slaState(), verdict) };
    }
    case "channel": {
      const ids = new Set(c.channelIds);
      const kinds = new Set<string>(c.kinds);
      return { cost: 0, test: (f) => (ids.has(f.channelId) || kinds.has(f.channelKind) ? `channel: ${f.channelKind}` : null) };
    }
    case "visibility":
      return { cost: 0, test: (f) => (f.visibility === c.visibility ? c.visibility : null) };
    case "language": {
      const languages = new Set(c.languages);
      return { cost: 0, test: (f) => (f.language && languages.has(f.language) ? `language: ${f.language}` : null) };
    }
  }
}

const GO_ON = Symbol("go on");

// Cheap checks first; "all" stops at the first miss, "any" at the first hit. Most checks are
// plain comparisons and decide at once: only a lazy database fact makes the rule wait for it.
function combine<F>(match: "all" | "any", checks: Check<F>[]): (facts: F) => Awaitable<string[] | null> {
  const ordered = [...checks].sort((a, b) => a.cost - b.cost);
  const decide = (cue: string | null, cues: string[]): string[] | null | typeof GO_ON => {
    if (cue) {
      cues.push(cue);
      return match === "any" ? cues : GO_ON;
    }
    return match === "all" ? null : GO_ON;
  };
  const run = (facts: F, from: number, cues: string[]): Awaitable<string[] | null> => {
    for (let i = from; i < ordered.length; i++) {
      const result = ordered[i].test(facts);
      if (result instanceof Promise)
        return result.then((cue) => {
          const decided = decide(cue, cues);
          return decided === GO_ON ? run(facts, i + 1, cues) : decided;
        });
      const decided = decide(result, cues);
      if (decided !== GO_ON) return decided;
    }
    return cues.length ? cues : null;
  };
  return (facts) => run(facts, 0, []);
}

export function compileRule(rule: Pick<Rule, "id" | "name" | "match" | "conditions" | "actions">): CompiledRule {
  const conditions = rule.conditions.filter((c): c is MessageCondition => !isBrandCondition(c));
  const test = conditions.length === rule.conditions.length ? combine(rule.match, conditions.map(messageCheck)) : () => null;
  return {
    id: rule.id,
    name: rule.name,
    actions: rule.actions,
    usesSla: conditions.some((c) => c.type === "sla"),
    escalates: rule.actions.some((a) => a.type === "escalate"),
    test,
  };
}

function brandCheck(c: BrandCondition): Check<BrandFacts> {
  if (c.type === "waiting_above")
    return { cost: 0, test: (f) => (f.waiting > c.count ? `${f.waiting} requests waiting (alert above ${c.count})` : null) };
  return {
    cost: 0,
    test: (f) =>
      f.liveSeconds != null && f.liveSeconds > c.minutes * 60
        ? `live response time ${Math.round(f.liveSeconds / 60)} min (alert above ${c.minutes} min)`
        : null,
  };
}

/** A brand alert's cues when its figures are over the thresholds, else null. */
export async function testBrandRule(rule: Pick<Rule, "match" | "conditions">, facts: BrandFacts): Promise<string[] | null> {
  const conditions = rule.conditions.filter(isBrandCondition);
  if (conditions.length === 0) return null;
  return combine(rule.match, conditions.map(brandCheck))(facts);
}
