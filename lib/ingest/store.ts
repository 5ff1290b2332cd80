import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { fromPairs, insertValues, pairFields, lockBrandIngest, lookupByPairs, reserveIds, updateValues } from "@/db/bulk";
import { prepared } from "@/db/prepared";
import { channels, classifierExamples, contacts, conversations, messages, responseCycles } from "@/db/schema";
import { erasedId } from "@/lib/privacy/token";
import type { Batch, IngestItem } from "./batch";
import { keepBrandHandles } from "./brand-handles";
import { conversationRow, cycleMessageRow, cycleRow, queries, type ConversationRow, type CycleMessage, type CycleRow, type Queries, type Summary, type Thread } from "./queries";

// What one ingest batch reads and writes, set-based: the rows its events name are read in a few
// statements when the batch opens, the stages work on those rows in memory, and what they write
// is stored in a few multi-row statements when the batch ends. A lookup the read-ahead did not
// cover stores what is pending first and then asks the database, so every read sees every
// earlier write of the batch.
//
// The read-ahead is exact only while nobody else stores the brand's messages, contacts and
// conversations: SQLite runs one writer at a time; on PostgreSQL the batch holds the brand's
// ingest lock (db/bulk.ts lockBrandIngest), as a sent reply does.

export type MessageRow = {
  id: number;
  conversationId: number;
  externalId: string;
  text: string;
  deletedOnPlatformAt: Date | null;
  direction: string;
  contactId: number | null;
};

export type ContactRow = { id: number; blocked: boolean; handle: string | null; name: string | null; followers: number | null };

type Row = unknown[];
const key = (channelId: number, id: string) => `${channelId}\u0000${id}`;

const MESSAGE_KEYS = [
  "id", "conversationId", "brandId", "channelId", "cycleId", "direction", "visibility", "externalId", "inReplyToExternalId", "contactId", "userId", "text", "createdAt", "receivedAt", "automated", "language", "category", "complaint", "sentiment", "sentimentScore", "confidence", "requestProbability", "reasons", "url", "attachments", "subject", "quotedText", "html", "editedAt", "nrtSeconds", "deliveryState", "sentAt",
];
const CONTACT_KEYS = ["id", "brandId", "channelId", "externalId", "handle", "name", "followers", "createdAt"];
const CONVERSATION_KEYS = ["id", "brandId", "channelId", "contactId", "externalThreadId", "kind", "status", "category", "lastMessageAt", "createdAt", "updatedAt", "preview"];
const CYCLE_KEYS = [
  "id", "conversationId", "brandId", "channelId", "number", "category", "startedAt", "policyId", "targetSeconds", "nextResponseTargetSeconds", "atRiskShare", "calendar", "atRiskAt", "dueAt", "slaState", "reopened", "createdAt",
  "firstResponseAt", "firstResponseSeconds", "firstResponseBusinessSeconds", "firstResponderId", "awaitingSince",
];
const CYCLE_UPDATE_KEYS = ["id", "category", "startedAt", "firstResponseAt", "firstResponseSeconds", "firstResponseBusinessSeconds", "firstResponderId", "atRiskAt", "dueAt", "slaState", "awaitingSince"];
const CONVERSATION_UPDATE_KEYS = [
  "id", "status", "category", "complaint", "sentiment", "sentimentScore", "language", "currentCycleId", "slaState", "firstResponseDueAt", "awaitingFirstResponse", "firstInboundAt", "lastMessageAt", "lastInboundAt", "lastInboundReceivedAt", "snoozedUntil", "preview", "updatedAt",
];

// A new conversation's columns with its refreshed state: the insert's first, then the update's others.
const NEW_CONVERSATION_KEYS = [...CONVERSATION_KEYS, ...CONVERSATION_UPDATE_KEYS.filter((k) => !CONVERSATION_KEYS.includes(k))];

export type CycleSave = {
  id: number;
  brandId: number;
  category: string;
  startedAt: number;
  firstResponseAt: number | null;
  firstResponseSeconds: number | null;
  firstResponseBusinessSeconds: number | null;
  responderId: number | null;
  atRiskAt: number | null;
  dueAt: number | null;
  slaState: string;
  awaitingSince: number | null;
};

export type CycleInsert = {
  conversationId: number;
  brandId: number;
  channelId: number;
  number: number;
  category: string;
  startedAt: number;
  policyId: number | null;
  targetSeconds: number;
  nextTarget: number | null;
  atRiskShare: number;
  calendar: string;
  atRiskAt: number | null;
  dueAt: number | null;
  slaState: string;
  reopened: number;
  now: number;
};

// The conversation's summary as refreshConversation stores it, kept up to date message by message.
type Kept = Summary & { cycleId: number | null };

// A contact's conversations with the brand, counted: all, requests, public ones per channel.
type Held = { conversations: number; requests: number; publicByChannel: Map<number, number> };

type Reserved = { contacts: number[]; conversations: number[]; cycles: number[]; messages: number[] };

