import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { channels, messages } from "@/db/schema";
import { classify as defaultClassify } from "@/lib/classify";
import { resolveOnReply } from "@/lib/escalation/resolve-on-reply";
import { openBatch } from "./batch";
import { lockBrandIngest } from "@/db/bulk";
import { countReply } from "./stages/cycle";
import { logTouched } from "./stages/changes";
import { recordChange } from "@/lib/realtime/record-change";

/**
 * A reply sent from Replyhour counts when the platform accepted it (DESIGN.md FRT): it is marked
 * sent, counted on the conversation's cycle as the pipeline counts an ingested reply, and
 * resolves the conversation's open escalations. An automated reply is only marked sent: it is no
 * person's response.
 */
export async function recordSentReply({ db, messageId, externalId, sentAt, now = Date.now() }: { db: Db; messageId: number; externalId: string | null; sentAt: number; now?: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const [message] = await tx
      .select({ conversationId: messages.conversationId, brandId: messages.brandId, userId: messages.userId, automated: messages.automated, channelId: messages.channelId, channelKind: channels.kind })
      .from(messages)
      .innerJoin(channels, eq(channels.id, messages.channelId))
      .where(eq(messages.id, messageId));
    const { brandId, userId } = message;
    // The message takes its platform id: no ingest of the brand may look for that id meanwhile.
    await lockBrandIngest(tx, brandId);
    const mine = and(eq(messages.id, messageId), eq(messages.brandId, brandId));
    await tx
      .update(messages)
      .set({ deliveryState: "sent", externalId: sql`coalesce(${externalId}, ${messages.externalId})`, sentAt: new Date(sentAt), createdAt: new Date(sentAt), lastError: null })
      .where(mine);
    if (message.automated) {
      await recordChange(tx, { brandId, kind: "message", objectId: messageId, conversationId: message.conversationId });
      return;
    }
    const batch = openBatch({ tx, brandId, now, policies: [], classifyText: (text, context) => defaultClassify(text, { context }) });
    batch.channelKinds.set(message.channelId, message.channelKind);
    const { conversation, cycle } = (await batch.store.thread(message.conversationId))!;
    const nrtSeconds = await countReply(batch, { conversation, cycle, at: sentAt, userId });
    if (nrtSeconds != null) await tx.update(messages).set({ nrtSeconds }).where(mine);
    await batch.store.refresh(conversation, cycle, { inbound: false, now });
    await batch.store.flush();
    await resolveOnReply({ tx, brandId, conversationId: conversation.id, messageId, userId, now });
    batch.touched.set(conversation.id, messageId);
    await logTouched(batch);
  });
}
