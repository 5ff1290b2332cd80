import { retryOnConflict } from "@/db/conflict";
import type { Db } from "@/db/client";
import { classify as defaultClassify } from "@/lib/classify";
import { loadBrandModel } from "@/lib/classify/brand-training";
import { loadBrandPolicies } from "@/lib/sla/policy-store";
import { openBatch, type Batch, type ClassifyText, type IngestItem, type IngestOutcome } from "./batch";
import { admitChannels, arrive, dedupe } from "./stages/dedupe";
import { findContact } from "./stages/contact";
import { thread } from "./stages/thread";
import { classifyMessage, currentCycleMessages } from "./stages/classify";
import { placeInCycle } from "./stages/cycle";
import { storeMessage } from "./stages/message";
import { runRules } from "./stages/rules";
import { recordBatch } from "./stages/changes";
import { keepingAudits } from "@/lib/audit/record";
import { keepingChanges } from "@/lib/realtime/record-change";
import { keepingRuleWrites } from "@/lib/escalation/engine";

export type { IngestItem, IngestOutcome } from "./batch";
export { recordSentReply } from "./sent-reply";
export { refreshConversation } from "./conversation-state";

/**
 * Stores a batch of events of one brand in one transaction: everything or nothing is stored,
 * and the caller acknowledges only after this resolves. The brand's classifier and SLA
 * policies are read before the transaction opens; inside it, only the database is awaited.
 */
export async function ingestBatch({
  db,
  brandId,
  items,
  now = Date.now(),
  classifyText,
}: {
  db: Db;
  brandId: number;
  items: IngestItem[];
  now?: number;
  classifyText?: ClassifyText;
}): Promise<IngestOutcome[]> {
  const classifier = classifyText ?? (await brandClassifier(db, brandId));
  const policies = await loadBrandPolicies({ db, brandId });
  // Two servers ingesting into one PostgreSQL database can deadlock; the batch is all inside
  // its transaction, so it runs again.
  return retryOnConflict(() =>
    db.transaction(async (tx) => {
      const batch = openBatch({ tx, brandId, now, policies, classifyText: classifier });
      await admitChannels(batch, items);
      await batch.store.readAhead(batch, items);
      const outcomes: IngestOutcome[] = [];
      for (const item of items) outcomes.push(await ingestOne(batch, item));
      await batch.store.flush();
      // What the rules write (their audit entries and changes too) is written together when they are done.
      await keepingAudits(tx, () =>
        keepingChanges(tx, () =>
          keepingRuleWrites(tx, async () => {
            for (const run of batch.afterStore) await run();
          }),
        ),
      );
      await recordBatch(batch);
      return outcomes;
    }),
  );
}

// One event, stage by stage; a replay, an edit or a deletion stops after the first.
async function ingestOne(batch: Batch, item: IngestItem): Promise<IngestOutcome> {
  const arrival = arrive(batch, item);
  const known = await dedupe(batch, arrival);
  if (known) return known;
  const contact = await findContact(batch, arrival);
  const found = await thread(batch, arrival, contact);
  const { conversation } = found;
  // What the cycle holds so far: the context of the new message and the conversation decision.
  // A person's reply decides again only while the cycle has no first response yet.
  const decides = arrival.inbound || (!arrival.event.automated && arrival.event.inReplyTo !== undefined && found.cycle?.firstResponseAt == null);
  const seen = decides ? await currentCycleMessages(batch, found, arrival.at) : [];
  const classification = await classifyMessage(batch, { arrival, contact, found, seen });
  const { cycle, nrtSeconds } = await placeInCycle(batch, { arrival, thread: found, classification, seen, authorId: contact?.id });
  const { messageId, slaState } = await storeMessage(batch, { arrival, contact, conversation, created: found.created === true, classification, cycle, nrtSeconds });
  await runRules(batch, { arrival, messageId, conversationId: conversation.id, classification, contact, slaState });
  return { externalId: arrival.event.externalId, messageId: String(messageId), conversationId: String(conversation.id), duplicate: false };
}

// The base model, adapted by the brand's own layer when agents' corrections have trained one.
async function brandClassifier(db: Db, brandId: number): Promise<ClassifyText> {
  const brandModel = await loadBrandModel({ db, brandId });
  return (text, context) => defaultClassify(text, { brandModel, context });
}