export class IngestStore {
  private readonly tx: Tx;
  private readonly q: Queries;
  private readonly brandId: number;
  private readonly messagesByKey = new Map<string, MessageRow | null>();
  private readonly contactsByKey = new Map<string, ContactRow | null>();
  private readonly privateThreads = new Map<string, number | null>();
  private readonly conversationRows = new Map<number, ConversationRow>();
  private readonly cycleRows = new Map<number, CycleRow>();
  private readonly cycleLists = new Map<number, CycleMessage[]>();
  private readonly summaries = new Map<number, Kept>();
  // contact id → their conversations: category, and where
  private readonly histories = new Map<number, Held>();
  // Channel → the batch's external ids that stored messages reply to (orphans waiting for a parent).
  private readonly repliedTo = new Map<number, Set<string>>();
  private readonly askedReplies = new Map<number, Set<string>>();
  private reserved: Reserved | null = null;
  private readonly used = { contacts: 0, conversations: 0, cycles: 0, messages: 0 };
  private reserveCount = 0;

  private newContacts = new Map<number, Row>();
  // Stored contacts' new profile values ([id, handle, name, followers], null where unchanged).
  private contactUpdates = new Map<number, Row>();
  private newConversations: Row[] = [];
  private newCycles = new Map<number, Record<string, unknown>>();
  private cycleSaves = new Map<number, CycleSave>();
  private newMessages: Row[] = [];
  private conversationUpdates = new Map<number, Row>();
  private examples: Row[] = [];
  // Conversations with messages not stored yet.
  private readonly pendingIn = new Set<number>();

  constructor(batch: Pick<Batch, "tx" | "brandId">) {
    this.tx = batch.tx;
    this.q = queries(batch.tx);
    this.brandId = batch.brandId;
  }

  // ---- read-ahead ----

  /** Reads every row the batch's events name, in a few statements. */
  async readAhead(batch: Batch, items: IngestItem[]): Promise<void> {
    await lockBrandIngest(this.tx, this.brandId);
    this.reserveCount = items.length;
    const perChannel = new Map<number, Lists>();
    for (const { event, channelId } of items) {
      let c = perChannel.get(channelId);
      if (!c) perChannel.set(channelId, (c = { messages: new Set(), contacts: new Set(), threads: new Set(), replies: new Set() }));
      const erased = batch.erasedChannels.has(channelId);
      for (const id of [event.externalId, event.inReplyTo, event.threadId, ...(event.references ?? [])]) {
        if (!id) continue;
        c.messages.add(id);
        if (erased) c.messages.add(erasedId(channelId, id));
      }
      c.replies.add(event.externalId);
      c.contacts.add(event.author.id);
      if (event.kind === "private_message") {
        const threadKey = event.threadId ?? (event.direction === "inbound" ? event.author.id : null);
        if (threadKey) c.threads.add(threadKey);
      }
    }
    const conversationIds = new Set<number>();
    for (const [channelId, c] of perChannel) {
      for (const id of c.messages) this.messagesByKey.set(key(channelId, id), null);
      for (const id of c.contacts) this.contactsByKey.set(key(channelId, id), null);
      for (const id of c.threads) this.privateThreads.set(key(channelId, id), null);
      this.repliedTo.set(channelId, new Set());
      this.askedReplies.set(channelId, c.replies);
    }
    // One statement per kind for every channel of the batch; a row of an id asked on another channel (SQLite's lists) is not kept.
    for (const row of (await this.lookup("messages", perChannel, (c) => c.messages)) as (MessageRow & { channelId: number })[]) {
      const k = key(row.channelId, row.externalId);
      if (!this.messagesByKey.has(k)) continue;
      const { channelId: _channel, ...m } = row;
      this.messagesByKey.set(k, m);
      conversationIds.add(m.conversationId);
    }
    for (const row of (await this.lookup("contacts", perChannel, (c) => c.contacts)) as (ContactRow & { externalId: string; channelId: number })[]) {
      const k = key(row.channelId, row.externalId);
      if (!this.contactsByKey.has(k)) continue;
      const { externalId: _id, channelId: _channel, ...contact } = row;
      this.contactsByKey.set(k, contact);
    }
    // Newest first: the first row of a key is its conversation.
    if ([...perChannel.values()].some((c) => c.threads.size > 0))
      for (const row of (await this.lookup("threads", perChannel, (c) => c.threads)) as { id: number; threadKey: string; channelId: number }[]) {
        const k = key(row.channelId, row.threadKey);
        if (!this.privateThreads.has(k) || this.privateThreads.get(k) != null) continue;
        this.privateThreads.set(k, row.id);
        conversationIds.add(row.id);
      }
    for (const row of (await this.lookup("replies", perChannel, (c) => c.replies)) as { id: string | null; channelId: number }[]) if (row.id !== null) this.repliedTo.get(row.channelId)?.add(row.id);
    await this.loadConversations([...conversationIds]);
    await this.loadHistories([...new Set([...this.contactsByKey.values()].filter((c): c is ContactRow => c != null).map((c) => c.id))]);
    await this.loadChannelAccounts(batch, [...perChannel.keys()]);
  }

