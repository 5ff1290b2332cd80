import { tokenize } from "./text";
import type { ClassifyContext } from "./types";

// One line of a thread-shaped JSONL file: an InboundEvent (lib/ingest/event.ts) as a platform
// export gives it, plus the labels of the line when it is labelled data.
export type ThreadEvent = {
  externalId: string;
  channel: string;
  kind: "public_comment" | "private_message";
  inReplyTo?: string;
  author: { id: string; handle?: string; name?: string };
  text: string;
  createdAt: string;
  direction: "inbound" | "outbound";
  post?: { id: string; text: string };
  label?: "request" | "noise";
  sentiment?: "negative" | "neutral" | "positive";
  complaint?: boolean;
  lang?: string;
  // the corpus sentence template it was generated from (own corpus only)
  template?: string;
};

// Threads as the pipeline makes them: a reply joins its parent's thread; a private message joins
// its author's dialogue on that channel; anything else starts a thread. Events in file order.
export function groupThreads(events: ThreadEvent[]): ThreadEvent[][] {
  const threadOf = new Map<string, number>();
  const dialogue = new Map<string, number>();
  const threads: ThreadEvent[][] = [];
  for (const e of events) {
    let t: number | undefined;
    if (e.inReplyTo !== undefined) t = threadOf.get(`${e.channel}\u0000${e.inReplyTo}`);
    if (t === undefined && e.kind === "private_message" && e.direction === "inbound") t = dialogue.get(`${e.channel}\u0000${e.author.id}`);
    if (t === undefined) {
      t = threads.length;
      threads.push([]);
    }
    threads[t].push(e);
    threadOf.set(`${e.channel}\u0000${e.externalId}`, t);
    if (e.kind === "private_message" && e.direction === "inbound") dialogue.set(`${e.channel}\u0000${e.author.id}`, t);
  }
  return threads;
}

const norm = (h: string) => h.replace(/^@/, "").toLowerCase();

// The context of each inbound message of one thread (events in platform-time order), from what
// the thread itself says. `brandHandles` are the brand's own accounts; `history` the authors'
// past with the brand, when known.
export function threadContexts({
  thread,
  brandHandles = [],
  history,
}: {
  thread: ThreadEvent[];
  brandHandles?: string[];
  history?: (authorId: string) => { requests: number; messages: number };
}): (ClassifyContext | null)[] {
  const brand = new Set(brandHandles.map(norm));
  for (const e of thread) if (e.direction === "outbound" && e.author.handle) brand.add(norm(e.author.handle));
  const byId = new Map(thread.map((e) => [e.externalId, e]));
  const previous = new Map<string, string[]>();
  const answered = new Set<string>();
  return thread.map((e) => {
    if (e.direction === "outbound") {
      const parent = e.inReplyTo ? byId.get(e.inReplyTo) : undefined;
      if (parent && parent.direction === "inbound") answered.add(parent.author.id);
      else if (e.kind === "private_message") for (const p of thread) if (p.direction === "inbound") answered.add(p.author.id);
      return null;
    }
    const parent = e.inReplyTo ? byId.get(e.inReplyTo) : undefined;
    const replyTo: ClassifyContext["replyTo"] = parent
      ? parent.direction === "outbound"
        ? "brand"
        : "customer"
      : e.inReplyTo !== undefined && e.post && e.inReplyTo === e.post.id
        ? "brand_post"
        : e.post && e.kind === "public_comment"
          ? "brand_post"
          : "none";
    const handles = tokenize(e.text).handles;
    const prev = previous.get(e.author.id) ?? [];
    const context: ClassifyContext = {
      kind: e.kind,
      replyTo,
      mentions: { brand: handles.some((h) => brand.has(h)), others: handles.filter((h) => !brand.has(h)).length },
      postText: e.post?.text,
      brandAnsweredAuthor: answered.has(e.author.id),
      authorHistory: history?.(e.author.id) ?? { requests: 0, messages: 0 },
      previousFromAuthor: prev.length > 0 ? prev.slice(-3) : undefined,
    };
    previous.set(e.author.id, [...prev, e.text]);
    return context;
  });
}
