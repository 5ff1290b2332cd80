import type { InboundEventInput } from "@/lib/ingest/event";
import type { DemoAgent } from "./brands";
import type { DemoTruth, TextSet } from "./catalog";
import type { DemoItem } from "./item";
import { isoSecond } from "./iso";
import { render, type Template } from "./templates";
import { nextId, type Author, type ChannelState, type World } from "./world";

export type Place = {
  ch: ChannelState;
  set: TextSet;
  kind: "public_comment" | "private_message";
  threadId: string;
  /** Public comments link to the post for the inbox's "open on platform". */
  postUrl?: string;
  /** E-mail: the chain so far, so each mail answers the one before it as a mail client would. */
  mail?: { subject?: string; sent: { id: string; t: number; text: string }[] };
};

type Message = { t: number; template: Template; inReplyTo?: string };

function baseEvent(world: World, place: Place, m: Message, author: Author, text: string, direction: "inbound" | "outbound"): InboundEventInput {
  const externalId = nextId(world, place.ch);
  const event: InboundEventInput = {
    externalId,
    kind: place.kind,
    threadId: place.threadId,
    author,
    text,
    createdAt: isoSecond(m.t),
    direction,
    channel: place.ch.channel.kind,
  };
  if (m.inReplyTo !== undefined) event.inReplyTo = m.inReplyTo;
  if (place.postUrl !== undefined) event.url = place.postUrl + externalId;
  if (place.ch.channel.kind === "email") asMail(place, event, m.t);
  return event;
}

// A demo mail looks like one the IMAP poller makes: a Message-ID, a subject, In-Reply-To and
// References back to the first mail, and the previous mail quoted below a customer's answer.
function asMail(place: Place, event: InboundEventInput, t: number): void {
  const mail = (place.mail ??= { sent: [] });
  const domain = event.direction === "inbound" ? (event.author.id.split("@")[1] ?? "mail.demo") : "mail.replyhour.demo";
  event.externalId = `<${event.externalId}@${domain}>`;
  mail.subject ??= subjectOf(event.text);
  // Messages are made in story order, not time order: a mail answers only those sent before it.
  const earlier = mail.sent.filter((s) => s.t < t).sort((a, b) => a.t - b.t);
  event.subject = earlier.length ? `Re: ${mail.subject}` : mail.subject;
  event.threadId = mail.sent[0]?.id ?? event.externalId;
  const parent = earlier.at(-1);
  if (parent) {
    event.inReplyTo = parent.id;
    event.references = earlier.slice(-10).map((s) => s.id);
    if (event.direction === "inbound") event.quoted = parent.text.split("\n").map((line) => `> ${line}`).join("\n");
  }
  mail.sent.push({ id: event.externalId, t, text: event.text });
}

function subjectOf(text: string): string {
  const line = text.split(/[\n.?!]/)[0].trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line || "Question";
}

/** Schedules a customer's message; returns its externalId for replies. */
export function inbound(
  world: World,
  place: Place,
  m: Message & { author: Author; request: boolean; complaint?: boolean; attachment?: boolean; automated?: boolean },
): string {
  const complaint = m.complaint ?? false;
  const sentiment = complaint ? "negative" : m.template.sentiment;
  const text = render(m.template, place.ch.brand.ctx);
  const event = baseEvent(world, place, m, m.author, text, "inbound");
  if (m.attachment) event.attachments = [{ kind: "image", url: "https://cdn.replyhour.demo/media/" + event.externalId + ".jpg" }];
  if (m.automated) event.automated = true;
  const truth = place.set.truths[(complaint ? 2 : m.request ? 1 : 0) * 3 + SENTIMENT_INDEX[sentiment]];
  push(world, place, m.t, event, truth, undefined);
  return event.externalId;
}

/** Schedules the brand's reply: by an agent, or automated when agent is absent. */
export function outbound(world: World, place: Place, m: Message & { agent?: DemoAgent }): string {
  const ctx = place.ch.brand.ctx;
  if (m.agent) ctx.agent = firstName(m.agent.name);
  const text = render(m.template, ctx);
  const event = baseEvent(world, place, m, place.ch.brandAuthor, text, "outbound");
  if (!m.agent) event.automated = true;
  push(world, place, m.t, event, place.set.truths[SENTIMENT_INDEX[m.template.sentiment]], m.agent?.key);
  return event.externalId;
}

const SENTIMENT_INDEX = { negative: 0, neutral: 1, positive: 2 } as const;

function push(world: World, place: Place, t: number, event: InboundEventInput, truth: DemoTruth, agentKey: string | undefined): void {
  const item: DemoItem = { brandSlug: place.ch.brand.brand.slug, channelKey: place.ch.channel.key, event, truth };
  if (agentKey !== undefined) item.agentKey = agentKey;
  world.queue.push(t - (t % 1000), item);
}

const firstNames = new Map<string, string>();

function firstName(name: string): string {
  let first = firstNames.get(name);
  if (first === undefined) firstNames.set(name, (first = name.split(" ")[0]));
  return first;
}
