import { decideConversation, type ConversationMessage, type ConversationDecision } from "@/lib/classify/conversation";
import { loadModel } from "@/lib/classify/model";
import type { Category, Classification, ClassifyContext } from "@/lib/classify/types";
import type { Tx } from "@/db/client";
import { saveCycle } from "./cycles";
import { queries, type CycleRow, type Queries } from "./queries";

// The conversation decision of a response cycle (docs/definitions.md, "Conversation category"
// and "Response cycle"): its category from all its inbound messages together, and its clock start
// at the requesting person's earliest message — never later than a message a person of the brand
// replied to. The cycle stage runs it on every inbound message, a correction runs it again.

export type CycleMessage = Awaited<ReturnType<Queries["cycleMessages"]["execute"]>>[number];

// A message not stored yet (the one being ingested), placed among the stored ones by its time.
// `kind` and `inReplyTo` place it as the stored ones are placed (private or public, whom it answers).
export type NewInbound = { authorId: string; at: number; classification: Classification; context?: ClassifyContext | null; text?: string; kind?: ClassifyContext["kind"]; inReplyTo?: string };

export type CycleDecision = { decision: ConversationDecision; starts: number[] };

// The request probability of a message stored before it was kept (migration 0025): read back from
// its confidence (the distance from its language's threshold, mapped onto 0.5..1 on each side;
// lib/classify/classify.ts). Exact but for complaints and brands with their own layer.
function storedProbability(category: Category, confidence: number | null, language: string | null): number {
  const meta = loadModel().meta;
  const t = (language ? meta.thresholds?.request?.[language] : undefined) ?? meta.heads[0].threshold;
  const c = Math.min(1, Math.max(0.5, confidence ?? 0.5));
  return category === "request" ? t + (c - 0.5) * 2 * (1 - t) : t - (c - 0.5) * 2 * t;
}

// What the decision knows of a message's place: private or public, and whom it answers.
function placed(kind: ClassifyContext["kind"], parent: CycleMessage | undefined): ClassifyContext {
  return {
    kind,
    replyTo: parent ? (parent.direction === "outbound" ? "brand" : "customer") : "none",
    mentions: { brand: false, others: 0 },
    brandAnsweredAuthor: false,
    authorHistory: { requests: 0, messages: 0 },
  };
}

// `answers`: the external id named by a person's reply being ingested now.
export function decideCycle(stored: CycleMessage[], added?: NewInbound, answers?: string): CycleDecision {
  // A person's reply names the message it answers: that message was a request.
  const answered = new Set<string>(answers ? [answers] : []);
  for (const m of stored) if (m.direction === "outbound" && !m.automated && m.inReplyTo) answered.add(m.inReplyTo);
  const byExternal = new Map(stored.map((m) => [m.externalId, m]));
  const items: { at: number; id: number; message: ConversationMessage }[] = [];
  for (const m of stored) {
    if (m.direction !== "inbound" || m.automated) continue;
    const context = placed(m.visibility === "private" ? "private_message" : "public_comment", m.inReplyTo ? byExternal.get(m.inReplyTo) : undefined);
    const category = m.category ?? "noise";
    items.push({
      at: m.createdAt,
      id: m.id,
      message: {
        authorId: String(m.contactId ?? `message:${m.id}`),
        classification: { category, confidence: m.confidence ?? 0.5, complaint: !!m.complaint, requestProbability: m.requestProbability ?? storedProbability(category, m.confidence, m.language) },
        context,
        text: m.text ?? undefined,
        brandReplied: m.externalId != null && answered.has(m.externalId),
        correction: m.corrected ? category : null,
      },
    });
  }
  if (added) {
    const c = added.classification;
    items.push({
      at: added.at,
      id: Number.MAX_SAFE_INTEGER,
      message: {
        authorId: added.authorId,
        classification: { category: c.category, confidence: c.confidence, complaint: c.complaint, requestProbability: c.requestProbability ?? storedProbability(c.category, c.confidence, c.language) },
        context: added.context ?? (added.kind ? placed(added.kind, added.inReplyTo ? byExternal.get(added.inReplyTo) : undefined) : null),
        text: added.text,
      },
    });
  }
  items.sort((a, b) => a.at - b.at || a.id - b.id);
  return { decision: decideConversation(items.map((i) => i.message)), starts: items.map((i) => i.at) };
}

// Sets the cycle's category and clock start from the decision; the caller saves the cycle
// (saveCycle recomputes the deadlines). A person's reply already given keeps it a request.
export function applyDecision(cycle: CycleRow, { decision, starts }: CycleDecision): void {
  if (starts.length === 0) return;
  const earliest = starts[0];
  if (decision.category === "request" && decision.clockStartIndex != null) {
    cycle.category = "request";
    let start = starts[decision.clockStartIndex];
    const reply = cycle.firstResponseAt;
    // never later than the message the brand's first reply answered
    if (reply != null && start > reply) start = starts.filter((at) => at <= reply).pop() ?? earliest;
    cycle.startedAt = start;
    return;
  }
  if (cycle.firstResponseAt != null) {
    // Proved by the reply: the clock starts no later than the earliest message it could answer.
    cycle.category = "request";
    cycle.startedAt = Math.min(cycle.startedAt, earliest);
    return;
  }
  cycle.category = "noise";
  cycle.startedAt = earliest;
}

// After an agent's correction of one of its messages: the cycle is decided again, its clock
// moves, and its deadlines and SLA state follow (the caller refreshes the conversation).
export async function redecideCycle({ tx, brandId, cycleId, now }: { tx: Tx; brandId: number; cycleId: number; now: number }): Promise<void> {
  const q = queries(tx);
  const [cycle] = await q.cycle.execute({ id: cycleId });
  if (!cycle) return;
  const stored = await q.cycleMessages.execute({ conversationId: cycle.conversationId, cycleId });
  applyDecision(cycle, decideCycle(stored));
  await saveCycle({ q, brandId, cycle, now });
}
