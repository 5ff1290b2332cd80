import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { conversations, messages, responseCycles, type ChannelKind } from "@/db/schema";
import { cliActor } from "@/lib/audit/record";
import { createBrand } from "@/lib/brands/brands";
import { createChannel } from "@/lib/channels/channels";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch, type IngestItem } from "@/lib/ingest/pipeline";
import { triageMisreads } from "@/lib/demo/triage";
import { retrainBrand } from "./brand-training";
import type { ClassifyText } from "@/lib/ingest/batch";
import type { Classification, Sentiment } from "./types";
import { summarize, type EvalLine, type EvalResult } from "./train/evaluate";

export const PLATFORM_KINDS = ["facebook", "instagram", "twitter", "vk", "telegram", "youtube", "email", "web"] as const satisfies readonly ChannelKind[];
type PlatformKind = (typeof PLATFORM_KINDS)[number];

// `channelKey` names one of the `channels` given to evaluateThreads; without it, one channel per kind.
export type ThreadLine = { event: IngestItem["event"]; kind: PlatformKind; channelKey?: string; label?: "request" | "noise"; sentiment?: Sentiment; complaint?: boolean; lang?: string };
export type EvalChannel = { key: string; kind: PlatformKind; name: string; accountId: string };
export type QueueFigures = { precision: number; recall: number; conversations: number; queued: number; requests: number };
export type ThreadEvalResult = EvalResult & { conversations: number; queue: QueueFigures };

const BATCH = 500;

// A line of thread-shaped data: an InboundEvent whose `channel` names a platform kind.
export function isThreadLine(value: unknown): boolean {
  const v = value as { externalId?: unknown; channel?: unknown } | null;
  return !!v && typeof v.externalId === "string" && typeof v.channel === "string" && (PLATFORM_KINDS as readonly string[]).includes(v.channel);
}

