import { loadModel } from "./model";
import type { Category, Classification, ClassifyContext } from "./types";

// One inbound message of the current response cycle, in platform-time order.
export type ConversationMessage = {
  authorId: string;
  classification: Pick<Classification, "category" | "confidence" | "complaint"> & { requestProbability?: number };
  context?: ClassifyContext | null;
  // the message's text, for its shape (how many words, a question mark)
  text?: string;
  // a person of the brand replied to this message (the proof it was a request)
  brandReplied?: boolean;
  // an agent's correction of this message's category
  correction?: Category | null;
};

export type ConversationDecision = {
  category: Category;
  // the person whose request it is, null for noise
  requesterId: string | null;
  // index (into the messages given) where the response clock starts, null for noise
  clockStartIndex: number | null;
  confidence: number;
  // what decided: "correction", "brand reply" or "model"
  basis: "correction" | "brand reply" | "model" | "empty";
};

// A logistic model over each author's messages, learned from out-of-fold message probabilities
// on the training threads, with the threshold calibrated there (model/meta.json "conversation").
export type ConversationParams = { weights: number[]; bias: number; threshold: number };

export const AUTHOR_FEATURES = [
  "logit of the author's strongest message",
  "logit of all the author's messages together (noisy-or)",
  "messages of the author: 2",
  "messages of the author: 3 or more",
  "private message",
  "the author started the thread",
  "the author's first message replies to another person",
  "the author's first message replies to the brand",
  "another person's message came first",
  "a complaint among the author's messages",
  "log of the number of people in the thread",
  "logit of the strongest earlier message by another person (0 when none)",
  "mean logit of the author's messages",
  "logit of the author's second-strongest message (the strongest when alone)",
  "the author's strongest message is short (three words or fewer)",
  "logit of the author's strongest message when it is short (0 otherwise)",
  "the author's strongest message has a question mark",
  "the author's strongest message replies to another person",
  "logit of the author's strongest message when it replies to another person (0 otherwise)",
  "logit of the author's strongest message in a private chat (0 in public)",
  "log of the words in the author's strongest message",
  "share of the cycle's messages written by the author",
  "a question mark in any of the author's messages",
  "a complaint among the earlier messages by other people",
  "logit of the strongest earlier message by another person when the author's strongest is short",
] as const;

// Before any calibration: the author's strongest message decides at 0.5.
const FALLBACK: ConversationParams = { weights: [1], bias: 0, threshold: 0.5 };

const logit = (p: number) => {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q));
};
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function probabilityOf(m: ConversationMessage): number {
  const c = m.classification;
  if (typeof c.requestProbability === "number") return c.requestProbability;
  // A classification stored before the probability was kept: its confidence says how far from 0.5.
  return c.category === "request" ? c.confidence : 1 - c.confidence;
}

