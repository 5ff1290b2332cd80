import { hashString, seededRandom } from "../../hash";
import { foldText } from "../../text";
import type { ThreadEvent } from "../../thread";
import { BRANDS, EMOJI_ONLY, fill, HAPPY, KINDS, SAD, SENTIMENT, TEMPLATES } from "../generate";
import { en, fr, de, ru, uk, bg, sq, type Phrases } from "./phrases-a";
import { es, it, pt, nl, pl, tr } from "./phrases-b";
import * as moreA from "./more-a";
import * as moreB from "./more-b";
import type { MorePhrases } from "./more-a";

// Thread-shaped traffic to brands, written by Replyhour from its own templates: comment sections
// under brand posts, @mentions and private chats, in the 13 languages, about 1 request in 7
// inbound messages. Each sentence template belongs to the training part or to the held-out part
// (one in five, by a hash of its id), so held-out threads are built from sentences the model has
// never seen in any form; the held-out part also uses its own thread seeds.

export const PHRASES: Record<string, Phrases> = { en, ru, uk, bg, sq, de, fr, es, it, pt, nl, pl, tr };
// The second round of material (more-a.ts, more-b.ts): training only, ids `<lang>:more-<kind>:<i>`.
export const MORE: Record<string, MorePhrases> = {
  en: moreA.en, ru: moreA.ru, uk: moreA.uk, bg: moreA.bg, sq: moreA.sq, de: moreA.de, fr: moreA.fr,
  es: moreB.es, it: moreB.it, pt: moreB.pt, nl: moreB.nl, pl: moreB.pl, tr: moreB.tr,
};
const LANGS = Object.keys(PHRASES);
export type Part = "train" | "heldout";

// The held-out threads are built from the first round's templates only, so that file stays the
// same yardstick for every model; the second round's sentences all train.
export function isHeldOutTemplate(id: string): boolean {
  if (id.includes(":more-")) return false;
  return hashString(`heldout:${id}`) % 5 === 0;
}

type Pick = { text: string; request: boolean; complaint: boolean; sentiment: "negative" | "neutral" | "positive"; template: string };
type Pool = Record<string, { id: string; template: string; code: string }[]>;

const PUBLIC_PLATFORMS = ["facebook", "instagram", "vk", "youtube"];
const PRIVATE_PLATFORMS = ["facebook", "instagram", "telegram", "vk", "twitter", "web", "email"];
const NAMES = ["alex", "maria", "leo", "nina", "olga", "ivan", "sara", "tom", "ana", "luca", "eva", "mehmet", "kasia", "jan", "elena", "drita", "petar", "lena", "joao", "nomad"];

// Sentence pools of one language and part, by code: the corpus templates' codes (Q R C T F G H S N)
// and the thread kinds (greet, follow, polite, …).
function poolsOf({ lang, part }: { lang: string; part: Part }): Pool {
  const pool: Pool = {};
  const add = (code: string, id: string, template: string) => {
    if (isHeldOutTemplate(id) !== (part === "heldout")) return;
    (pool[code] ??= []).push({ id, template, code });
  };
  TEMPLATES[lang].forEach((line, i) => {
    const [head, template] = line.split("|");
    add(head.slice(0, 2), `${lang}:${i}`, template);
  });
  for (const [kind, lines] of Object.entries(PHRASES[lang])) {
    if (kind === "post") continue;
    lines.forEach((line, i) => {
      const id = `${lang}:${kind}:${i}`;
      if (kind === "mix") add(`mix${line[0]}`, id, line.slice(2));
      else add(kind, id, line);
    });
  }
  for (const [kind, lines] of Object.entries(MORE[lang] ?? {})) {
    lines.forEach((line, i) => {
      const id = `${lang}:more-${kind}:${i}`;
      if (kind === "mix") add(`mix${line[0]}`, id, line.slice(2));
      else add(kind, id, line);
    });
  }
  return pool;
}

const LABELS: Record<string, Omit<Pick, "text" | "template">> = {
  greet: { request: true, complaint: false, sentiment: "neutral" },
  follow: { request: true, complaint: false, sentiment: "negative" },
  polite: { request: true, complaint: true, sentiment: "negative" },
  sarcasm: { request: true, complaint: true, sentiment: "negative" },
  between: { request: false, complaint: false, sentiment: "neutral" },
  metoo: { request: false, complaint: false, sentiment: "neutral" },
  crowd: { request: false, complaint: false, sentiment: "neutral" },
  idiom: { request: false, complaint: false, sentiment: "positive" },
  wish: { request: false, complaint: false, sentiment: "positive" },
  scam: { request: false, complaint: false, sentiment: "neutral" },
  answer: { request: false, complaint: false, sentiment: "positive" },
  mixQ: { request: true, complaint: false, sentiment: "neutral" },
  mixH: { request: false, complaint: false, sentiment: "positive" },
};