  // The rows of these (channel, id) pairs: one statement of pairs on PostgreSQL, lists of channels and ids on SQLite.
  private async lookup<C>(kind: ListKind, perChannel: Map<number, C>, pick: (c: C) => Iterable<string>): Promise<unknown[]> {
    if (!lookupByPairs(this.tx)) return this.inList(kind, [...perChannel.keys()], [...new Set([...perChannel.values()].flatMap((c) => [...pick(c)]))]);
    const pairChannels: number[] = [];
    const pairKeys: string[] = [];
    for (const [channelId, c] of perChannel)
      for (const id of pick(c)) {
        pairChannels.push(channelId);
        pairKeys.push(id);
      }
    if (pairKeys.length === 0) return [];
    return prepared(this.tx, `ingest.store.${kind}.pairs`, (tx) => pairQueries[kind](tx)).execute({ pairChannels, pairKeys });
  }

  // One id the read-ahead did not cover, the same way.
  private lookupOne(kind: ListKind, channelId: number, id: string): Promise<unknown[]> {
    return this.lookup(kind, new Map([[channelId, null]]), () => [id]);
  }

  private async inList(kind: ListKind, channelIds: number[], ids: string[]): Promise<unknown[]> {
    const out: unknown[] = [];
    const largest = SIZES[SIZES.length - 1];
    for (let c = 0; c < channelIds.length; c += CHANNELS)
      for (let i = 0; i < ids.length; i += largest) {
        const channels = channelIds.slice(c, c + CHANNELS);
        const chunk = ids.slice(i, i + largest);
        const size = SIZES.find((n) => n >= chunk.length)!;
        const values: Record<string, unknown> = {};
        for (let k = 0; k < CHANNELS; k++) values[`ch${k}`] = channels[Math.min(k, channels.length - 1)];
        for (let k = 0; k < size; k++) values[`id${k}`] = chunk[Math.min(k, chunk.length - 1)];
        const query = prepared(this.tx, `ingest.store.${kind}.${size}`, (tx) => listQueries[kind](tx, size));
        out.push(...(await query.execute(values)));
      }
    return out;
  }

  private async byIds<K extends "conversations" | "histories" | "cycleMessages">(kind: K, ids: number[]): Promise<unknown[]> {
    const out: unknown[] = [];
    const largest = SIZES[SIZES.length - 1];
    for (let i = 0; i < ids.length; i += largest) {
      const chunk = ids.slice(i, i + largest);
      const size = SIZES.find((n) => n >= chunk.length)!;
      const values: Record<string, unknown> = {};
      for (let k = 0; k < size; k++) values[`id${k}`] = chunk[Math.min(k, chunk.length - 1)];
      const query = prepared(this.tx, `ingest.store.${kind}.${size}`, (tx) => idQueries[kind](tx, size));
      out.push(...(await query.execute(values)));
    }
    return out;
  }

  private async loadConversations(ids: number[]): Promise<void> {
    const wanted = ids.filter((id) => !this.conversationRows.has(id));
    if (wanted.length === 0) return;
    const loaded: ConversationRow[] = [];
    for (const row of (await this.byIds("conversations", wanted)) as { conversation: ConversationRow; cycle: CycleRow | null }[]) {
      if (row.conversation.brandId !== this.brandId) continue;
      this.conversationRows.set(row.conversation.id, row.conversation);
      loaded.push(row.conversation);
      if (row.cycle?.id != null) {
        this.cycleRows.set(row.cycle.id, row.cycle);
        this.cycleLists.set(row.cycle.id, []);
      }
    }
    if (loaded.length === 0) return;
    // Every message of these conversations (their index), oldest first: the current cycle's are
    // kept, and the inbox summary is computed from all of them.
    const all = new Map<number, LoadedMessage[]>(loaded.map((c) => [c.id, []]));
    for (const row of (await this.byIds("cycleMessages", loaded.map((c) => c.id))) as LoadedMessage[]) {
      all.get(row.conversationId)?.push(row);
      const { cycleId, conversationId: _c, sentiment: _s, sentimentScore: _score, ...message } = row;
      if (cycleId != null) this.cycleLists.get(cycleId)?.push(message);
    }
    for (const c of loaded) if (!this.summaries.has(c.id)) this.summaries.set(c.id, summaryOf(all.get(c.id)!, c.currentCycleId));
  }

  private async loadHistories(contactIds: number[]): Promise<void> {
    const wanted = contactIds.filter((id) => !this.histories.has(id));
    for (const id of wanted) this.histories.set(id, held());
    if (wanted.length === 0) return;
    for (const row of (await this.byIds("histories", wanted)) as { contactId: number; category: string; kind: string; channelId: number; n: number }[]) {
      const h = this.histories.get(row.contactId)!;
      h.conversations += row.n;
      if (row.category === "request") h.requests += row.n;
      if (row.kind === "public_comment") h.publicByChannel.set(row.channelId, (h.publicByChannel.get(row.channelId) ?? 0) + row.n);
    }
  }

  private async loadChannelAccounts(batch: Batch, channelIds: number[]): Promise<void> {
    const wanted = channelIds.filter((id) => !batch.brandHandles.has(id));
    if (wanted.length === 0) return;
    const rows = await this.tx.select({ id: channels.id, name: channels.name, accountId: channels.accountId }).from(channels).where(and(inArray(channels.id, wanted), eq(channels.brandId, this.brandId)));
    for (const row of rows) keepBrandHandles(batch, row.id, row);
  }

  // ---- reads ----

