import type { SlaState } from "@/db/schema";
import type { Action, BrandCondition, MessageCondition, Rule } from "./rule-schema";
import { isBrandCondition } from "./rule-schema";

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

export type BrandFacts = { liveSeconds: number | null; waiting: number };

export type CompiledRule = {
  id: number;
  name: string;
  actions: Action[];
  usesSla: boolean;
  escalates: boolean;
  // Cues (what matched, for people) or null when the rule does not match.
  test: (facts: MessageFacts) => Promise<string[] | null>;
};

type Check<F> = { cost: number; test: (facts: F) => Awaitable<string | null> };

const WORD = "[\\p{L}\\p{N}\\p{M}_]";
// Scripts written without spaces between words: a boundary check would never match inside a sentence.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One regex for a keyword list: case-insensitive, Unicode, whole words; `*` matches word characters. */
export function keywordPattern(terms: readonly string[]): RegExp {
  const parts = terms.map((raw) => {
    const term = raw.normalize("NFKC").trim();
    const body = term
      .split(/\s+/)
      .map((word) => word.split("*").map(escapeRegExp).join(`${WORD}*`))
      .join("\\s+");
    return UNSPACED.test(term) ? body : `(?<!${WORD})${body}(?!${WORD})`;
  });
  return new RegExp(parts.join("|"), "giu");
}

function keywordCheck(terms: string[]): Check<MessageFacts> {
  const pattern = keywordPattern(terms);
  return {
    cost: 2,
    test: ({ text }) => {
      const found = new Set<string>();
      for (const m of text.normalize("NFKC").matchAll(pattern)) {
        found.add(m[0].toLowerCase());
        if (found.size >= 5) break;
      }
      return found.size ? `keyword: ${[...found].join(", ")}` : null;
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
    case "repeat_contact":
      return {
        cost: 10,
        test: async (f) => {
          const n = await f.recentConversations(c.days);
          return n >= c.conversations ? `repeat contact: ${n} conversations in ${c.days} d` : null;
        },
      };
    case "sla":
      return {
        cost: 5,
        test: async (f) => {
          const state = await f.slaState();
          return state && (c.states as string[]).includes(state) ? `SLA ${state.replace("_", " ")}` : null;
        },
      };
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

// Cheap checks first; "all" stops at the first miss, "any" at the first hit.
function combine<F>(match: "all" | "any", checks: Check<F>[]): (facts: F) => Promise<string[] | null> {
  const ordered = [...checks].sort((a, b) => a.cost - b.cost);
  return async (facts) => {
    const cues: string[] = [];
    for (const check of ordered) {
      const result = check.test(facts);
      // Most checks are plain comparisons: only a lazy database fact is awaited.
      const cue = result instanceof Promise ? await result : result;
      if (cue) {
        cues.push(cue);
        if (match === "any") return cues;
      } else if (match === "all") return null;
    }
    return cues.length ? cues : null;
  };
}

export function compileRule(rule: Pick<Rule, "id" | "name" | "match" | "conditions" | "actions">): CompiledRule {
  const conditions = rule.conditions.filter((c): c is MessageCondition => !isBrandCondition(c));
  const test = conditions.length === rule.conditions.length ? combine(rule.match, conditions.map(messageCheck)) : async () => null;
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
