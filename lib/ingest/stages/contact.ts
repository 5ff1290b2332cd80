import type { Arrival, Batch } from "../batch";

// Stage 2. The author of an inbound message is a contact of the channel, created on first sight.

// `created`: first seen in this event, so no conversation but this event's can be its.
export type Contact = { id: number; blocked: boolean; created?: boolean };

export async function findContact(batch: Batch, arrival: Arrival): Promise<Contact | null> {
  return arrival.inbound ? upsertContact(batch, arrival) : null;
}

export async function upsertContact(batch: Batch, { event, channelId }: Arrival): Promise<Contact> {
  const { store, now } = batch;
  const { id: externalId, handle, name, followers } = event.author;
  // Most messages come from a known contact whose profile did not change: a read, not a write.
  const known = await store.contact(channelId, externalId);
  if (
    known &&
    (handle == null || handle === known.handle) &&
    (name == null || name === known.name) &&
    (followers == null || followers === known.followers)
  )
    return { id: known.id, blocked: known.blocked };
  const profile = { handle: handle ?? null, name: name ?? null, followers: followers ?? null };
  if (known) {
    await store.updateContact(known, profile);
    return { id: known.id, blocked: known.blocked };
  }
  const { id } = await store.insertContact({ channelId, externalId, ...profile, now });
  return { id, blocked: false, created: true };
}
