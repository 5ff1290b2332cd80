import { and, eq, inArray, sql } from "drizzle-orm";
import { writesOneAtATime, type Tx } from "@/db/client";
import { prepared } from "@/db/prepared";
import { contacts, messages } from "@/db/schema";
import type { Batch, IngestItem, SightedIds, Sightings } from "./batch";

// Most events of a batch are new: their message, their author, the replies to them are not
// stored yet. One read per channel when the batch opens says which of the ids the batch names
// are stored; a stage's lookup of an id that was asked and not found (nor stored since by this
// batch) would find nothing and is skipped. Only where write transactions run one at a time
// (SQLite): nobody else can store one of those ids while the batch runs. Channels holding erased
// messages are not read ahead (their ids may be stored as tokens).



export async function readSightings(batch: Batch, items: IngestItem[]): Promise<void> {
  if (!writesOneAtATime(batch.tx)) return;
  const sightings: Sightings = new Map();
  for (const { event, channelId } of items) {
    if (batch.erasedChannels.has(channelId)) continue;
    let channel = sightings.get(channelId);
    if (!channel) sightings.set(channelId, (channel = { messages: ids(), replies: ids(), contacts: ids() }));
    const named = channel.messages.asked;
    named.add(event.externalId);
    if (event.inReplyTo) named.add(event.inReplyTo);
    if (event.threadId) named.add(event.threadId);
    for (const id of event.references ?? []) named.add(id);
    channel.replies.asked.add(event.externalId);
    channel.contacts.asked.add(event.author.id);
  }
  const { tx } = batch;
  for (const [channelId, channel] of sightings) {
    await find(tx, "messages", channelId, channel.messages);
    await find(tx, "replies", channelId, channel.replies);
    await find(tx, "contacts", channelId, channel.contacts);
  }
  batch.sightings = sightings;
}

const ids = (): SightedIds => ({ asked: new Set(), found: new Set() });

// Prepared for a few list lengths, the list padded with its last id: building and compiling a
// statement for each batch's exact count cost more than the lookups it saves.
const SIZES = [16, 64, 256, 512];
const listOf = (size: number) => Array.from({ length: size }, (_, i) => sql.placeholder(`id${i}`));

type Kind = "messages" | "replies" | "contacts";
const builders: Record<Kind, (tx: Tx, size: number) => { execute(values: Record<string, unknown>): Promise<{ id: string | null }[]> }> = {
  messages: (tx, size) =>
    tx
      .select({ id: messages.externalId })
      .from(messages)
      .where(and(eq(messages.channelId, sql.placeholder("channelId")), inArray(messages.externalId, listOf(size))))
      .prepare(),
  replies: (tx, size) =>
    tx
      .selectDistinct({ id: messages.inReplyToExternalId })
      .from(messages)
      .where(and(eq(messages.channelId, sql.placeholder("channelId")), inArray(messages.inReplyToExternalId, listOf(size))))
      .prepare(),
  contacts: (tx, size) =>
    tx
      .select({ id: contacts.externalId })
      .from(contacts)
      .where(and(eq(contacts.channelId, sql.placeholder("channelId")), inArray(contacts.externalId, listOf(size))))
      .prepare(),
};

async function find(tx: Tx, kind: Kind, channelId: number, into: SightedIds): Promise<void> {
  const asked = [...into.asked];
  const largest = SIZES[SIZES.length - 1];
  for (let i = 0; i < asked.length; i += largest) {
    const chunk = asked.slice(i, i + largest);
    const size = SIZES.find((n) => n >= chunk.length)!;
    const values: Record<string, unknown> = { channelId };
    for (let k = 0; k < size; k++) values[`id${k}`] = chunk[Math.min(k, chunk.length - 1)];
    const query = prepared(tx, `ingest.sightings.${kind}.${size}`, (handle) => builders[kind](handle, size));
    for (const { id } of await query.execute(values)) if (id !== null) into.found.add(id);
  }
}

const may = (ids: SightedIds | undefined, id: string) => !ids || !ids.asked.has(id) || ids.found.has(id);

/** False when no message of the channel has this external id. */
export const mayBeStored = (batch: Batch, channelId: number, externalId: string) => may(batch.sightings?.get(channelId)?.messages, externalId);

/** False when no message of the channel replies to this external id. */
export const mayHaveReplies = (batch: Batch, channelId: number, externalId: string) => may(batch.sightings?.get(channelId)?.replies, externalId);

/** False when the channel has no contact with this external id. */
export const mayBeContact = (batch: Batch, channelId: number, externalId: string) => may(batch.sightings?.get(channelId)?.contacts, externalId);

// What the batch stores is seen from then on.
export function sawMessage(batch: Batch, channelId: number, externalId: string, inReplyTo: string | undefined): void {
  const channel = batch.sightings?.get(channelId);
  if (!channel) return;
  channel.messages.found.add(externalId);
  if (inReplyTo !== undefined) channel.replies.found.add(inReplyTo);
}

export function sawContact(batch: Batch, channelId: number, externalId: string): void {
  batch.sightings?.get(channelId)?.contacts.found.add(externalId);
}
