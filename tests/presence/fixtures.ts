import { channels } from "@/db/schema";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema } from "@/lib/ingest/event";
import type { Db } from "@/db/client";

export async function makeConversation({ db, brandId, text = "My bag did not arrive, can you help?" }: { db: Db; brandId: number; text?: string }): Promise<number> {
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId, kind: "api", name: "API", accountId: null }).returning());
  const [outcome] = await ingestBatch({
    db,
    brandId,
    items: [{ channelId: channel.id, event: inboundEventSchema.parse({ externalId: `p-${Math.random()}`, text, createdAt: new Date().toISOString(), author: { id: "c1", name: "Customer" } }) }],
  });
  return Number(outcome.conversationId);
}
