import type { DemoItem } from "@/lib/demo/generate";
import { termsFor, type BrandPolicy } from "@/lib/sla/policy-store";
import { applyPersonReply } from "@/lib/ingest/cycles";
import { writeConversation, writeCycle, type FillConversation, type FillCycle, type FillStatements } from "./fill-store";

// Threads the demo stream into conversations and cycles in memory, following the pipeline's
// rules (lib/ingest/threading.ts, pipeline.ts placeInbound), and replays the team's past work:
// answered conversations are resolved after 3 quiet hours, idle noise after 24 hours, unanswered
// requests after a week. Classification comes from the generator's ground truth: the classifier
// is measured on its own, and running it over 3M texts would eat a third of the time budget.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ANSWERED_QUIET = 3 * HOUR;
const NOISE_IDLE = DAY;
const UNANSWERED_SWEEP = 7 * DAY;
/** A conversation idle this long is final: written out and dropped from memory. */
const EVICT_AFTER = 8 * DAY;
const REFERENCE_GENERATION = 1_500_000;
const CONTACT_CACHE = 600_000;
const PREVIEW_CHARS = 140;
const SCORES = { negative: -0.6, neutral: 0, positive: 0.6 } as const;

export type FillWorkspace = {
  brandIds: Map<string, number>;
  channelIds: Map<string, number>;
  agentIds: Map<string, number>;
  /** People a conversation may be assigned to, per brand (the demo agents and the login users). */
  assignees: Map<number, number[]>;
  policies: Map<number, BrandPolicy[]>;
};

export type FillCounts = { messages: number; conversations: number; cycles: number; resolved: number };

export class FillSimulation {
  readonly counts: FillCounts = { messages: 0, conversations: 0, cycles: 0, resolved: 0 };
  private active = new Map<number, FillConversation>();
  private dialogues = new Map<string, number>();
  private references = [new Map<string, number>(), new Map<string, number>()];
  private contacts = new Map<string, number>();
  private waitingPublic = new Map<number, Set<number>>();
  private ids: { message: number; conversation: number; cycle: number };
  private lastEvict = 0;

  /** The statements of the transaction being written; set before each chunk of items. */
  s!: FillStatements;

  constructor(
    private workspace: FillWorkspace,
    private now: number,
    start: { message: number; conversation: number; cycle: number },
  ) {
    this.ids = { ...start };
  }

