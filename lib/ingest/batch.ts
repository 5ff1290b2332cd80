import type { Tx } from "@/db/client";
import type { Classification, ClassifyContext } from "@/lib/classify/types";
import type { BrandPolicy } from "@/lib/sla/policy-store";
import type { InboundEvent } from "./event";
import { queries, type Queries } from "./queries";
import { IngestStore } from "./store";

export type IngestItem = { event: InboundEvent; channelId: number; userId?: number | null };

export type IngestOutcome = {
  externalId: string;
  messageId: string | null;
  conversationId: string | null;
  duplicate: boolean;
};

// What every stage of one batch shares: its transaction, what was loaded before it opened, and
// what the last stage writes once for the whole batch.
export type Batch = {
  tx: Tx;
  q: Queries;
  // The rows the batch reads and writes, read ahead and stored set-based (lib/ingest/store.ts).
  store: IngestStore;
  brandId: number;
  now: number;
  policies: BrandPolicy[];
  classifyText: ClassifyText;
  channelKinds: Map<number, string>;
  // Channels holding erased messages (lib/privacy): only their events pay for the erased-id token.
  erasedChannels: Set<number>;
  // Conversation id → the message that changed it (0 when only its state did), for the change log.
  touched: Map<number, number>;
  // Channels that received a message, whose last event time moves to `now`.
  channelsWithEvents: Set<number>;
  // Channel id → the brand's own handles on it (the account, and outbound authors seen), lower case.
  brandHandles: Map<number, Set<string>>;
  // Outbound authors' handles seen before their channel's account was read.
  pendingBrandHandles: [number, string][];
  // The escalation rules' work of each stored message, run in order once the batch's rows are stored.
  afterStore: (() => Promise<void>)[];
};

// The brand's classifier: the text, and what the pipeline knows about where it was written.
export type ClassifyText = (text: string, context?: ClassifyContext | null) => Classification;

export function openBatch({
  tx,
  brandId,
  now,
  policies,
  classifyText,
}: {
  tx: Tx;
  brandId: number;
  now: number;
  policies: BrandPolicy[];
  classifyText: ClassifyText;
}): Batch {
  return { tx, q: queries(tx), store: new IngestStore({ tx, brandId }), brandId, now, policies, classifyText, channelKinds: new Map(), erasedChannels: new Set(), touched: new Map(), channelsWithEvents: new Set(), brandHandles: new Map(), pendingBrandHandles: [], afterStore: [] };
}

// One event on its way through the stages; each stage fills in what it found.
export type Arrival = {
  event: InboundEvent;
  channelId: number;
  userId: number | null;
  // Platform time, never in the future.
  at: number;
  inbound: boolean;
};
