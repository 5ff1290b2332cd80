import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { auditLog, channels, contacts, conversations, messages, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { roleAtLeast } from "@/lib/auth/access";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { recordChange } from "@/lib/realtime/record-change";
import { decryptCredentials } from "@/lib/security/credentials";
import { clientFor } from "@/lib/outbound/registry";
import { hideOnPlatform, hideUnsupported, type HideRequest, type HideResult } from "./platform";
import { catalogueError } from "@/lib/i18n/errors";

export const HIDE_REASONS = ["spam", "abuse", "personal_data", "other"] as const;
export type HideReason = (typeof HIDE_REASONS)[number];

type Ctx = { db?: Db; brandId: number; actor: Principal };

/**
 * The invariant behind hiding: a negative comment that is not spam is one a manager must decide
 * on, since hiding criticism is how the 50th reader finds out. Every path (action, CLI) meets it
 * here. `spam` is the evidence that it is spam (see spamEvidence), not the reason someone chose.
 */
export function requireMayHide({ role, sentiment, reason, spam }: { role: Role | null; sentiment: string | null; reason: HideReason; spam: boolean }): void {
  if (sentiment !== "negative" || (role && roleAtLeast(role, "manager"))) return;
  if (reason === "spam" && !spam)
    throw catalogueError("forbidden:hide", "notSpam");
  if (reason !== "spam") throw new AppError("forbidden:hide", "Hiding a negative comment that is not spam needs a manager. Answer it, or ask a manager.");
}

const LINK = /(?:https?:\/\/|www\.)\S+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?:\/\S*)?/iu;

/** Spam is checked, not taken on trust: the comment carries a link, or its author was blocked before it arrived. */
export function spamEvidence({ text, authorBlockedAt, receivedAt }: { text: string; authorBlockedAt: Date | null; receivedAt: Date }): boolean {
  return LINK.test(text) || (authorBlockedAt != null && authorBlockedAt.getTime() <= receivedAt.getTime());
}

// The sentiment the message had when it was received: the first correction's "before" in the
// audit log, so a correction to neutral cannot unlock hiding.
async function receivedSentiment(db: Db, { brandId, messageId, current }: { brandId: number; messageId: number; current: string | null }): Promise<string | null> {
  const [first] = await db
    .select({ before: auditLog.before })
    .from(auditLog)
    .where(and(eq(auditLog.brandId, brandId), eq(auditLog.objectType, "message"), eq(auditLog.objectId, String(messageId)), eq(auditLog.action, "message.correct")))
    .orderBy(asc(auditLog.id))
    .limit(1);
  const before = first?.before as { sentiment?: string | null } | null | undefined;
  return before && "sentiment" in before ? (before.sentiment ?? null) : current;
}

/**
 * Hides an inbound public comment on its platform. The message itself is kept and marked:
 * Replyhour never deletes what a customer wrote. Any agent may hide; a negative comment that is
 * not spam needs a manager (requireMayHide). The platform is called outside any transaction.
 */
