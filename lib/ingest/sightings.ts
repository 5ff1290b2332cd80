import { and, eq, inArray } from "drizzle-orm";
import { writesOneAtATime } from "@/db/client";
import { contacts, messages } from "@/db/schema";
import type { Batch, IngestItem, SightedIds, Sightings } from "./batch";

// Most events of a batch are new: their message, their author, the replies to them are not
// stored yet. One read per channel when the batch opens says which of the ids the batch names
// are stored; a stage's lookup of an id that was asked and not found (nor stored since by this
// batch) would find nothing and is skipped. Only where write transactions run one at a time
// (SQLite): nobody else can store one of those ids while the batch runs. Channels holding erased
// messages are not read ahead (their ids may be stored as tokens).


const CHUNK = 500;

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
    await find(channel.messages, (chunk) =>
      tx.select({ id: messages.externalId }).from(messages).where(and(eq(messages.channelId, channelId), inArray(messages.externalId, chunk))),
    );
    await find(channel.replies, (chunk) =>
      tx
        .selectDistinct({ id: messages.inReplyToExternalId })
        .from(messages)
        .where(and(eq(messages.channelId, channelId), inArray(messages.inReplyToExternalId, chunk))),
    );
    await find(channel.contacts, (chunk) =>
      tx.select({ id: contacts.externalId }).from(contacts).where(and(eq(contacts.channelId, channelId), inArray(contacts.externalId, chunk))),
    );
  }
  batch.sightings = sightings;
}

const ids = (): SightedIds => ({ asked: new Set(), found: new Set() });

async function find(into: SightedIds, read: (chunk: string[]) => Promise<{ id: string | null }[]>): Promise<void> {
  const asked = [...into.asked];
  for (let i = 0; i < asked.length; i += CHUNK) for (const { id } of await read(asked.slice(i, i + CHUNK))) if (id !== null) into.found.add(id);
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