  async add(item: DemoItem): Promise<void> {
    const { event, truth } = item;
    const brandId = this.workspace.brandIds.get(item.brandSlug)!;
    const channelId = this.workspace.channelIds.get(item.channelKey)!;
    const at = Math.min(Date.parse(event.createdAt), this.now);
    const kind = event.kind ?? "public_comment";
    const inbound = event.direction !== "outbound";
    if (at - this.lastEvict > HOUR) await this.evictIdle(at);

    const contactId = inbound ? await this.contactId(brandId, channelId, event.author, at) : null;
    let c = this.findThread(channelId, kind, event.externalId, event.threadId, event.inReplyTo, event.author.id, inbound);
    if (!c) c = this.openConversation({ brandId, channelId, kind, at, contactId: contactId ?? (await this.contactId(brandId, channelId, event.author, at)), threadKey: kind === "private_message" ? (event.threadId ?? event.author.id) : event.externalId });
    await this.sweep(c, at);

    const messageId = ++this.ids.message;
    let nrtSeconds: number | null = null;
    let cycle = c.cycle;
    const userId = item.agentKey ? (this.workspace.agentIds.get(item.agentKey) ?? null) : null;
    if (inbound) {
      cycle = await this.placeInbound(c, at, truth.request ? "request" : "noise", truth.complaint);
      cycle.lastInbound = { id: messageId, text: event.text, language: truth.language };
      this.touchInbound(c, at, event.text, truth.sentiment, truth.language);
      if (kind === "public_comment" && cycle.firstResponseAt == null) this.waiting(c.contactId).add(c.id);
      // The default escalation rules: a negative public comment to managers, from a large audience to admins.
      if (kind === "public_comment" && truth.sentiment === "negative")
        c.escalationLevel = Math.max(c.escalationLevel, (event.author.followers ?? 0) >= 10_000 ? 2 : 1);
    } else if (!event.automated && cycle) {
      nrtSeconds = await this.personReply(c, cycle, at, userId);
      if (kind === "private_message") await this.answerPublicByDm(c, at, userId);
    }
    c.lastMessageAt = Math.max(c.lastMessageAt, at);
    c.updatedAt = at + 1000;

    await this.s.message({
      id: messageId,
      conversationId: c.id,
      brandId,
      channelId,
      cycleId: cycle?.id ?? null,
      direction: inbound ? "inbound" : "outbound",
      visibility: kind === "private_message" ? "private" : "public",
      externalId: event.externalId,
      inReplyToExternalId: event.inReplyTo ?? null,
      contactId,
      userId: inbound ? null : userId,
      text: event.text,
      createdAt: new Date(at),
      receivedAt: new Date(at + 1000),
      automated: !!event.automated,
      language: inbound ? truth.language : null,
      category: inbound ? (truth.request ? "request" : "noise") : null,
      complaint: inbound ? truth.complaint : null,
      sentiment: inbound ? truth.sentiment : null,
      sentimentScore: inbound ? SCORES[truth.sentiment] : null,
      confidence: inbound ? 0.9 : null,
      reasons: inbound ? [] : null,
      url: event.url ?? null,
      attachments: event.attachments ?? null,
      nrtSeconds,
      deliveryState: inbound ? null : "sent",
      sentAt: inbound ? null : new Date(at),
    });
    this.counts.messages++;
    this.remember(channelId, event.externalId, c.id);
  }

  /** Writes every conversation still in memory, as of the end of the fill. */
  async finish(): Promise<void> {
    for (const c of this.active.values()) await this.finalize(c, this.now, true);
    this.active.clear();
  }

  private findThread(channelId: number, kind: string, externalId: string, threadId: string | undefined, inReplyTo: string | undefined, authorId: string, inbound: boolean): FillConversation | null {
    if (kind === "private_message") {
      const key = threadId ?? (inbound ? authorId : null);
      const byKey = key ? this.active.get(this.dialogues.get(channelId + ":" + key) ?? 0) : undefined;
      if (byKey) return byKey;
      return inReplyTo ? this.byReference(channelId, inReplyTo) : null;
    }
    if (inReplyTo) {
      const parent = this.byReference(channelId, inReplyTo);
      if (parent) return parent;
    }
    if (threadId && threadId !== externalId) return this.byReference(channelId, threadId);
    return null;
  }

  private byReference(channelId: number, externalId: string): FillConversation | null {
    const key = channelId + ":" + externalId;
    const id = this.references[0].get(key) ?? this.references[1].get(key);
    return id === undefined ? null : (this.active.get(id) ?? null);
  }

  private remember(channelId: number, externalId: string, conversationId: number): void {
    if (this.references[0].size >= REFERENCE_GENERATION) this.references = [new Map(), this.references[0]];
    this.references[0].set(channelId + ":" + externalId, conversationId);
  }

  private async contactId(brandId: number, channelId: number, author: { id: string; handle?: string; name?: string; followers?: number }, at: number): Promise<number> {
    const key = channelId + ":" + author.id;
    let id = this.contacts.get(key);
    if (id !== undefined) return id;
    if (this.contacts.size >= CONTACT_CACHE) this.contacts.clear();
    id = await this.s.contact({ brandId, channelId, externalId: author.id, handle: author.handle ?? null, name: author.name ?? null, followers: author.followers ?? null, createdAt: new Date(at) });
    this.contacts.set(key, id);
    return id;
  }