  /** The message of the channel with this external id (or the token it was erased to). */
  async message(channelId: number, externalId: string, token?: string): Promise<MessageRow | null> {
    for (const id of token && token !== externalId ? [externalId, token] : [externalId]) {
      const k = key(channelId, id);
      const known = this.messagesByKey.get(k);
      if (known) return known;
      if (known === undefined) {
        await this.flush();
        const [row] = (await this.lookupOne("messages", channelId, id)) as MessageRow[];
        this.messagesByKey.set(k, row ?? null);
        if (row) return row;
      }
    }
    return null;
  }

  async contact(channelId: number, externalId: string): Promise<ContactRow | null> {
    const k = key(channelId, externalId);
    let known = this.contactsByKey.get(k);
    if (known === undefined) {
      await this.flush();
      const [row] = (await this.lookupOne("contacts", channelId, externalId)) as (ContactRow & { externalId: string })[];
      known = row ? { id: row.id, blocked: row.blocked, handle: row.handle, name: row.name, followers: row.followers } : null;
      this.contactsByKey.set(k, known);
      if (known) await this.loadHistories([known.id]);
    }
    return known;
  }

  /** The conversation (with its current cycle) a stored message belongs to. */
  async threadOfMessage(channelId: number, externalId: string): Promise<Thread | null> {
    const m = await this.message(channelId, externalId);
    return m ? this.thread(m.conversationId) : null;
  }

  /** The newest conversation filed under this key. */
  async threadByKey(channelId: number, threadKey: string, kind: string): Promise<Thread | null> {
    if (kind === "private_message") {
      const k = key(channelId, threadKey);
      const known = this.privateThreads.get(k);
      if (known !== undefined) return known === null ? null : this.thread(known);
    }
    await this.flush();
    const [row] = await this.q.threadByKey.execute({ channelId, threadKey, kind });
    if (!row) return null;
    if (kind === "private_message") this.privateThreads.set(key(channelId, threadKey), row.conversation.id);
    return this.thread(row.conversation.id);
  }

  /** The conversations of this kind the batch has read or started, of this contact on this channel. */
  batchConversationsOf(contactId: number, channelId: number, kind: string): number[] {
    return [...this.conversationRows.values()].filter((c) => c.contactId === contactId && c.channelId === channelId && c.kind === kind).map((c) => c.id);
  }

  /** Reads these conversations and their cycles, those the batch has not read yet: nothing of theirs is pending, so nothing is stored first. */
  async readStored(conversationIds: number[]): Promise<void> {
    await this.loadConversations(conversationIds);
  }

  async thread(conversationId: number): Promise<Thread | null> {
    if (!this.conversationRows.has(conversationId)) {
      await this.flush();
      await this.loadConversations([conversationId]);
    }
    const conversation = this.conversationRows.get(conversationId);
    if (!conversation) return null;
    return { conversation, cycle: conversation.currentCycleId == null ? null : await this.cycle(conversation.currentCycleId) };
  }

  async cycle(id: number): Promise<CycleRow | null> {
    let cycle = this.cycleRows.get(id);
    if (!cycle) {
      await this.flush();
      [cycle] = await this.q.cycle.execute({ id });
      if (!cycle) return null;
      this.cycleRows.set(id, cycle);
    }
    return cycle;
  }

  /** The cycle's stored messages, oldest first (a copy: the batch appends to its own). */
  async cycleMessages(conversationId: number, cycleId: number): Promise<CycleMessage[]> {
    let list = this.cycleLists.get(cycleId);
    if (!list) {
      await this.flush();
      list = await this.q.cycleMessages.execute({ conversationId, cycleId });
      this.cycleLists.set(cycleId, list);
    }
    return list.slice();
  }

  /** The contact's other conversations with the brand, and how many of them are requests. */
  async contactHistory(contactId: number, conversationId: number): Promise<{ conversations: number; requests: number }> {
    if (!this.histories.has(contactId)) {
      await this.flush();
      await this.loadHistories([contactId]);
    }
    const h = this.histories.get(contactId)!;
    const own = this.conversationRows.get(conversationId);
    const mine = own?.contactId === contactId;
    return { conversations: h.conversations - (mine ? 1 : 0), requests: h.requests - (mine && own.category === "request" ? 1 : 0) };
  }

  /** Whether the contact has a public conversation on the channel besides `exceptId`. */
  async hasPublicConversation(contactId: number, channelId: number, exceptId: number): Promise<boolean> {
    if (!this.histories.has(contactId)) {
      await this.flush();
      await this.loadHistories([contactId]);
    }
    const except = this.conversationRows.get(exceptId);
    const counted = except?.contactId === contactId && except.kind === "public_comment" && except.channelId === channelId ? 1 : 0;
    return (this.histories.get(contactId)!.publicByChannel.get(channelId) ?? 0) - counted > 0;
  }

  /** False when no stored message replies to this external id of the batch. */
  mayHaveReplies(channelId: number, externalId: string): boolean {
    const asked = this.askedReplies.get(channelId);
    return !asked?.has(externalId) || this.repliedTo.get(channelId)!.has(externalId);
  }

  // ---- writes ----

