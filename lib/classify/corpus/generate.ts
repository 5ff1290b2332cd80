import { seededRandom, hashString } from "../hash";
import { foldText } from "../text";
import type { LabelledText, Sentiment } from "../types";
import { templates as bg } from "./templates/bg";
import { templates as de } from "./templates/de";
import { templates as en } from "./templates/en";
import { templates as es } from "./templates/es";
import { templates as fr } from "./templates/fr";
import { templates as it } from "./templates/it";
import { templates as nl } from "./templates/nl";
import { templates as pl } from "./templates/pl";
import { templates as pt } from "./templates/pt";
import { templates as ru } from "./templates/ru";
import { templates as sq } from "./templates/sq";
import { templates as tr } from "./templates/tr";
import { templates as uk } from "./templates/uk";

export type CorpusLine = LabelledText & { kind: string; template: string };

export const TEMPLATES: Record<string, string[]> = { en, ru, uk, bg, sq, de, fr, es, it, pt, nl, pl, tr };
export const KINDS: Record<string, { kind: string; request: boolean; complaint: boolean; sentiment: Sentiment }> = {
  Q: { kind: "question", request: true, complaint: false, sentiment: "neutral" },
  R: { kind: "request", request: true, complaint: false, sentiment: "neutral" },
  C: { kind: "complaint", request: true, complaint: true, sentiment: "negative" },
  T: { kind: "praise", request: false, complaint: false, sentiment: "positive" },
  F: { kind: "tagging", request: false, complaint: false, sentiment: "neutral" },
  G: { kind: "giveaway", request: false, complaint: false, sentiment: "positive" },
  H: { kind: "chit-chat", request: false, complaint: false, sentiment: "neutral" },
  S: { kind: "spam", request: false, complaint: false, sentiment: "neutral" },
  N: { kind: "chit-chat", request: false, complaint: false, sentiment: "negative" },
};
export const SENTIMENT: Record<string, Sentiment> = { "+": "positive", "-": "negative", "0": "neutral" };
export const BRANDS = ["@SkyJetAir", "@BeanBrewCafe", "@NovaBank", "@TeleOne", "@ShopMax", "@RailNow", "@MegaMart"];
const FRIENDS = ["@anna_k", "@mike.r", "@lena92", "@dasha_p", "@tomekk", "@julia.s", "@ahmet_y", "@marco_b", "@sofi", "@elena.v"];
export const HAPPY = ["😍", "❤️", "🔥", "👏", "😊", "🙌", "☕", "✨", "💯", "🥰"];
export const SAD = ["😩", "😭", "😤", "🙄", "😡", "💔"];
const VARIANTS = 4;
export const EMOJI_ONLY: [string, Sentiment][] = [
  ["😍😍😍", "positive"], ["🔥🔥", "positive"], ["👏👏👏", "positive"], ["❤️", "positive"], ["😂😂", "positive"],
  ["🙌", "positive"], ["😡😡", "negative"], ["💔", "negative"], ["👀", "neutral"], ["🤔", "neutral"],
];

export function fill({ template, random }: { template: string; random: () => number }): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  return template
    .replace(/\{f\}/g, () => pick(FRIENDS))
    .replace(/\{id\}/g, () => `${random() < 0.5 ? "#" : ""}${Math.floor(100000 + random() * 89999999)}`)
    .replace(/\{fl\}/g, () => `SJ${Math.floor(100 + random() * 8900)}`)
    .replace(/\{n\}/g, () => String(2 + Math.floor(random() * 8)))
    .replace(/\{e\}/g, () => pick(HAPPY).repeat(1 + Math.floor(random() * 3)))
    .replace(/\{x\}/g, () => pick(SAD))
    .replace(/\{url\}/g, () => `https://bit.ly/${Math.floor(random() * 1e6).toString(36)}`);
}

// People write without diacritics, without the question mark, in lower case, with or without
// the brand's handle and an emoji: each template yields a few such honest variants.
function vary({ text, code, random }: { text: string; code: string; random: () => number }): string {
  let t = text;
  if (random() < 0.3) t = foldText(t);
  if ((code === "Q" || code === "R") && random() < 0.3) t = t.replace(/\s*[?？]\s*$/, "");
  if (random() < 0.2) t = t.toLowerCase();
  if (code === "C" && random() < 0.2) t += ` ${SAD[Math.floor(random() * SAD.length)]}`;
  if ((code === "T" || code === "G") && random() < 0.3) t += ` ${HAPPY[Math.floor(random() * HAPPY.length)]}`;
  if (random() < 0.45) t = `${BRANDS[Math.floor(random() * BRANDS.length)]} ${t}`;
  return t.replace(/^./, (c) => (random() < 0.5 ? c.toUpperCase() : c));
}

export function generateCorpus(): CorpusLine[] {
  const out: CorpusLine[] = [];
  for (const [lang, lines] of Object.entries(TEMPLATES)) {
    lines.forEach((line, i) => {
      const [head, template] = line.split("|");
      const code = head[0];
      const kind = KINDS[code];
      const sentiment = SENTIMENT[head[1]] ?? kind.sentiment;
      const random = seededRandom(hashString(`${lang}:${i}`));
      const seen = new Set<string>();
      for (let v = 0; v < VARIANTS; v++) {
        const text = vary({ text: fill({ template, random }), code, random });
        if (seen.has(text)) continue;
        seen.add(text);
        out.push({ text, lang, request: kind.request, complaint: kind.complaint, sentiment, kind: kind.kind, template: `${lang}:${i}` });
      }
    });
  }
  EMOJI_ONLY.forEach(([text, sentiment], i) => {
    for (const prefix of ["", `${BRANDS[i % BRANDS.length]} `, `${FRIENDS[i % FRIENDS.length]} `]) {
      out.push({ text: prefix + text, request: false, complaint: false, sentiment, kind: "emoji", template: `und:${i}` });
    }
  });
  return out;
}