  private openConversation({ brandId, channelId, kind, at, contactId, threadKey }: { brandId: number; channelId: number; kind: FillConversation["kind"]; at: number; contactId: number; threadKey: string }): FillConversation {
    const c: FillConversation = {
      id: ++this.ids.conversation, brandId, channelId, contactId, threadKey, kind, status: "open", cycle: null,
      language: null, languageAt: Infinity, sentiment: "neutral", sentimentScore: 0, preview: "", latestInboundAt: -Infinity,
      firstInboundAt: null, lastMessageAt: at, lastInboundAt: null, lastInboundReceivedAt: null, assigneeId: null,
      escalationLevel: 0, linkedId: null, createdAt: at + 1000, updatedAt: at + 1000,
    };
    this.active.set(c.id, c);
    if (kind === "private_message") this.dialogues.set(channelId + ":" + threadKey, c.id);
    this.counts.conversations++;
    return c;
  }

  private async placeInbound(c: FillConversation, at: number, category: "request" | "noise", complaint: boolean): Promise<FillCycle> {
    const current = c.cycle;
    if (!current || (c.status === "resolved" && (current.resolvedAt == null || at >= current.resolvedAt))) {
      if (current) await writeCycle(this.s, c, current, this.now);
      const terms = termsFor({ policies: this.workspace.policies.get(c.brandId)!, channelId: c.channelId, category, priority: "normal" });
      const cycle: FillCycle = {
        id: ++this.ids.cycle, number: (current?.number ?? 0) + 1, category, startedAt: at, firstResponseAt: null, responderId: null,
        awaitingSince: null, resolvedAt: null, complaint, terms, createdAt: at + 1000, lastInbound: null,
      };
      c.cycle = cycle;
      c.status = "open";
      this.counts.cycles++;
      return cycle;
    }
    if (at < current.startedAt) current.startedAt = at;
    if (category === "request") current.category = "request";
    if (complaint) current.complaint = true;
    if (current.firstResponseAt != null && current.awaitingSince == null && at >= current.firstResponseAt) current.awaitingSince = at;
    c.status = "open";
    return current;
  }

  private touchInbound(c: FillConversation, at: number, text: string, sentiment: "negative" | "neutral" | "positive", language: string): void {
    c.firstInboundAt = c.firstInboundAt == null ? at : Math.min(c.firstInboundAt, at);
    c.lastInboundAt = c.lastInboundAt == null ? at : Math.max(c.lastInboundAt, at);
    c.lastInboundReceivedAt = at + 1000;
    if (at >= c.latestInboundAt) {
      c.latestInboundAt = at;
      c.sentiment = sentiment;
      c.sentimentScore = SCORES[sentiment];
      c.preview = text.slice(0, PREVIEW_CHARS);
    }
    if (at < c.languageAt) {
      c.languageAt = at;
      c.language = language;
    }
  }

  // The pipeline's own FRT/NRT rule (applyPersonReply), on the cycle in memory.
  private async personReply(c: FillConversation, cycle: FillCycle, at: number, userId: number | null): Promise<number | null> {
    const result = applyPersonReply({ cycle, at });
    if (result.firstResponse) {
      if (userId != null) cycle.responderId = userId;
      if (c.assigneeId == null) c.assigneeId = userId;
      const last = cycle.lastInbound;
      if (last) await this.s.example({ brandId: c.brandId, messageId: last.id, text: last.text, language: last.language, request: true, source: "reply", createdAt: new Date(at + 1000) });
      this.waitingPublic.get(c.contactId)?.delete(c.id);
    }
    return result.nrtSeconds;
  }

  private async answerPublicByDm(dm: FillConversation, at: number, userId: number | null): Promise<void> {
    const waiting = this.waitingPublic.get(dm.contactId);
    if (!waiting) return;
    for (const id of waiting) {
      const c = this.active.get(id);
      if (!c || c.channelId !== dm.channelId || !c.cycle || c.cycle.firstResponseAt != null || c.cycle.startedAt > at) continue;
      await this.personReply(c, c.cycle, at, userId);
      if (c.linkedId == null) c.linkedId = dm.id;
      if (dm.linkedId == null) dm.linkedId = c.id;
    }
  }

