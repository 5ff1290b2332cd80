import { and, eq, inArray } from "drizzle-orm";
import { channels, messages } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { ERASED, erasedId, isErasedId } from "@/lib/privacy/token";
import type { InboundEvent } from "../event";
import type { MessageRow } from "../store";
import type { Arrival, Batch, IngestItem, IngestOutcome } from "../batch";

// Stage 1. An event is let in when its channel is the brand's; a message already stored is a
// replay (a duplicate), or a platform-side edit or deletion, which is kept and marked.

// Every channel of the batch must be the brand's, or nothing of the batch is stored.
export async function admitChannels(batch: Batch, items: IngestItem[]): Promise<void> {
  const ids = [...new Set(items.map((item) => item.channelId))];
  if (ids.length === 0) return;
  const rows = await batch.tx
    .select({ id: channels.id, kind: channels.kind, erasedAt: channels.erasedAt })
    .from(channels)
    .where(and(inArray(channels.id, ids), eq(channels.brandId, batch.brandId)));
  for (const row of rows) {
    batch.channelKinds.set(row.id, row.kind);
    if (row.erasedAt) batch.erasedChannels.add(row.id);
  }
  const unknown = ids.find((id) => !batch.channelKinds.has(id));
  if (unknown !== undefined) throw new AppError("not_found:channel", `Unknown channel ${unknown}.`);
}

export function arrive(batch: Batch, { event, channelId, userId = null }: IngestItem): Arrival {
  return { event, channelId, userId, at: platformTime(event, batch.now), inbound: event.direction === "inbound" };
}

// The outcome when the event changes no new message; null when it is a new one.
export async function dedupe(batch: Batch, { event, channelId, at }: Arrival): Promise<IngestOutcome | null> {
  const token = batch.erasedChannels.has(channelId) ? erasedId(channelId, event.externalId) : event.externalId;
  const existing = await batch.store.message(channelId, event.externalId, token);
  if (existing) return applyPlatformChange(batch, { existing, event, at });
  if (event.action === "delete") return { externalId: event.externalId, messageId: null, conversationId: null, duplicate: false };
  return null;
}

export function editTime(event: InboundEvent, at: number, now: number): number {
  const edited = event.editedAt ? Date.parse(event.editedAt) : NaN;
  return Number.isFinite(edited) ? Math.min(edited, now) : at;
}

function platformTime(event: InboundEvent, now: number): number {
  const created = Date.parse(event.createdAt);
  return Number.isFinite(created) ? Math.min(created, now) : now;
}

async function applyPlatformChange(batch: Batch, { existing, event, at }: { existing: MessageRow; event: InboundEvent; at: number }): Promise<IngestOutcome> {
  const ref = { externalId: event.externalId, messageId: String(existing.id), conversationId: String(existing.conversationId) };
  // An erased message stays erased: neither a replay nor an edit brings its text back.
  if (isErasedId(existing.externalId) || existing.text === ERASED) return { ...ref, duplicate: true };
  const mine = and(eq(messages.id, existing.id), eq(messages.brandId, batch.brandId));
  if (event.action === "edit" && event.text !== existing.text) {
    await batch.store.flush();
    existing.text = event.text;
    batch.store.forget(existing.conversationId);
    await batch.tx.update(messages).set({ text: event.text, editedAt: new Date(editTime(event, at, batch.now)) }).where(mine);
    batch.touched.set(existing.conversationId, existing.id);
    return { ...ref, duplicate: false };
  }
  if (event.action === "delete" && existing.deletedOnPlatformAt == null) {
    await batch.store.flush();
    existing.deletedOnPlatformAt = new Date(at);
    await batch.tx.update(messages).set({ deletedOnPlatformAt: new Date(at) }).where(mine);
    batch.touched.set(existing.conversationId, existing.id);
    return { ...ref, duplicate: false };
  }
  return { ...ref, duplicate: true };
}