  private async next(kind: keyof Reserved): Promise<number> {
    if (!this.reserved || this.used[kind] >= this.reserved[kind].length) {
      // On SQLite the next ids follow the highest stored: what is pending is stored first.
      if (this.reserved) await this.flush();
      const [contactIds, conversationIds, cycleIds, messageIds] = await reserveIds(this.tx, [contacts, conversations, responseCycles, messages], Math.max(this.reserveCount, 16));
      this.reserved = { contacts: contactIds, conversations: conversationIds, cycles: cycleIds, messages: messageIds };
      this.used.contacts = this.used.conversations = this.used.cycles = this.used.messages = 0;
    }
    return this.reserved[kind][this.used[kind]++];
  }

  async insertContact({ channelId, externalId, handle, name, followers, now }: { channelId: number; externalId: string; handle: string | null; name: string | null; followers: number | null; now: number }): Promise<ContactRow> {
    const id = await this.next("contacts");
    this.newContacts.set(id, [id, this.brandId, channelId, externalId, handle, name, followers, now]);
    const row: ContactRow = { id, blocked: false, handle, name, followers };
    this.contactsByKey.set(key(channelId, externalId), row);
    this.histories.set(id, held());
    return row;
  }

  async updateContact(contact: ContactRow, profile: { handle: string | null; name: string | null; followers: number | null }): Promise<void> {
    if (profile.handle != null) contact.handle = profile.handle;
    if (profile.name != null) contact.name = profile.name;
    if (profile.followers != null) contact.followers = profile.followers;
    const pending = this.newContacts.get(contact.id);
    if (pending) {
      pending[4] = contact.handle;
      pending[5] = contact.name;
      pending[6] = contact.followers;
      return;
    }
    const update = this.contactUpdates.get(contact.id) ?? [contact.id, null, null, null];
    if (profile.handle != null) update[1] = profile.handle;
    if (profile.name != null) update[2] = profile.name;
    if (profile.followers != null) update[3] = profile.followers;
    this.contactUpdates.set(contact.id, update);
  }

  async insertConversation(values: { channelId: number; contactId: number; threadKey: string; kind: "public_comment" | "private_message"; at: number; now: number }): Promise<ConversationRow> {
    const id = await this.next("conversations");
    const { channelId, contactId, threadKey, kind, at, now } = values;
    this.newConversations.push([id, this.brandId, channelId, contactId, threadKey, kind, "open", "noise", at, now, now, ""]);
    const row: ConversationRow = { id, brandId: this.brandId, channelId, contactId, kind, status: "open", category: "noise", currentCycleId: null, priority: "normal", lastMessageAt: at };
    this.conversationRows.set(id, row);
    if (kind === "private_message") this.privateThreads.set(key(channelId, threadKey), id);
    const h = this.histories.get(contactId);
    if (h) {
      h.conversations++;
      if (kind === "public_comment") h.publicByChannel.set(channelId, (h.publicByChannel.get(channelId) ?? 0) + 1);
    }
    this.summaries.set(id, { first: null, lastInbound: null, last: null, language: null, complaint: null, latestText: null, latestSentiment: null, latestScore: null, cycleId: null });
    return row;
  }

  /** Stores a new cycle (inserted when the batch ends) and returns its id. */
  async insertCycle(values: CycleInsert): Promise<number> {
    const id = await this.next("cycles");
    this.newCycles.set(id, { ...values, id, firstResponseAt: null, firstResponseSeconds: null, firstResponseBusinessSeconds: null, firstResponderId: null, awaitingSince: null });
    this.cycleLists.set(id, []);
    return id;
  }

  addCycle(cycle: CycleRow): void {
    this.cycleRows.set(cycle.id, cycle);
  }

  saveCycle(save: CycleSave): void {
    const pending = this.newCycles.get(save.id);
    if (pending) {
      const { id: _id, brandId: _brand, responderId, ...rest } = save;
      Object.assign(pending, rest);
      if (responderId != null) pending.firstResponderId = responderId;
      return;
    }
    const before = this.cycleSaves.get(save.id);
    this.cycleSaves.set(save.id, before && save.responderId == null ? { ...save, responderId: before.responderId } : save);
  }

  /** The `updateCycle` of saveCycle (lib/ingest/cycles.ts), kept until the batch ends. */
  readonly cycleWriter = {
    updateCycle: { execute: async (save: CycleSave) => this.saveCycle(save) },
  };

