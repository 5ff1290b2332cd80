import crypto from "node:crypto";
import { and, desc, eq, isNull, lte, notInArray, or, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { channels, contacts, conversations, messages } from "@/db/schema";
import { indexWrittenMessages } from "@/db/search";
import { nextUnclaimed } from "@/db/claim";
import { AppError } from "@/lib/errors";
import { decryptCredentials } from "@/lib/security/credentials";
import { recordSentReply } from "@/lib/ingest/pipeline";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { requireConversation } from "@/lib/inbox/conversation";
import type { ReplyRequest, SendResult } from "./clients/types";
import { recordChange } from "@/lib/realtime/record-change";
import { replyToken } from "@/lib/ingest/adapters/email/token";
import { getSecrets } from "@/lib/security/secrets";
import { sendWebReply } from "@/lib/widget/answer-mail";
import { clientFor } from "./registry";
import { isLocale, translator } from "@/lib/i18n/messages";

const MAX_ATTEMPTS = 8;
const m = messages;

// Queued in the same transaction as the agent's action (it joins the caller's); the worker sends it.
export async function queueReply({
  db,
  brandId,
  conversationId,
  text,
  visibility,
  actor,
  automated = false,
}: {
  db: Db;
  brandId: number;
  conversationId: number;
  text: string;
  visibility: "public" | "private";
  actor: Actor & { userId: number };
  /** A bot's answer: sent like any reply, never counted as a person's response. */
  automated?: boolean;
}): Promise<number> {
  return db.transaction(async (tx) => {
    const conversation = await requireConversation({ db: tx, brandId, id: conversationId });
    const now = Date.now();
    const [reply] = await tx
      .insert(m)
      .values({
        conversationId,
        brandId,
        channelId: conversation.channelId,
        cycleId: conversation.currentCycleId,
        direction: "outbound",
        visibility,
        userId: actor.userId,
        text,
        automated,
        createdAt: new Date(now),
        receivedAt: new Date(now),
        deliveryState: "queued",
        idempotencyKey: crypto.randomUUID(),
        nextAttemptAt: new Date(now),
      })
      .returning({ id: m.id });
    await recordChange(tx, { brandId, kind: "message", objectId: reply.id, conversationId, userId: actor.userId, at: now });
    await recordAudit(tx, { actor, brandId, action: "message.reply", objectType: "conversation", objectId: conversationId, after: { messageId: reply.id, visibility, ...(automated ? { automated } : {}) } });
    await indexWrittenMessages(tx, now);
    return reply.id;
  });
}

function backoffMs(attempts: number, retryAfterSeconds?: number): number {
  if (retryAfterSeconds != null) return retryAfterSeconds * 1000;
  return Math.min(30 * 60_000, 2 ** attempts * 5_000);
}

const SENDING_LEASE_MS = 2 * 60_000;
export const INTERRUPTED_REASON = "Sending was interrupted (the server stopped); the platform may have posted it. Check there before retrying.";

/**
 * A reply left "sending" past its lease was cut off mid-call: the platform may or may not have
 * posted it, and not every platform takes an idempotency key. It is marked failed with that
 * reason, for a person to check and retry, rather than resent blindly.
 */
export async function failInterrupted({ db = database(), now = Date.now() }: { db?: Db; now?: number } = {}): Promise<number> {
  const stuck = await db
    .select({ id: m.id, brandId: m.brandId, conversationId: m.conversationId })
    .from(m)
    .where(and(eq(m.deliveryState, "sending"), or(isNull(m.nextAttemptAt), lte(m.nextAttemptAt, new Date(now)))));
  for (const message of stuck)
    await db.transaction(async (tx) => {
      const [failed] = await tx
        .update(m)
        .set({ deliveryState: "failed", lastError: INTERRUPTED_REASON, nextAttemptAt: null })
        .where(and(eq(m.id, message.id), eq(m.brandId, message.brandId), eq(m.deliveryState, "sending")))
        .returning({ id: m.id });
      if (failed) await recordChange(tx, { brandId: message.brandId, kind: "message", objectId: message.id, conversationId: message.conversationId, at: now });
    });
  return stuck.length;
}

// A claimed reply with what sending it needs.
async function replyToSend(db: Db, id: number, brandId: number) {
  const [reply] = await db
    .select({
      id: m.id,
      brandId: m.brandId,
      text: m.text,
      visibility: m.visibility,
      idempotencyKey: m.idempotencyKey,
      attempts: m.attempts,
      conversationId: m.conversationId,
      channelId: m.channelId,
      conversationKind: conversations.kind,
      externalThreadId: conversations.externalThreadId,
      language: conversations.language,
      contactExternalId: contacts.externalId,
      contactHandle: contacts.handle,
      channelKind: channels.kind,
      accountId: channels.accountId,
      credentials: channels.credentials,
    })
    .from(m)
    .innerJoin(conversations, eq(conversations.id, m.conversationId))
    .innerJoin(channels, eq(channels.id, m.channelId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(m.id, id), eq(m.brandId, brandId)));
  return reply;
}

/**
 * Claims the next due reply, across brands: it becomes "sending" for the lease, in a transaction
 * of its own, so of several servers exactly one gets it (on PostgreSQL they skip each other's).
 */
async function claimNextReply(db: Db, now: number, tried: number[]): Promise<{ id: number; brandId: number } | undefined> {
  // A reply this run already tried waits for the next run, whatever its retry time.
  const due = and(eq(m.deliveryState, "queued"), lte(m.nextAttemptAt, new Date(now)), tried.length ? notInArray(m.id, tried) : undefined);
  const [claimed] = await db.transaction((tx) =>
    tx
      .update(m)
      .set({ deliveryState: "sending", attempts: sql`${m.attempts} + 1`, nextAttemptAt: new Date(Date.now() + SENDING_LEASE_MS) })
      .where(and(due, nextUnclaimed(tx, { table: m, id: m.id, where: due, orderBy: m.nextAttemptAt })))
      .returning({ id: m.id, brandId: m.brandId }),
  );
  return claimed;
}

type Due = NonNullable<Awaited<ReturnType<typeof replyToSend>>>;

// The customer's latest message: the reply answers it where the platform threads replies (an
// e-mail reply also takes its subject).
async function inReplyTo(db: Db, message: Due): Promise<{ externalId: string | null; subject: string | null } | null> {
  const [parent] = await db
    .select({ externalId: m.externalId, subject: m.subject })
    .from(m)
    .where(and(eq(m.conversationId, message.conversationId), eq(m.brandId, message.brandId), eq(m.direction, "inbound")))
    .orderBy(desc(m.createdAt))
    .limit(1);
  return parent ?? null;
}

/** An e-mail reply's subject: "Re: " and the customer's, or, when theirs is unknown, a plain one in their language. */
export function replySubject({ subject, language }: { subject: string | null | undefined; language: string | null }): string {
  if (!subject) return translator(isLocale(language) ? language : "en")("outbound.mail.subject");
  return /^(re|aw|sv|ответ)\s*:/i.test(subject) ? subject : `Re: ${subject}`;
}

/**
 * Sends due replies: each is claimed in one transaction, sent outside any transaction, and its
 * result recorded in another. A retry re-uses the idempotency key, so the platform never posts twice.
 */
export async function sendDueReplies({ db = database(), now = Date.now(), limit = 20 }: { db?: Db; now?: number; limit?: number } = {}): Promise<number> {
  await failInterrupted({ db, now });
  let sent = 0;
  const tried: number[] = [];
  for (let i = 0; i < limit; i++) {
    // The lease outlives any send (15 s timeout); one still "sending" after it was cut off by a crash.
    const claimed = await claimNextReply(db, now, tried);
    if (!claimed) break;
    tried.push(claimed.id);
    const message = await replyToSend(db, claimed.id, claimed.brandId);
    if (!message) continue;
    const mine = and(eq(m.id, message.id), eq(m.brandId, message.brandId));
    const result = await send(db, message, await inReplyTo(db, message));
    if (result.ok) {
      await recordSentReply({ db, messageId: message.id, externalId: result.externalId, sentAt: result.sentAt.getTime() });
      sent++;
      continue;
    }
    // `attempts` was read after the claim counted this one.
    const attempts = message.attempts;
    const retry = result.retryable && attempts < MAX_ATTEMPTS;
    await db.transaction(async (tx) => {
      await tx
        .update(m)
        .set({ deliveryState: retry ? "queued" : "failed", lastError: result.reason, nextAttemptAt: retry ? new Date(Date.now() + backoffMs(attempts, result.retryAfterSeconds)) : null })
        .where(mine);
      await recordChange(tx, { brandId: message.brandId, kind: "message", objectId: message.id, conversationId: message.conversationId });
    });
  }
  return sent;
}

async function send(db: Db, message: Due, parent: { externalId: string | null; subject: string | null } | null): Promise<SendResult> {
  const credentials = decryptCredentials(message.credentials);
  const client = clientFor({ kind: message.channelKind, credentials });
  if (!client) return { ok: true, externalId: `replyhour-${message.id}`, sentAt: new Date() };
  const request: ReplyRequest = {
    channel: { kind: message.channelKind, accountId: message.accountId ?? "", credentials },
    conversation: { kind: message.visibility === "private" ? "private_message" : message.conversationKind, externalThreadId: message.externalThreadId, contactExternalId: message.contactExternalId },
    inReplyToExternalId: parent?.externalId ?? null,
    text: message.text,
    idempotencyKey: message.idempotencyKey ?? `replyhour-${message.id}`,
    timeoutMs: 15_000,
  };
  if (message.channelKind === "email") {
    request.subject = replySubject({ subject: parent?.subject, language: message.language });
    request.threadToken = replyToken({ secret: getSecrets().credentialsKey, channelId: message.channelId, conversationId: message.conversationId });
  }
  try {
    if (message.channelKind === "web")
      return await sendWebReply({ db, reply: { brandId: message.brandId, channelId: message.channelId, conversationId: message.conversationId, visitorId: message.contactExternalId, address: message.contactHandle, request } });
    return await client.sendReply({ baseUrl: client.baseUrl(), request });
  } catch (error) {
    return { ok: false, retryable: true, reason: `Could not reach the platform: ${(error as Error).message}` };
  }
}

export async function retryReply({ db = database(), brandId, messageId }: { db?: Db; brandId: number; messageId: number }): Promise<void> {
  const requeued = await db.transaction((tx) =>
    tx
      .update(m)
      .set({ deliveryState: "queued", nextAttemptAt: new Date(), attempts: 0 })
      .where(and(eq(m.id, messageId), eq(m.brandId, brandId), eq(m.deliveryState, "failed")))
      .returning({ id: m.id }),
  );
  if (requeued.length === 0) throw new AppError("not_found:message", "No failed reply to retry.");
}