// Words of a text: tokens with a letter or digit that are not a tag, a mention or a link.
const WORD = /^[^@#][^\s]*[\p{L}\p{N}]/u;
function shape(text: string | undefined): { words: number; question: boolean } | null {
  if (text === undefined) return null;
  let words = 0;
  for (const token of text.split(/\s+/)) if (token && !token.startsWith("http") && WORD.test(token)) words++;
  return { words, question: /[?？¿]/.test(text) };
}

// Base features (the decision's), then the text-shape candidates that training can try.
const BASE_FEATURES = 14;

// The features of each author of the cycle, in order of their first message: the first `count`
// of AUTHOR_FEATURES (a decision computes only those its weights use; this runs for every
// inbound message).
export function authorFeatures(messages: ConversationMessage[], count: number = AUTHOR_FEATURES.length): { authorId: string; first: number; x: number[] }[] {
  const order: string[] = [];
  const byAuthor = new Map<string, number[]>();
  messages.forEach((m, i) => {
    if (m.correction === "noise") return;
    if (!byAuthor.has(m.authorId)) {
      byAuthor.set(m.authorId, []);
      order.push(m.authorId);
    }
    byAuthor.get(m.authorId)!.push(i);
  });
  const people = new Set(messages.map((m) => m.authorId)).size;
  return order.map((authorId) => {
    const idx = byAuthor.get(authorId)!;
    const first = idx[0];
    const ps = idx.map((i) => probabilityOf(messages[i]));
    const max = Math.max(...ps);
    // several weak "me too"s add up under noisy-or; their mean and the second one say they are weak
    const sorted = [...ps].sort((a, b) => b - a);
    const meanLogit = ps.reduce((sum, p) => sum + logit(p), 0) / ps.length;
    const none = ps.reduce((acc, p) => acc * (1 - Math.min(0.9999, p)), 1);
    const ctx = messages[first].context;
    // what the author reacts to: "me too" under chatter is chatter, under a complaint it is not alone
    let before = -1;
    let complaintBefore = 0;
    for (let i = 0; i < first; i++) {
      if (messages[i].authorId === authorId || messages[i].correction === "noise") continue;
      before = Math.max(before, probabilityOf(messages[i]));
      if (messages[i].classification.complaint) complaintBefore = 1;
    }
    const x = [
      logit(max),
      logit(1 - none),
      idx.length === 2 ? 1 : 0,
      idx.length >= 3 ? 1 : 0,
      ctx?.kind === "private_message" ? 1 : 0,
      first === 0 ? 1 : 0,
      ctx?.replyTo === "customer" ? 1 : 0,
      ctx?.replyTo === "brand" ? 1 : 0,
      first > 0 ? 1 : 0,
      idx.some((i) => messages[i].classification.complaint) ? 1 : 0,
      Math.log(people),
      before < 0 ? 0 : logit(before),
      meanLogit,
      logit(sorted[1] ?? sorted[0]),
    ];
    if (count > BASE_FEATURES) {
      const strongest = idx[ps.indexOf(max)];
      const sctx = messages[strongest].context;
      // the text's shape is known only when the text is given; without it these features stay 0
      const sh = shape(messages[strongest].text);
      const short = sh !== null && sh.words <= 3 ? 1 : 0;
      const toPerson = sctx?.replyTo === "customer" ? 1 : 0;
      x.push(
        short,
        short * logit(max),
        sh?.question ? 1 : 0,
        toPerson,
        toPerson * logit(max),
        sctx?.kind === "private_message" ? logit(max) : 0,
        sh ? Math.log(1 + sh.words) : 0,
        idx.length / messages.length,
        idx.some((i) => shape(messages[i].text)?.question) ? 1 : 0,
        complaintBefore,
        before < 0 ? 0 : short * logit(before),
      );
    }
    return { authorId, first, x: count >= x.length ? x : x.slice(0, count) };
  });
}

export function authorScore({ x, params }: { x: number[]; params: ConversationParams }): number {
  let z = params.bias;
  for (let i = 0; i < x.length; i++) z += (params.weights[i] ?? 0) * x[i];
  return sigmoid(z);
}

function defaultParams(): ConversationParams {
  return loadModel().meta.conversation ?? FALLBACK;
}

// The category of one response cycle from its inbound messages, the person whose request it is
// and where the clock starts: the earliest message of a requesting person in the cycle (a
// greeting included, other people's chatter before it not), never later than a message the brand
// replied to. An agent's correction decides; a brand reply proves a request; otherwise the
// calibrated model. When several people ask in one cycle, the first of them starts the clock.
// Module functions, not closures made per decision: this runs for every inbound message.
function noise(confidence: number, basis: ConversationDecision["basis"]): ConversationDecision {
  return { category: "noise", requesterId: null, clockStartIndex: null, confidence, basis };
}

function clockStart({ messages, asking, corrected, replied, requesterId }: { messages: ConversationMessage[]; asking: number[]; corrected: number; replied: number; requesterId: string }): number {
  const firsts = [messages.findIndex((m) => m.authorId === requesterId), ...asking];
  if (corrected >= 0) firsts.push(messages.findIndex((m) => m.authorId === messages[corrected].authorId));
  const start = Math.min(...firsts);
  return replied >= 0 ? Math.min(start, replied) : start;
}

export function decideConversation(messages: ConversationMessage[], opts: { params?: ConversationParams } = {}): ConversationDecision {
  if (messages.length === 0) return noise(1, "empty");
  const params = opts.params ?? defaultParams();
  const t = params.threshold;
  const scored = authorFeatures(messages, params.weights.length).map((a) => ({ authorId: a.authorId, first: a.first, score: authorScore({ x: a.x, params }) }));
  const best = scored.reduce<(typeof scored)[number] | null>((b, a) => (!b || a.score > b.score ? a : b), null);
  const asking = scored.filter((a) => a.score >= t).map((a) => a.first);
  const replied = messages.findIndex((m) => m.brandReplied);
  const corrected = messages.findIndex((m) => m.correction === "request");
  const requester =
    corrected >= 0 ? { index: corrected, basis: "correction" as const } : replied >= 0 ? { index: replied, basis: "brand reply" as const } : null;
  if (!requester && (messages.every((m) => m.correction === "noise") || !best)) return noise(1, "correction");
  if (requester) {
    const requesterId = messages[requester.index].authorId;
    return { category: "request", requesterId, clockStartIndex: clockStart({ messages, asking, corrected, replied, requesterId }), confidence: 1, basis: requester.basis };
  }
  const p = best!.score;
  const confidence = Math.round((p >= t ? 0.5 + (0.5 * (p - t)) / (1 - t) : 0.5 + (0.5 * (t - p)) / t) * 1000) / 1000;
  if (p < t) return noise(confidence, "model");
  return { category: "request", requesterId: best!.authorId, clockStartIndex: clockStart({ messages, asking, corrected, replied, requesterId: best!.authorId }), confidence, basis: "model" };
}