  async insertMessage(values: Record<string, unknown> & { conversationId: number; channelId: number; cycleId: number | null; externalId: string; direction: string; contactId: number | null; text: string; createdAt: number }): Promise<number> {
    const id = await this.next("messages");
    // Read before the message joins what is pending: the stored summary does not count it yet.
    const summary = await this.summary(values.conversationId, values.cycleId);
    const row = { ...values, id, brandId: this.brandId, inReplyToExternalId: values.inReplyTo };
    this.pendingIn.add(values.conversationId);
    this.newMessages.push(MESSAGE_KEYS.map((k) => (row as Record<string, unknown>)[k] ?? null));
    this.messagesByKey.set(key(values.channelId, values.externalId), {
      id,
      conversationId: values.conversationId,
      externalId: values.externalId,
      text: values.text,
      deletedOnPlatformAt: null,
      direction: values.direction,
      contactId: values.contactId,
    });
    if (values.inReplyTo != null) this.repliedTo.get(values.channelId)?.add(values.inReplyTo as string);
    const list = values.cycleId == null ? undefined : this.cycleLists.get(values.cycleId);
    if (list) {
      const m: CycleMessage = {
        id,
        externalId: values.externalId,
        direction: values.direction as CycleMessage["direction"],
        contactId: values.contactId,
        userId: (values.userId as number | null) ?? null,
        text: values.text,
        inReplyTo: (values.inReplyTo as string | null) ?? null,
        createdAt: values.createdAt,
        automated: values.automated === 1,
        category: (values.category as CycleMessage["category"]) ?? null,
        complaint: values.complaint == null ? null : values.complaint === 1,
        confidence: (values.confidence as number | null) ?? null,
        requestProbability: (values.requestProbability as number | null) ?? null,
        language: (values.language as string | null) ?? null,
        corrected: false,
        visibility: values.visibility as CycleMessage["visibility"],
      };
      // In time order, as the query returns them.
      let at = list.length;
      while (at > 0 && list[at - 1].createdAt > m.createdAt) at--;
      list.splice(at, 0, m);
    }
    keepSummary(summary, values);
    return id;
  }

  // The summary of a conversation as stored before the batch touched it: its messages stored so far.
  private async summary(conversationId: number, cycleId: number | null): Promise<Kept> {
    let s = this.summaries.get(conversationId);
    if (!s) {
      if (this.pendingIn.has(conversationId)) await this.flush();
      const [row] = await this.q.summary.execute({ id: conversationId, cycleId });
      s = { ...row, cycleId };
      this.summaries.set(conversationId, s);
    }
    return s;
  }



  /**
   * What refreshConversation stores (lib/ingest/conversation-state.ts), from the rows the batch
   * holds: the conversation's state, its current cycle's category and SLA, its summary.
   */
  async refresh(conversation: ConversationRow, cycle: CycleRow | null, { inbound, now }: { inbound: boolean; now: number }): Promise<void> {
    const s = await this.summary(conversation.id, cycle?.id ?? null);
    // Complaints count in the current cycle only.
    const complaint = cycle && s.cycleId === cycle.id ? s.complaint : null;
    const category = cycle?.category ?? conversation.category;
    const previous = this.conversationUpdates.get(conversation.id);
    const receivedAt = inbound ? now : ((previous?.[14] as number | null | undefined) ?? null);
    const last = s.last ?? conversation.lastMessageAt;
    this.conversationUpdates.set(conversation.id, [
      conversation.id,
      conversation.status,
      category,
      complaint ? 1 : 0,
      s.latestSentiment ?? "neutral",
      s.latestScore ?? 0,
      s.language,
      cycle?.id ?? null,
      cycle?.slaState ?? null,
      cycle?.dueAt ?? null,
      cycle && cycle.firstResponseAt == null && conversation.status !== "resolved" ? 1 : 0,
      s.first,
      last,
      s.lastInbound,
      receivedAt,
      null,
      (s.latestText ?? "").slice(0, 140),
      now,
    ]);
    const h = this.histories.get(conversation.contactId);
    if (h && conversation.category !== category) h.requests += (category === "request" ? 1 : 0) - (conversation.category === "request" ? 1 : 0);
    conversation.category = category;
    conversation.currentCycleId = cycle?.id ?? null;
    conversation.lastMessageAt = last;
  }

  replyExample(values: { messageId: number; text: string; language: string | null; now: number }): void {
    this.examples.push([this.brandId, values.messageId, values.text, values.language, 1, "reply", values.now]);
  }

  /** The latest inbound message of the cycle written at or before `at`. */
  async latestInboundBefore(conversationId: number, cycleId: number, at: number): Promise<CycleMessage | undefined> {
    const list = await this.cycleMessages(conversationId, cycleId);
    let found: CycleMessage | undefined;
    for (const m of list) if (m.direction === "inbound" && m.createdAt <= at) found = m;
    return found;
  }

  /**
   * Forgets what the batch read of a conversation that a statement changed behind its back: its
   * summary and messages, and with `rows` the conversation and its cycle too.
   */
  forget(conversationId: number, { rows = false }: { rows?: boolean } = {}): void {
    const conversation = this.conversationRows.get(conversationId);
    if (conversation?.currentCycleId != null) {
      this.cycleLists.delete(conversation.currentCycleId);
      if (rows) this.cycleRows.delete(conversation.currentCycleId);
    }
    if (rows) this.conversationRows.delete(conversationId);
    this.summaries.delete(conversationId);
  }

  // A new conversation is inserted as the batch left it: its refreshed state goes into the insert
  // rather than into an update of the row just inserted (each index written once, no dead row).
  private async insertConversations(): Promise<void> {
    const bare: Row[] = [];
    const whole: Row[] = [];
    for (const row of this.newConversations) {
      const update = this.conversationUpdates.get(row[0] as number);
      if (!update) {
        bare.push(row);
        continue;
      }
      this.conversationUpdates.delete(row[0] as number);
      const value = (k: string) => update[CONVERSATION_UPDATE_KEYS.indexOf(k)];
      whole.push(NEW_CONVERSATION_KEYS.map((k, i) => (k === "snoozedUntil" ? null : CONVERSATION_UPDATE_KEYS.includes(k) ? value(k) : row[i])));
    }
    if (bare.length) await insertValues(this.tx, conversations, CONVERSATION_KEYS, bare);
    if (whole.length) await insertValues(this.tx, conversations, NEW_CONVERSATION_KEYS, whole);
  }