function labelsOf(code: string): Omit<Pick, "text" | "template"> {
  if (LABELS[code]) return LABELS[code];
  const k = KINDS[code[0]];
  return { request: k.request, complaint: k.complaint, sentiment: SENTIMENT[code[1]] ?? k.sentiment };
}

class Thread {
  events: ThreadEvent[] = [];
  private clock: number;
  constructor(
    private readonly o: { part: Part; id: string; channel: string; kind: ThreadEvent["kind"]; lang: string; start: number; post?: { id: string; text: string }; random: () => number },
  ) {
    this.clock = o.start;
  }
  add({ author, pick, parent }: { author: { id: string; handle: string }; pick: Pick; parent?: ThreadEvent }): ThreadEvent {
    this.clock += Math.floor(20 + this.o.random() * 1800) * 1000;
    const e: ThreadEvent = {
      externalId: `${this.o.id}-${this.events.length}`,
      channel: this.o.channel,
      kind: this.o.kind,
      ...(parent ? { inReplyTo: parent.externalId } : this.o.post ? { inReplyTo: this.o.post.id } : {}),
      author: { id: author.id, handle: author.handle, name: author.handle.replace(/[._\d]+/g, " ").trim() },
      text: pick.text,
      createdAt: new Date(this.clock).toISOString(),
      direction: "inbound",
      ...(this.o.post ? { post: this.o.post } : {}),
      label: pick.request ? "request" : "noise",
      sentiment: pick.sentiment,
      complaint: pick.complaint,
      lang: this.o.lang,
      template: pick.template,
    };
    this.events.push(e);
    return e;
  }
}

