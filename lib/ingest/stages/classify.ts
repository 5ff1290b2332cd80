import { tokenize } from "@/lib/classify/text";
import type { Classification, ClassifyContext } from "@/lib/classify/types";
import type { CycleMessage, Thread } from "../queries";
import type { Arrival, Batch } from "../batch";
import { keepBrandHandles, normHandle } from "../brand-handles";
import type { Contact } from "./contact";

// Stage 4. An inbound message is classified (request or noise, complaint, sentiment, language)
// in its place, as an agent reads it: private or public, what it replies to, whom it mentions,
// the brand's post it sits under, whether the brand already answered its author, the author's
// earlier words in this cycle and history with the brand. Everything a blocked author writes,
// and every auto-reply, bounce or bulk mail, is noise.

export async function classifyMessage(batch: Batch, { arrival, contact, found, seen }: { arrival: Arrival; contact: Contact | null; found: Thread; seen: CycleMessage[] }): Promise<Classification | null> {
  noteBrandHandle(batch, arrival);
  if (!arrival.inbound) return null;
  const context = await contextOf(batch, { arrival, contact, found, seen });
  const result = withLanguageHint(batch.classifyText(arrival.event.text, context), arrival.event.text, arrival.event.author.language);
  if (arrival.event.automated) return { ...result, category: "noise", complaint: false, confidence: 1, requestProbability: 0, reasons: ["automated: auto-reply, bounce or bulk mail", ...result.reasons] };
  if (!contact?.blocked) return result;
  return { ...result, category: "noise", complaint: false, confidence: 1, requestProbability: 0, reasons: ["author blocked", ...result.reasons] };
}

// The stored messages of the cycle an inbound message joins: none when it opens a new cycle.
export async function currentCycleMessages(batch: Batch, { conversation, cycle }: Thread, at: number): Promise<CycleMessage[]> {
  if (!cycle) return [];
  const reopens = conversation.status === "resolved" && (cycle.resolvedAt == null || at >= cycle.resolvedAt);
  if (reopens) return [];
  return batch.store.cycleMessages(conversation.id, cycle.id);
}

// An outbound author's handle is one of the brand's own accounts on that channel.
function noteBrandHandle(batch: Batch, { event, channelId, inbound }: Arrival): void {
  if (inbound || !event.author.handle) return;
  const known = batch.brandHandles.get(channelId);
  if (known) known.add(normHandle(event.author.handle));
  else batch.pendingBrandHandles.push([channelId, normHandle(event.author.handle)]);
}

async function brandHandles(batch: Batch, channelId: number): Promise<Set<string>> {
  const handles = batch.brandHandles.get(channelId);
  if (handles) return handles;
  const [account] = await batch.q.channelAccount.execute({ channelId });
  return keepBrandHandles(batch, channelId, account);
}

// The context the thread corpus was labelled in (lib/classify/thread.ts threadContexts), from
// what the pipeline has stored.
async function contextOf(
  batch: Batch,
  { arrival, contact, found, seen }: { arrival: Arrival; contact: Contact | null; found: Thread; seen: CycleMessage[] },
): Promise<ClassifyContext> {
  const { event, channelId, at } = arrival;
  let parent: { direction: string } | undefined;
  if (event.inReplyTo) {
    parent = seen.find((m) => m.externalId === event.inReplyTo);
    if (!parent) parent = (await batch.store.message(channelId, event.inReplyTo)) ?? undefined;
  }
  const post = event.post;
  const replyTo: ClassifyContext["replyTo"] = parent
    ? parent.direction === "outbound"
      ? "brand"
      : "customer"
    : (event.inReplyTo !== undefined && post && event.inReplyTo === post.id) || (post && event.kind === "public_comment")
      ? "brand_post"
      : "none";
  const brand = await brandHandles(batch, channelId);
  // Only a text with an "@" names handles (folding never makes one): most skip the tokenizer here.
  const handles = event.text.includes("@") ? tokenize(event.text).handles : [];
  // What happened before this message in the cycle: the author's words, the brand's answers to them.
  const before = seen.filter((m) => m.createdAt <= at);
  const byExternal = new Map(before.map((m) => [m.externalId, m]));
  let answered = false;
  const previous: string[] = [];
  for (const m of before) {
    if (m.direction === "outbound" && !m.automated) {
      const answers = m.inReplyTo ? byExternal.get(m.inReplyTo) : undefined;
      if (answers ? byContact(answers, contact) : m.visibility === "private" && previous.length > 0) answered = true;
    } else if (byContact(m, contact)) previous.push(m.text);
  }
  let authorHistory = { requests: 0, messages: 0 };
  // A contact first seen in this event has no earlier conversation to count.
  if (contact && !contact.created) {
    const history = await batch.store.contactHistory(contact.id, found.conversation.id);
    authorHistory = { requests: history.requests, messages: history.conversations };
  }
  return {
    kind: event.kind,
    replyTo,
    mentions: { brand: handles.some((h) => brand.has(h)), others: handles.filter((h) => !brand.has(h)).length },
    postText: post?.text,
    brandAnsweredAuthor: answered,
    authorHistory,
    previousFromAuthor: previous.length > 0 ? previous.slice(-3) : undefined,
  };
}

// An inbound message of the contact. A module function: a closure made per message cost more.
function byContact(m: CycleMessage | undefined, contact: Contact | null): boolean {
  return !!m && m.direction === "inbound" && contact != null && m.contactId === contact.id;
}

const SHORT_WORDS = 4;

// A few words say little about their language ("ok", "спасибо!", "hola?"): the platform's word
// for the author's language decides then, when the text does not clearly say otherwise.
export function withLanguageHint(result: Classification, text: string, hint: string | undefined): Classification {
  const language = hint?.split("-")[0];
  if (!language || language === result.language) return result;
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length > SHORT_WORDS && result.language !== "und") return result;
  const cyrillic = /\p{Script=Cyrillic}/u.test(text);
  const latin = /\p{Script=Latin}/u.test(text);
  const hintCyrillic = CYRILLIC.has(language);
  // The hint must fit the script the text is written in (a Russian user writing "ok" stays "und"-safe).
  if ((cyrillic && !hintCyrillic) || (latin && !cyrillic && hintCyrillic)) return result;
  return { ...result, language, reasons: [...result.reasons, `language from the author's ${language} settings`] };
}

const CYRILLIC = new Set(["ru", "uk", "bg", "be", "sr", "mk", "kk", "ky", "mn", "tg"]);