  /** Stores everything pending, in the order the foreign keys need. */
  async flush(): Promise<void> {
    const { tx, brandId } = this;
    if (this.newContacts.size) await insertValues(tx, contacts, CONTACT_KEYS, [...this.newContacts.values()]);
    this.newContacts = new Map();
    if (this.contactUpdates.size)
      await updateValues(tx, contacts, {
        brandId,
        keys: ["id", "handle", "name", "followers"],
        rows: [...this.contactUpdates.values()],
        // a value the event did not carry keeps the stored one
        set: Object.fromEntries(["handle", "name", "followers"].map((k) => [k, (value: (key: string) => string, t: string) => `coalesce(${value(k)}, ${t})`])),
      });
    this.contactUpdates = new Map();
    if (this.newConversations.length) await this.insertConversations();
    this.newConversations = [];
    if (this.newCycles.size)
      await insertValues(
        tx,
        responseCycles,
        CYCLE_KEYS,
        [...this.newCycles.values()].map((c) => CYCLE_KEYS.map((k) => (k === "nextResponseTargetSeconds" ? c.nextTarget : k === "createdAt" ? c.now : c[k]) ?? null)),
      );
    this.newCycles = new Map();
    if (this.newMessages.length) await insertValues(tx, messages, MESSAGE_KEYS, this.newMessages);
    this.newMessages = [];
    this.pendingIn.clear();
    if (this.cycleSaves.size)
      await updateValues(tx, responseCycles, {
        brandId,
        keys: CYCLE_UPDATE_KEYS,
        rows: [...this.cycleSaves.values()].map((s) => [s.id, s.category, s.startedAt, s.firstResponseAt, s.firstResponseSeconds, s.firstResponseBusinessSeconds, s.responderId, s.atRiskAt, s.dueAt, s.slaState, s.awaitingSince]),
        set: { firstResponderId: (value, t) => `coalesce(${value("firstResponderId")}, ${t})` },
      });
    this.cycleSaves = new Map();
    if (this.conversationUpdates.size)
      await updateValues(tx, conversations, {
        brandId,
        keys: CONVERSATION_UPDATE_KEYS,
        rows: [...this.conversationUpdates.values()],
        set: {
          lastInboundReceivedAt: (value, t) => `coalesce(${value("lastInboundReceivedAt")}, ${t})`,
          snoozedUntil: (value, t) => `CASE WHEN ${value("status")} = 'snoozed' THEN ${t} ELSE NULL END`,
        },
      });
    this.conversationUpdates = new Map();
    if (this.examples.length) await insertValues(tx, classifierExamples, ["brandId", "messageId", "text", "language", "request", "source", "createdAt"], this.examples, { ignoreDuplicates: true });
    this.examples = [];
  }
}

const held = (): Held => ({ conversations: 0, requests: 0, publicByChannel: new Map() });

type LoadedMessage = CycleMessage & { cycleId: number | null; conversationId: number; sentiment: Summary["latestSentiment"]; sentimentScore: number | null };

// What the summary query (lib/ingest/queries.ts) returns, from a conversation's messages in time order.
function summaryOf(list: LoadedMessage[], cycleId: number | null): Kept {
  const s: Kept = { first: null, lastInbound: null, last: null, language: null, complaint: null, latestText: null, latestSentiment: null, latestScore: null, cycleId };
  let latest: LoadedMessage | undefined;
  for (const m of list) {
    if (m.direction !== "note") s.last = s.last == null ? m.createdAt : Math.max(s.last, m.createdAt);
    if (m.direction !== "inbound") continue;
    if (s.first == null) s.first = m.createdAt;
    s.lastInbound = m.createdAt;
    if (s.language == null && m.language != null) s.language = m.language;
    if (cycleId != null && m.cycleId === cycleId) s.complaint = Math.max(s.complaint ?? 0, m.complaint ? 1 : 0);
    latest = m;
  }
  if (latest) {
    s.latestText = latest.text;
    s.latestSentiment = latest.sentiment;
    s.latestScore = latest.sentimentScore;
  }
  return s;
}

// A stored message moves the summary as the summary query would.
function keepSummary(s: Kept, values: Record<string, unknown> & { cycleId: number | null; direction: string; createdAt: number; text: string }): void {
  const at = values.createdAt;
  if (values.direction !== "note") s.last = s.last == null ? at : Math.max(s.last, at);
  if (values.direction !== "inbound") return;
  if (values.language != null && (s.first == null || at < s.first || s.language == null)) s.language = values.language as string;
  s.first = s.first == null ? at : Math.min(s.first, at);
  if (values.cycleId != null) {
    const complaint = values.complaint === 1 ? 1 : 0;
    s.complaint = s.cycleId === values.cycleId ? Math.max(s.complaint ?? 0, complaint) : complaint;
    s.cycleId = values.cycleId;
}
  if (s.lastInbound == null || at >= s.lastInbound) {
    s.lastInbound = at;
    s.latestText = values.text;
    s.latestSentiment = (values.sentiment as Summary["latestSentiment"]) ?? null;
    s.latestScore = (values.sentimentScore as number | null) ?? null;
}
  }