export function generateThreads({ part, threads }: { part: Part; threads: number }): ThreadEvent[] {
  const random = seededRandom(hashString(`threads:${part}`));
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const pools = Object.fromEntries(LANGS.map((lang) => [lang, poolsOf({ lang, part })]));
  const out: ThreadEvent[] = [];
  let authorSeq = 0;
  let made = 0;
  let clock = Date.parse("2025-03-03T08:00:00Z");
  const person = (lang: string) => {
    const n = authorSeq++;
    return { id: `${part}-u${n}`, handle: `${pick(NAMES)}${lang === "en" ? "" : `_${lang}`}${n % 97}` };
  };

  const say = ({ lang, codes, friend, brand }: { lang: string; codes: string[]; friend?: string; brand?: string }): Pick => {
    const pool = pools[lang];
    const available = codes.filter((c) => pool[c]?.length);
    if (available.length === 0) {
      // This part of this language has no sentence of that kind: another of the same label.
      const wantsRequest = labelsOf(codes[0]).request;
      const others = Object.keys(pool).filter((c) => labelsOf(c).request === wantsRequest && c !== "greet" && c !== "follow");
      if (others.length === 0) return emoji();
      return say({ lang, codes: others, friend, brand });
    }
    const t = pick(pool[pick(available)]);
    let text = fill({ template: t.template, random })
      .replace(/\{b\}/g, brand ?? pick(BRANDS))
      .replace(/@[\w.]+/, (h) => (friend && FRIEND_SLOT.test(h) ? `@${friend}` : h));
    if (random() < 0.25) text = foldText(text);
    if (random() < 0.2) text = text.toLowerCase();
    if (t.code === "C" && random() < 0.15) text += ` ${pick(SAD)}`;
    if ((t.code[0] === "T" || t.code === "answer") && random() < 0.25) text += ` ${pick(HAPPY)}`;
    return { text, ...labelsOf(t.code), template: t.id };
  };
  const emoji = (): Pick => {
    const i = Math.floor(random() * EMOJI_ONLY.length);
    const [text, sentiment] = EMOJI_ONLY[i];
    return { text, request: false, complaint: false, sentiment, template: `und:${i}` };
  };

  const REQ_CODES = ["Q0", "Q+", "R0", "C0", "C-", "polite", "polite", "sarcasm", "mixQ"];
  const CHATTER = ["T+", "F0", "F+", "H0", "H+", "N-", "idiom", "wish", "answer", "answer", "mixH", "S0", "scam", "crowd"];
  const REPLY_CHATTER = ["between", "metoo", "metoo", "H0", "H+", "answer", "F+"];

  while (made < threads) {
    const lang = pick(LANGS);
    const brand = pick(BRANDS);
    const shape = random();
    clock += Math.floor(random() * 3600) * 1000;
    if (shape < 0.5) {
      // A comment section: the brand's post and a few top-level comments, each its own thread.
      const postPick = pick(PHRASES[lang].post);
      const channel = pick(PUBLIC_PLATFORMS);
      const post = { id: `${part}-post-${made}`, text: postPick };
      const giveaway = /🎁/.test(postPick);
      const comments = 1 + Math.floor(random() * 4);
      for (let c = 0; c < comments && made < threads; c++) {
        const th = new Thread({ part, id: `${part}-t${made++}`, channel, kind: "public_comment", lang, start: clock, post, random });
        const author = person(lang);
        const asks = random() < 0.09;
        const friend = person(lang);
        const first = asks
          ? say({ lang, codes: REQ_CODES, brand })
          : random() < 0.1
            ? emoji()
            : say({ lang, codes: giveaway ? ["G+", "G+", "F+", ...CHATTER] : CHATTER, friend: friend.handle, brand });
        const top = th.add({ author, pick: first });
        const replies = random() < 0.55 ? 1 + Math.floor(random() * 3) : 0;
        let last = top;
        for (let r = 0; r < replies; r++) {
          const self = random() < (asks ? 0.4 : 0.2);
          if (self && asks) {
            last = th.add({ author, pick: say({ lang, codes: ["follow"] }), parent: top });
          } else if (self) {
            last = th.add({ author, pick: say({ lang, codes: ["H0", "H+", "metoo", "mixH"], friend: friend.handle }), parent: last });
          } else {
            const who = r === 0 ? friend : person(lang);
            const p = say({ lang, codes: REPLY_CHATTER, friend: author.handle });
            // "me too" under a customer's complaint is one more person with the problem.
            if (asks && first.complaint && random() < 0.5) {
              const m = say({ lang, codes: ["metoo"] });
              last = th.add({ author: who, pick: { ...m, request: true, complaint: true, sentiment: "negative" }, parent: top });
            } else last = th.add({ author: who, pick: p, parent: last });
          }
        }
        out.push(...th.events);
      }
    } else if (shape < 0.72) {
      // An @mention: a tweet naming the brand, sometimes with replies.
      const th = new Thread({ part, id: `${part}-t${made++}`, channel: "twitter", kind: "public_comment", lang, start: clock, random });
      const author = person(lang);
      const asks = random() < 0.3;
      const p = asks ? say({ lang, codes: REQ_CODES, brand }) : say({ lang, codes: ["T+", "wish", "idiom", "H+", "N-", "S0", "scam", "F+", "between", "crowd"], brand });
      const text = /@/.test(p.text) || random() < 0.2 ? p.text : `${brand} ${p.text}`;
      const top = th.add({ author, pick: { ...p, text } });
      if (asks && random() < 0.3) th.add({ author, pick: say({ lang, codes: ["follow"] }), parent: top });
      else if (random() < 0.3) th.add({ author: person(lang), pick: say({ lang, codes: REPLY_CHATTER, friend: author.handle }), parent: top });
      out.push(...th.events);
    } else {
      // A private chat: mostly someone who needs something, sometimes spam or thanks.
      const channel = pick(PRIVATE_PLATFORMS);
      const th = new Thread({ part, id: `${part}-t${made++}`, channel, kind: "private_message", lang, start: clock, random });
      const author = person(lang);
      if (random() < 0.45) {
        if (random() < 0.5) th.add({ author, pick: say({ lang, codes: ["greet"] }) });
        th.add({ author, pick: say({ lang, codes: REQ_CODES }) });
        if (random() < 0.3) th.add({ author, pick: say({ lang, codes: ["follow", "Q0", "R0"] }) });
      } else {
        th.add({ author, pick: random() < 0.5 ? say({ lang, codes: ["scam", "S0", "scam"] }) : say({ lang, codes: ["T+", "idiom", "wish", "G+"] }) });
        if (random() < 0.3) th.add({ author, pick: random() < 0.5 ? emoji() : say({ lang, codes: ["H+", "T+"] }) });
      }
      out.push(...th.events);
    }
  }
  return out;
}

const FRIEND_SLOT = /^@(anna_k|mike\.r|lena92|dasha_p|tomekk|julia\.s|ahmet_y|marco_b|sofi|elena\.v)$/;