export function parseThreadLines(raw: unknown[]): ThreadLine[] {
  return raw.map((value, i) => {
    const v = value as Record<string, unknown>;
    const parsed = inboundEventSchema.safeParse(v);
    if (!parsed.success) throw new Error(`line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".") || "event"}: ${x.message}`).join("; ")}`);
    if (!isThreadLine(v)) throw new Error(`line ${i + 1}: channel must be one of ${PLATFORM_KINDS.join(", ")}`);
    const label = v.label === "request" || v.label === "noise" ? v.label : undefined;
    return {
      event: { ...parsed.data, channel: undefined },
      kind: v.channel as PlatformKind,
      label,
      sentiment: typeof v.sentiment === "string" ? (v.sentiment as Sentiment) : undefined,
      complaint: typeof v.complaint === "boolean" ? v.complaint : undefined,
      lang: typeof v.lang === "string" ? v.lang : undefined,
    };
  });
}

/**
 * Threads the events through the real ingest pipeline in a scratch database (one channel per
 * platform kind, platform-time order) and scores what an agent would see: the stored message
 * classifications and the queue — the conversations whose current cycle is a request and that
 * are not resolved.
 */
export async function evaluateThreads({
  lines,
  channels = [],
  log = () => undefined,
  classifyText,
  errors = 0,
  learnDaily = false,
  since,
}: {
  lines: ThreadLine[];
  channels?: EvalChannel[];
  log?: (m: string) => void;
  classifyText?: ClassifyText;
  // print up to this many queue mistakes each way (chatter queued, requests left out) to the log
  errors?: number;
  // ingest a day at a time; after each day a team marks the queued conversations that hold no
  // labelled request "Not a request" and the brand's layer retrains, as a team using it would
  learnDaily?: boolean;
  // score only the inbound messages from this time on, and the conversations they are in
  since?: number;
}): Promise<ThreadEvalResult & { examples: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replyhour-eval-"));
  const db = openDatabase({ file: path.join(dir, "eval.db") });
  try {
    const brand = await createBrand({ db, slug: "eval", name: "Evaluation", actor: cliActor });
    const channelOf = new Map<string, number>();
    for (const key of new Set(lines.map(channelKeyOf))) {
      const spec = channels.find((c) => c.key === key);
      const kind = spec?.kind ?? (key as PlatformKind);
      channelOf.set(key, (await createChannel({ db, brandId: brand.id, kind, name: spec?.name ?? kind, accountId: spec?.accountId, actor: cliActor })).id);
    }
    const ordered = [...lines].sort((a, b) => Date.parse(a.event.createdAt) - Date.parse(b.event.createdAt));
    const asks = new Set(ordered.filter((l) => l.label === "request").map((l) => `${channelOf.get(channelKeyOf(l))}:${l.event.externalId}`));
    const days = learnDaily ? dayChunks(ordered) : [{ until: Infinity, lines: ordered }];
    let examples = 0;
    const started = performance.now();
    let ingested = 0;
    for (const [d, { until, lines: day }] of days.entries()) {
      for (let i = 0; i < day.length; i += BATCH) {
        await ingestBatch({ db, brandId: brand.id, classifyText, items: day.slice(i, i + BATCH).map((l) => ({ event: l.event, channelId: channelOf.get(channelKeyOf(l))! })) });
        ingested += Math.min(BATCH, day.length - i);
        log(`ingested ${ingested} of ${ordered.length} events`);
      }
      if (d === days.length - 1) continue;
      await triageMisreads({ db, brandId: brand.id, actor: cliActor, asks: (channelId, externalId) => asks.has(`${channelId}:${externalId}`), at: until });
      examples = (await retrainBrand({ db, brandId: brand.id })).examples;
    }
    const ms = performance.now() - started;
    return { ...(await score({ db, brandId: brand.id, lines, channelOf, errors, log, since })), examples, msPerMessage: Math.round((ms / Math.max(1, lines.length)) * 1e5) / 1e5 };
  } finally {
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const channelKeyOf = (l: ThreadLine): string => l.channelKey ?? l.kind;

const DAY = 24 * 3600_000;

// Time-ordered lines cut into 24-hour days counted back from the last line, oldest first, each
// with the time it ends.
function dayChunks(ordered: ThreadLine[]): { until: number; lines: ThreadLine[] }[] {
  const end = Date.parse(ordered[ordered.length - 1]?.event.createdAt ?? "0") + 1;
  const byAge = new Map<number, ThreadLine[]>();
  for (const line of ordered) {
    const age = Math.floor((end - Date.parse(line.event.createdAt)) / DAY);
    const list = byAge.get(age);
    if (list) list.push(line);
    else byAge.set(age, [line]);
  }
  return [...byAge.keys()].sort((x, y) => y - x).map((age) => ({ until: end - age * DAY, lines: byAge.get(age)! }));
}

async function score({
  db,
  brandId,
  lines,
  channelOf,
  errors,
  log,
  since = -Infinity,
}: {
  db: Db;
  brandId: number;
  lines: ThreadLine[];
  channelOf: Map<string, number>;
  errors: number;
  log: (m: string) => void;
  since?: number;
}): Promise<Omit<ThreadEvalResult, "msPerMessage">> {
  const rows = await db
    .select({
      externalId: messages.externalId,
      channelId: messages.channelId,
      conversationId: messages.conversationId,
      category: messages.category,
      complaint: messages.complaint,
      sentiment: messages.sentiment,
      language: messages.language,
      requestProbability: messages.requestProbability,
    })
    .from(messages)
    .where(eq(messages.brandId, brandId));
  const byKey = new Map(rows.map((m) => [`${m.channelId}:${m.externalId}`, m]));
  const both = lines
    .map((l) => ({ line: l, message: byKey.get(`${channelOf.get(channelKeyOf(l))}:${l.event.externalId}`) }))
    .filter((x): x is { line: ThreadLine; message: NonNullable<typeof x.message> } => !!x.message);
  const stored = both.filter((x) => x.line.event.direction === "inbound");
  const inbound = stored.filter((x) => Date.parse(x.line.event.createdAt) >= since);
  const scored = new Set(inbound.map((x) => x.message.conversationId));

  const queued = new Set(
    (
      await db
        .select({ id: conversations.id })
        .from(conversations)
        .innerJoin(responseCycles, eq(responseCycles.id, conversations.currentCycleId))
        .where(and(eq(conversations.brandId, brandId), eq(responseCycles.category, "request"), inArray(conversations.status, ["open", "pending", "snoozed"])))
    )
      .map((c) => c.id)
      .filter((id) => scored.has(id)),
  );
  const labelled = inbound.filter((x) => x.line.label);
  const requests = labelled.filter((x) => x.line.label === "request");
  // a conversation in the queue holds a request when any of its messages is one, scored or earlier
  const holdsRequest = new Set(stored.filter((x) => x.line.label === "request").map((x) => x.message.conversationId));
  const queuedWithRequest = [...queued].filter((id) => holdsRequest.has(id)).length;
  if (errors > 0) {
    const show = (title: string, ids: number[]) => {
      log(`${title}: ${ids.length}`);
      for (const id of ids.slice(0, errors)) {
        log(`  conversation ${id}`);
        for (const x of both.filter((m) => m.message.conversationId === id)) {
          const p = x.message.requestProbability;
          const what = x.line.event.direction === "inbound" ? `${x.line.label ?? "?"} → ${x.message.category ?? "?"}${p === null ? "" : ` ${p.toFixed(3)}`}` : "brand";
          log(`    [${what}] ${x.line.event.createdAt} ${x.line.event.author.id}: ${x.line.event.text.replace(/\s+/g, " ").slice(0, 140)}`);
        }
      }
    };
    show("queued without a request", [...queued].filter((id) => !holdsRequest.has(id)));
    show("requests left out of the queue", [...new Set(requests.map((x) => x.message.conversationId))].filter((id) => !queued.has(id)));
  }
  const round = (n: number) => Math.round(n * 10000) / 10000;

  const evalLines: EvalLine[] = inbound.map(({ line }) => ({
    text: line.event.text,
    request: line.label ? line.label === "request" : undefined,
    complaint: line.complaint,
    sentiment: line.sentiment,
    lang: line.lang,
  }));
  const predictions = inbound.map(({ message }) => ({
    category: message.category ?? "noise",
    complaint: !!message.complaint,
    sentiment: message.sentiment ?? "neutral",
    language: message.language ?? "und",
  })) as Classification[];
  const messageFigures = summarize({ lines: evalLines, predictions, ms: 0 });
  return {
    ...messageFigures,
    conversations: scored.size,
    queue: {
      precision: queued.size ? round(queuedWithRequest / queued.size) : 0,
      recall: requests.length ? round(requests.filter((x) => queued.has(x.message.conversationId)).length / requests.length) : 0,
      conversations: new Set(labelled.map((x) => x.message.conversationId)).size,
      queued: queued.size,
      requests: requests.length,
    },
  };
}