export async function hideMessage({
  db = database(),
  brandId,
  actor: principal,
  messageId,
  reason,
  note,
  hide = hideOnPlatform,
  now = Date.now(),
}: Ctx & { messageId: number; reason: HideReason; note: string; hide?: (request: HideRequest) => Promise<HideResult>; now?: number }): Promise<void> {
  const { role, audit: actor } = authorize({ actor: principal, brandId, needs: "agent" });
  const [message] = await db
    .select({
      id: messages.id,
      conversationId: messages.conversationId,
      direction: messages.direction,
      visibility: messages.visibility,
      externalId: messages.externalId,
      sentiment: messages.sentiment,
      text: messages.text,
      receivedAt: messages.receivedAt,
      authorBlockedAt: contacts.blockedAt,
      hiddenAt: messages.hiddenAt,
      channelKind: channels.kind,
      credentials: channels.credentials,
    })
    .from(messages)
    .innerJoin(channels, eq(channels.id, messages.channelId))
    .leftJoin(contacts, eq(contacts.id, messages.contactId))
    .where(and(eq(messages.id, messageId), eq(messages.brandId, brandId)));
  if (!message) throw new AppError("not_found:message");
  if (message.direction !== "inbound" || message.visibility !== "public" || !message.externalId)
    throw new AppError("bad_request:hide", "Only a customer's public comment can be hidden.");
  if (message.hiddenAt != null) throw new AppError("conflict:hide", "This comment is already hidden.");
  const text = note.trim();
  if (text.length < 3) throw new AppError("bad_request:hide", "Say why the comment is hidden (at least a few words).");
  const received = await receivedSentiment(db, { brandId, messageId, current: message.sentiment });
  const sentiment = message.sentiment === "negative" || received === "negative" ? "negative" : message.sentiment;
  requireMayHide({ role, sentiment, reason, spam: spamEvidence(message) });
  const unsupported = hideUnsupported(message.channelKind);
  if (unsupported) throw catalogueError("bad_request:hide", `unsupported.${unsupported}`);

  const credentials = decryptCredentials(message.credentials);
  const client = clientFor({ kind: message.channelKind, credentials });
  // Demo channels have no platform behind them; their hide is accepted like their replies.
  const result: HideResult = credentials.demo === "1" || !client
    ? { ok: true }
    : await hide({ kind: message.channelKind, baseUrl: client.baseUrl(), credentials, externalId: message.externalId });
  if (!result.ok) {
    await db.transaction((tx) =>
      recordAudit(tx, { actor, brandId, action: "message.hide_failed", objectType: "message", objectId: messageId, after: { reason, note: text, error: result.reason } }),
    );
    throw catalogueError("conflict:platform", "hide", { reason: result.reason });
  }
  await db.transaction(async (tx) => {
    await tx
      .update(messages)
      .set({ hiddenAt: new Date(now), hiddenReason: `${reason}: ${text}`, hiddenBy: actor.userId })
      .where(and(eq(messages.id, messageId), eq(messages.brandId, brandId), isNull(messages.hiddenAt)));
    await recordAudit(tx, { actor, brandId, action: "message.hide", objectType: "message", objectId: messageId, after: { reason, note: text, conversationId: message.conversationId } });
    await recordChange(tx, { brandId, kind: "message", objectId: messageId, conversationId: message.conversationId, userId: actor.userId, at: now });
  });
}

/**
 * Blocking marks an author as a spammer: their later messages are filed as noise on arrival.
 * Any agent may block; lifting a block is a manager's call.
 */
export async function setContactBlocked({ db = database(), brandId, actor: principal, contactId, blocked, now = Date.now() }: Ctx & { contactId: number; blocked: boolean; now?: number }): Promise<void> {
  const { role, audit: actor } = authorize({ actor: principal, brandId, needs: "agent" });
  await db.transaction(async (tx) => {
    const [contact] = await tx
      .select({ id: contacts.id, blocked: contacts.blocked })
      .from(contacts)
      .innerJoin(channels, eq(channels.id, contacts.channelId))
      .where(and(eq(contacts.id, contactId), eq(channels.brandId, brandId)));
    if (!contact) throw new AppError("not_found:contact");
    if (!blocked && !(role && roleAtLeast(role, "manager"))) throw new AppError("forbidden:block", "Only a manager can unblock an author.");
    if (contact.blocked === blocked) return;
    // contacts carry no brand column: their channel is the brand's.
    const brandChannels = tx.select({ id: channels.id }).from(channels).where(eq(channels.brandId, brandId));
    await tx
      .update(contacts)
      .set({ blocked, blockedBy: blocked ? actor.userId : null, blockedAt: blocked ? new Date(now) : null })
      .where(and(eq(contacts.id, contact.id), inArray(contacts.channelId, brandChannels)));
    await recordAudit(tx, { actor, brandId, action: blocked ? "contact.block" : "contact.unblock", objectType: "contact", objectId: contactId, before: { blocked: !blocked }, after: { blocked } });
    const rows = await tx.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.contactId, contactId), eq(conversations.brandId, brandId)));
    for (const { id } of rows) await recordChange(tx, { brandId, kind: "conversation", objectId: id, conversationId: id, userId: actor.userId, at: now });
  });
}
