import type { Batch } from "./batch";

/** A brand handle as compared: without its @, lower case. */
export const normHandle = (h: string) => h.replace(/^@/, "").toLowerCase();

/** Keeps the channel's own handles: its account's name and id, and outbound authors seen before it was read. */
export function keepBrandHandles(batch: Batch, channelId: number, account: { name: string | null; accountId: string | null } | undefined): Set<string> {
  const handles = new Set<string>();
  for (const h of [account?.name, account?.accountId]) if (h) handles.add(normHandle(h));
  for (const [id, h] of batch.pendingBrandHandles) if (id === channelId) handles.add(h);
  batch.brandHandles.set(channelId, handles);
  return handles;
}
