import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import { database, type Db, type Tx } from "@/db/client";
import { purgeErased } from "@/db/ops";
import { contacts, conversations, messages } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { eraseContactRows, eraseConversationRows, eraseDerivedRows, eraseDrafts, eraseMessageRows, scrubMentions, type EraseCounts, type EraseTarget } from "./erase-rows";
import { scrubRecords } from "./erase-records";
import { needlesOf, scrubText } from "./scrub";

export type EraseResult = { dryRun: boolean; contactId: number; counts: EraseCounts };

// A dry run does every write and rolls them back: what it reports is what the erasure changes.
class DryRun extends Error {
  constructor(readonly counts: EraseCounts) {
    super("dry run");
  }
}

/** Every write of an erasure, in the caller's transaction. */
export async function applyErase(tx: Tx, target: EraseTarget): Promise<EraseCounts> {
  // Mentions first: they look for the person's name in texts the later writes leave alone.
  const mentions = await scrubMentions(tx, target);
  const drafts = await eraseDrafts(tx, target);
  const records = await scrubRecords(tx, target);
  const messageCount = await eraseMessageRows(tx, target);
  const conversationCount = await eraseConversationRows(tx, target);
  const contactCount = await eraseContactRows(tx, target);
  const derived = await eraseDerivedRows(tx, target);
  return { messages: messageCount, contacts: contactCount, conversations: conversationCount, mentions, drafts, ...derived, ...records };
}

/**
 * Erases a contact on their request (GDPR art. 17): their messages, the brand's replies and notes
 * in their own conversations, their name and handle wherever the brand's rows mention them, and
 * their platform ids (kept as keyed tokens, so dedupe still refuses a replay). Records, cycles
 * and timestamps stay, so every response-time figure stays as it was. Admins of the brand only.
 */
export async function eraseContact({
  db = database(),
  actor,
  brandId,
  contactId,
  reason,
  dryRun = false,
}: {
  db?: Db;
  actor: Principal;
  brandId: number;
  contactId: number;
  reason: string;
  dryRun?: boolean;
}): Promise<EraseResult> {
  const { audit } = authorize({ actor, brandId, needs: "admin" });
  const why = reason.trim();
  if (!why) throw new AppError("bad_request:reason", "Say why the contact is erased (--reason): the audit log keeps it.");
  if (!Number.isSafeInteger(contactId)) throw new AppError("not_found:contact");
  try {
    const counts = await db.transaction(async (tx) => {
      const target = await contactTarget(tx, { brandId, contactId });
      const counts = await applyErase(tx, target);
      if (dryRun) throw new DryRun(counts);
      // Who asked and why; a name written into the reason is erased like every other.
      await recordAudit(tx, { actor: audit, brandId, action: "contact.erase", objectType: "contact", objectId: contactId, after: { reason: scrubText(why, target.needles), ...counts } });
      return counts;
    });
    await purgeErased(db, { full: true });
    return { dryRun: false, contactId, counts };
  } catch (error) {
    if (error instanceof DryRun) return { dryRun: true, contactId, counts: error.counts };
    throw error;
  }
}

export async function contactTarget(tx: Db, { brandId, contactId }: { brandId: number; contactId: number }): Promise<EraseTarget> {
  const [contact] = await tx
    .select({ id: contacts.id, externalId: contacts.externalId, handle: contacts.handle, name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.brandId, brandId)))
    .limit(1);
  if (!contact) throw new AppError("not_found:contact");
  const own = await tx.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.brandId, brandId), eq(conversations.contactId, contactId)));
  const conversationIds = own.map((r) => r.id);
  const theirs = await tx
    .select({ id: messages.id, conversationId: messages.conversationId })
    .from(messages)
    .where(and(eq(messages.brandId, brandId), or(eq(messages.contactId, contactId), and(ne(messages.direction, "inbound"), inConversations(conversationIds)))));
  const handle = contact.handle?.replace(/^@/, "");
  return {
    brandId,
    messageIds: theirs.map((r) => r.id),
    conversationIds,
    contactIds: [contactId],
    needles: needlesOf([contact.name, contact.handle, handle ? `@${handle}` : null, handle, contact.externalId]),
  };
}

// The brand's replies and notes in the person's own conversations are about them: they go too.
function inConversations(ids: number[]) {
  return ids.length === 0 ? sql`1 = 0` : inArray(messages.conversationId, ids);
}
