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
}: {
  lines: ThreadLine[];
  channels?: EvalChannel[];
  log?: (m: string) => void;
  classifyText?: ClassifyText;
  // print up to this many queue mistakes each way (chatter queued, requests left out) to the log
  errors?: number;
}): Promise<ThreadEvalResult> {
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
    const started = performance.now();
    for (let i = 0; i < ordered.length; i += BATCH) {
      await ingestBatch({ db, brandId: brand.id, classifyText, items: ordered.slice(i, i + BATCH).map((l) => ({ event: l.event, channelId: channelOf.get(channelKeyOf(l))! })) });
      log(`ingested ${Math.min(i + BATCH, ordered.length)} of ${ordered.length} events`);
    }
    const ms = performance.now() - started;
    return { ...(await score({ db, brandId: brand.id, lines, channelOf, errors, log })), msPerMessage: Math.round((ms / Math.max(1, lines.length)) * 1e5) / 1e5 };
  } finally {
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const channelKeyOf = (l: ThreadLine): string => l.channelKey ?? l.kind;

async function score({
  db,
  brandId,
  lines,
  channelOf,
  errors,
  log,
}: {
  db: Db;
  brandId: number;
  lines: ThreadLine[];
  channelOf: Map<string, number>;
  errors: number;
  log: (m: string) => void;
}): Promise<Omit<ThreadEvalResult, "msPerMessage">> {
  const stored = await db
    .select({
      externalId: messages.externalId,
      channelId: messages.channelId,
      conversationId: messages.conversationId,
      category: messages.category,
      complaint: messages.complaint,
      sentiment: messages.sentiment,
      language: messages.language,
    })
    .from(messages)
    .where(and(eq(messages.brandId, brandId), eq(messages.direction, "inbound")));
  const byKey = new Map(stored.map((m) => [`${m.channelId}:${m.externalId}`, m]));
  const inbound = lines
    .filter((l) => l.event.direction === "inbound")
    .map((l) => ({ line: l, message: byKey.get(`${channelOf.get(channelKeyOf(l))}:${l.event.externalId}`) }))
    .filter((x): x is { line: ThreadLine; message: NonNullable<typeof x.message> } => !!x.message);

  const queued = new Set(
    (
      await db
        .select({ id: conversations.id })
        .from(conversations)
        .innerJoin(responseCycles, eq(responseCycles.id, conversations.currentCycleId))
        .where(and(eq(conversations.brandId, brandId), eq(responseCycles.category, "request"), inArray(conversations.status, ["open", "pending", "snoozed"])))
    ).map((c) => c.id),
  );
  const labelled = inbound.filter((x) => x.line.label);
  const requests = labelled.filter((x) => x.line.label === "request");
  const holdsRequest = new Set(requests.map((x) => x.message.conversationId));
  const queuedWithRequest = [...queued].filter((id) => holdsRequest.has(id)).length;
  if (errors > 0) {
    const show = (title: string, ids: number[]) => {
      log(`${title}: ${ids.length}`);
      for (const id of ids.slice(0, errors)) {
        log(`  conversation ${id}`);
        for (const x of inbound.filter((m) => m.message.conversationId === id))
          log(`    [${x.line.label ?? "?"} → ${x.message.category ?? "?"}] ${x.line.event.author.id}: ${x.line.event.text.replace(/\s+/g, " ").slice(0, 140)}`);
      }
    };
    show("queued without a request", [...queued].filter((id) => !holdsRequest.has(id)));
    show("requests left out of the queue", [...holdsRequest].filter((id) => !queued.has(id)));
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
    conversations: new Set(inbound.map((x) => x.message.conversationId)).size,
    queue: {
      precision: queued.size ? round(queuedWithRequest / queued.size) : 0,
      recall: requests.length ? round(requests.filter((x) => queued.has(x.message.conversationId)).length / requests.length) : 0,
      conversations: new Set(labelled.map((x) => x.message.conversationId)).size,
      queued: queued.size,
      requests: requests.length,
    },
  };
}