  private waiting(contactId: number): Set<number> {
    let set = this.waitingPublic.get(contactId);
    if (!set) this.waitingPublic.set(contactId, (set = new Set()));
    return set;
  }

  // The team's work between two messages: what would have been resolved by `at`.
  private async sweep(c: FillConversation, at: number): Promise<void> {
    const cycle = c.cycle;
    if (!cycle || c.status === "resolved") return;
    let resolvedAt: number | null = null;
    let by: number | null = null;
    if (cycle.firstResponseAt != null && at - c.lastMessageAt > ANSWERED_QUIET) {
      resolvedAt = c.lastMessageAt + 20 * 60_000;
      by = cycle.responderId ?? c.assigneeId;
    } else if (cycle.category === "noise" && c.lastInboundAt != null && at - c.lastInboundAt >= NOISE_IDLE) {
      resolvedAt = c.lastInboundAt + NOISE_IDLE;
    } else if (cycle.firstResponseAt == null && at - c.lastMessageAt > UNANSWERED_SWEEP) {
      resolvedAt = c.lastMessageAt + UNANSWERED_SWEEP;
      by = c.assigneeId;
    }
    if (resolvedAt == null) return;
    cycle.resolvedAt = resolvedAt;
    c.status = "resolved";
    c.updatedAt = resolvedAt;
    this.waitingPublic.get(c.contactId)?.delete(c.id);
    await this.s.audit({ brandId: c.brandId, userId: by, actor: by == null ? "worker" : "agent", action: "conversation.resolve", objectType: "conversation", objectId: String(c.id), createdAt: new Date(resolvedAt) });
    this.counts.resolved++;
  }

  private async evictIdle(at: number): Promise<void> {
    this.lastEvict = at;
    for (const c of this.active.values()) {
      if (at - c.lastMessageAt < EVICT_AFTER) continue;
      await this.finalize(c, at, false);
      this.active.delete(c.id);
      if (c.kind === "private_message" && this.dialogues.get(c.channelId + ":" + c.threadKey) === c.id) this.dialogues.delete(c.channelId + ":" + c.threadKey);
      const waiting = this.waitingPublic.get(c.contactId);
      waiting?.delete(c.id);
      if (waiting?.size === 0) this.waitingPublic.delete(c.contactId);
    }
  }

  // Final state: the sweep as of `at`; at the very end, part of the open work is pending or snoozed
  // and part of the waiting queue is assigned, as in a working inbox.
  private async finalize(c: FillConversation, at: number, end: boolean): Promise<void> {
    await this.sweep(c, at);
    const cycle = c.cycle;
    let snoozedUntil: number | null = null;
    if (end && cycle && c.status === "open") {
      const roll = (c.id * 2654435761) % 100;
      if (cycle.firstResponseAt != null && roll < 50) c.status = "pending";
      else if (cycle.firstResponseAt == null && cycle.category === "request") {
        if (roll < 3) {
          c.status = "snoozed";
          snoozedUntil = this.now + 4 * HOUR;
        } else if (roll < 40 && c.assigneeId == null) {
          const pool = this.workspace.assignees.get(c.brandId)!;
          c.assigneeId = pool[c.id % pool.length];
        }
      }
    }
    if (cycle && c.escalationLevel > 0) {
      const open = c.status !== "resolved";
      await this.s.escalation({
        brandId: c.brandId,
        conversationId: c.id,
        level: c.escalationLevel,
        reason: "Negative public comment",
        cues: ["negative"],
        status: open ? "open" : "resolved",
        createdAt: new Date(cycle.startedAt + 60_000),
        resolvedAt: open ? null : new Date(cycle.resolvedAt ?? c.updatedAt),
      });
    }
    const current = cycle ? await writeCycle(this.s, c, cycle, this.now) : null;
    await writeConversation(this.s, c, current, snoozedUntil);
  }
}