// Prepared for a few list lengths, the list padded with its last value: building and compiling a
// statement for each batch's exact count cost more than the lookups it saves.
const SIZES = [16, 64, 256, 512];
// Channels a read-ahead statement names at most (a brand has a handful).
const CHANNELS = 16;
const channelList = Array.from({ length: CHANNELS }, (_, i) => sql.placeholder(`ch${i}`));
const listOf = (size: number) => Array.from({ length: size }, (_, i) => sql.placeholder(`id${i}`));

type ListKind = "messages" | "contacts" | "threads" | "replies";
type Lists = Record<ListKind, Set<string>>;
type Prepared = { execute(values: Record<string, unknown>): Promise<unknown[]> };

const listQueries: Record<ListKind, (tx: Tx, size: number) => Prepared> = {
  messages: (tx, size) =>
    tx
      .select({ id: messages.id, conversationId: messages.conversationId, externalId: messages.externalId, text: messages.text, deletedOnPlatformAt: messages.deletedOnPlatformAt, direction: messages.direction, contactId: messages.contactId, channelId: messages.channelId })
      .from(messages)
      .where(and(inArray(messages.channelId, channelList), inArray(messages.externalId, listOf(size))))
      .prepare(),
  contacts: (tx, size) =>
    tx
      .select({ id: contacts.id, externalId: contacts.externalId, blocked: contacts.blocked, handle: contacts.handle, name: contacts.name, followers: contacts.followers, channelId: contacts.channelId })
      .from(contacts)
      .where(and(inArray(contacts.channelId, channelList), inArray(contacts.externalId, listOf(size))))
      .prepare(),
  threads: (tx, size) =>
    tx
      .select({ id: conversations.id, threadKey: sql<string>`${conversations.externalThreadId}`, channelId: conversations.channelId })
      .from(conversations)
      .where(and(inArray(conversations.channelId, channelList), eq(conversations.kind, "private_message"), inArray(conversations.externalThreadId, listOf(size))))
      .orderBy(desc(conversations.id))
      .prepare(),
  replies: (tx, size) =>
    tx
      .selectDistinct({ id: messages.inReplyToExternalId, channelId: messages.channelId })
      .from(messages)
      .where(and(inArray(messages.channelId, channelList), inArray(messages.inReplyToExternalId, listOf(size))))
      .prepare(),
};

// PostgreSQL's twins of listQueries, by (channel, id) pairs (db/bulk.ts fromPairs).
const pairQueries: Record<ListKind, (tx: Tx) => Prepared> = {
  messages: (tx) =>
    tx
      .select(pairFields({ id: messages.id, conversationId: messages.conversationId, externalId: messages.externalId, text: messages.text, deletedOnPlatformAt: messages.deletedOnPlatformAt, direction: messages.direction, contactId: messages.contactId, channelId: messages.channelId }))
      .from(fromPairs(messages, messages.channelId, messages.externalId))
      .prepare(),
  contacts: (tx) =>
    tx
      .select(pairFields({ id: contacts.id, externalId: contacts.externalId, blocked: contacts.blocked, handle: contacts.handle, name: contacts.name, followers: contacts.followers, channelId: contacts.channelId }))
      .from(fromPairs(contacts, contacts.channelId, contacts.externalId))
      .prepare(),
  threads: (tx) =>
    tx
      .select(pairFields({ id: conversations.id, threadKey: conversations.externalThreadId, channelId: conversations.channelId }))
      .from(fromPairs(conversations, conversations.channelId, conversations.externalThreadId))
      .where(eq(conversations.kind, "private_message"))
      .orderBy(desc(conversations.id))
      .prepare(),
  replies: (tx) =>
    tx
      .selectDistinct(pairFields({ id: messages.inReplyToExternalId, channelId: messages.channelId }))
      .from(fromPairs(messages, messages.channelId, messages.inReplyToExternalId))
      .prepare(),
};

const idQueries: Record<"conversations" | "histories" | "cycleMessages", (tx: Tx, size: number) => Prepared> = {
  conversations: (tx, size) =>
    tx
      .select({ conversation: conversationRow, cycle: cycleRow })
      .from(conversations)
      .leftJoin(responseCycles, eq(responseCycles.id, conversations.currentCycleId))
      .where(inArray(conversations.id, listOf(size)))
      .prepare(),
  histories: (tx, size) =>
    tx
      .select({ contactId: sql<number>`${conversations.contactId}`, category: conversations.category, kind: conversations.kind, channelId: conversations.channelId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(conversations)
      .where(inArray(conversations.contactId, listOf(size)))
      .groupBy(conversations.contactId, conversations.category, conversations.kind, conversations.channelId)
      .prepare(),
  cycleMessages: (tx, size) =>
    tx
      .select({
        ...cycleMessageRow,
        cycleId: messages.cycleId,
        conversationId: messages.conversationId,
        sentiment: messages.sentiment,
        sentimentScore: messages.sentimentScore,
      })
      .from(messages)
      .where(inArray(messages.conversationId, listOf(size)))
      .orderBy(asc(messages.createdAt), asc(messages.id))
      .prepare(),
};

