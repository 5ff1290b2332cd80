import type { SlaState } from "@/db/schema";
import type { Classification } from "@/lib/classify/types";
import { escalateIngested } from "@/lib/escalation/engine";
import type { Arrival, Batch } from "../batch";
import type { Contact } from "./contact";

// Stage 7. The brand's escalation rules: an inbound message may page someone; a person's reply
// resolves the conversation's open escalations. They read and write rows of their own, so they
// run, message by message in the batch's order, once the batch's messages are stored.

export async function runRules(
  batch: Batch,
  {
    arrival,
    messageId,
    conversationId,
    classification,
    contact,
    slaState,
  }: { arrival: Arrival; messageId: number; conversationId: number; classification: Classification | null; contact: Contact | null; slaState: SlaState | null },
): Promise<void> {
  batch.afterStore.push(() =>
    escalateIngested({
    tx: batch.tx,
    brandId: batch.brandId,
    now: batch.now,
    batch,
    channelKinds: batch.channelKinds,
    conversationIds: () => [...batch.touched.keys()],
    message: { messageId, conversationId, channelId: arrival.channelId, event: arrival.event, classification, contact, userId: arrival.userId, slaState },
  }));
}
