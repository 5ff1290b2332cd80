import { compileAll, type Sentiment, type Template } from "./templates";
import { LANGUAGE_PACKS, type DomainTexts } from "./texts";
import { EMOJI_ONLY } from "./texts/shared";

export type DemoTruth = {
  request: boolean;
  complaint: boolean;
  sentiment: Sentiment;
  language: string;
};

/** Everything one brand domain needs in one language, compiled once. */
export type TextSet = {
  language: string;
  requests: Template[];
  complaints: Template[];
  noise: Template[];
  emoji: Template[];
  giveaway: Template[];
  followUps: Template[];
  thanks: Template[];
  crowd: Template[];
  dm: Template[];
  answers: Template[];
  dmAsk: Template[];
  dmOpen: Template[];
  dmAnswers: Template[];
  replyThanks: Template[];
  automated: Template[];
  people: { first: string; female: boolean }[];
  surnames: [male: string, female: string][];
  cities: string[];
  products: string[];
  stores: string[];
  /** Shared truth objects, indexed by truthIndex(). */
  truths: DemoTruth[];
};

const SENTIMENTS: Sentiment[] = ["negative", "neutral", "positive"];

export function truthIndex({ request, complaint, sentiment }: Omit<DemoTruth, "language">): number {
  return (complaint ? 2 : request ? 1 : 0) * 3 + SENTIMENTS.indexOf(sentiment);
}

const DEFAULT_CITIES = LANGUAGE_PACKS.en.slots?.city ?? [];
const DEFAULT_PRODUCTS = LANGUAGE_PACKS.en.slots?.product ?? [];
const DEFAULT_STORES = ["Friedrichstraße", "Alexanderplatz", "Hauptbahnhof", "Kudamm", "Prenzlauer Berg"];

const cache = new Map<string, TextSet>();

export function textSet({ domain, language }: { domain: "airline" | "coffee"; language: string }): TextSet {
  const key = domain + ":" + language;
  const cached = cache.get(key);
  if (cached) return cached;
  const pack = LANGUAGE_PACKS[language];
  const texts: DomainTexts | undefined = pack?.[domain];
  if (!pack || !texts) throw new Error(`no ${domain} texts in ${language}`);
  const c = (list: readonly string[], sentiment: Sentiment) => compileAll({ texts: list, sentiment });
  const truths: DemoTruth[] = [];
  for (const kind of [0, 1, 2])
    for (const sentiment of SENTIMENTS)
      truths.push({ request: kind > 0, complaint: kind === 2, sentiment, language });
  const set: TextSet = {
    language,
    requests: c([...texts.requests, ...pack.requests], "neutral"),
    complaints: c(texts.complaints, "negative"),
    noise: c([...pack.noise, ...texts.noise], "neutral"),
    emoji: c(EMOJI_ONLY, "positive"),
    giveaway: c(pack.giveaway, "positive"),
    followUps: c(pack.followUps, "neutral"),
    thanks: c(pack.thanks, "positive"),
    crowd: c(pack.crowd, "neutral"),
    dm: c(texts.dm, "neutral"),
    answers: c(texts.answers, "neutral"),
    dmAsk: c(texts.dmAsk, "neutral"),
    dmOpen: c(texts.dmOpen, "neutral"),
    dmAnswers: c(texts.dmAnswers, "neutral"),
    replyThanks: c(pack.replyThanks, "positive"),
    automated: c(pack.automated, "neutral"),
    people: pack.names.first.map((n) => ({ first: n.replace(/^~/, ""), female: n.startsWith("~") })),
    surnames: pack.names.last.map((n) => {
      const [male, female = male] = n.split("/");
      return [male, female];
    }),
    cities: pack.slots?.city ?? DEFAULT_CITIES,
    products: pack.slots?.product ?? DEFAULT_PRODUCTS,
    stores: pack.slots?.store ?? DEFAULT_STORES,
    truths,
  };
  cache.set(key, set);
  return set;
}
