import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { database, type Db, type Tx } from "@/db/client";
import { messages } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { TokenPrincipal } from "@/lib/auth/tokens";
import { assignConversations, changeLabels, correctMessage, normalizeLabel, setConversationPriority, setConversationStatus } from "@/lib/conversations/actions";
import { addNoteWithMentions } from "@/lib/conversations/mentions";
import { requireConversation } from "@/lib/inbox/conversation";
import { queueReply } from "@/lib/outbound/outbox";
import { AppError } from "@/lib/errors";
import { apiConversationSummary } from "./conversations";
import { oncePerKey, type Answer } from "./idempotency";
import type { classificationBodySchema, conversationPatchSchema, noteBodySchema, replyBodySchema } from "./schemas";

// The API's writes: a write token acts as its member, authorized like the inbox's own actions
// and calling the same lib/ functions, so rules, audit entries and realtime changes are theirs.

type Write<Body> = { db?: Db; token: TokenPrincipal; id: number; body: Body; raw: unknown; path: string; method?: string; idempotencyKey: string | null };

function actAs(token: TokenPrincipal, role: "agent" | "manager") {
  const { brandId, audit } = authorize({ actor: { kind: "token", token }, brandId: token.brandId, needs: role });
  // authorize() refused a token without a member, so the member is here.
  const member = token.member!;
  return { brandId, member, actor: { ...audit, userId: member.id } };
}

function once(write: Write<unknown>, brandId: number, run: (tx: Tx) => Promise<Answer>) {
  const { db = database(), token, raw, path, method = "POST", idempotencyKey } = write;
  return oncePerKey({ db, tokenId: token.tokenId, brandId, key: idempotencyKey, request: { method, path, body: raw }, run });
}

export async function apiReply(write: Write<z.output<typeof replyBodySchema>>) {
  const { brandId, actor } = actAs(write.token, "agent");
  if (write.idempotencyKey == null) throw new AppError("bad_request:idempotency_key", "A reply needs an Idempotency-Key header, so a retried request never sends twice.");
  const { text, visibility, automated = false } = write.body;
  return once(write, brandId, async (tx) => {
    const messageId = await queueReply({ db: tx, brandId, conversationId: write.id, text, visibility, actor, automated });
    return { status: 201, body: { id: String(messageId), conversationId: String(write.id), visibility, automated, deliveryState: "queued" } };
  });
}

export async function apiNote(write: Write<z.output<typeof noteBodySchema>>) {
  const { brandId, actor, member } = actAs(write.token, "agent");
  return once(write, brandId, async (tx) => {
    const { messageId, mentioned } = await addNoteWithMentions({ db: tx, brandId, actor, conversationId: write.id, text: write.body.text, authorName: member.name });
    return { status: 201, body: { id: String(messageId), conversationId: String(write.id), mentioned: mentioned.length } };
  });
}

// Every named field changes in one transaction: all of them, or none when one is refused.
export async function apiPatchConversation(write: Write<z.output<typeof conversationPatchSchema>>) {
  const body = write.body;
  const assigneeId = body.assigneeId === undefined ? undefined : body.assigneeId === null ? null : Number(body.assigneeId);
  // Assigning someone else, or nobody, is a manager's call; claiming for yourself any agent may do.
  const self = write.token.member?.id;
  const { brandId, actor } = actAs(write.token, assigneeId !== undefined && assigneeId !== self ? "manager" : "agent");
  const conversationIds = [write.id];
  return once({ ...write, method: "PATCH" }, brandId, async (tx) => {
    await requireConversation({ db: tx, brandId, id: write.id });
    if (assigneeId !== undefined) await assignConversations({ db: tx, brandId, actor, conversationIds, assigneeId });
    const status = body.snoozeUntil ? "snoozed" : body.status;
    if (status) await setConversationStatus({ db: tx, brandId, actor, conversationIds, status, snoozedUntil: body.snoozeUntil ? Date.parse(body.snoozeUntil) : null });
    if (body.priority) await setConversationPriority({ db: tx, brandId, actor, conversationIds, priority: body.priority });
    if (body.labels) {
      const { labels: before } = await requireConversation({ db: tx, brandId, id: write.id });
      const after = new Set(body.labels.map(normalizeLabel));
      await changeLabels({ db: tx, brandId, actor, conversationId: write.id, add: [...after], remove: before.filter((l) => !after.has(l)) });
    }
    return { status: 200, body: await apiConversationSummary({ db: tx, brandId, id: write.id }) };
  });
}

export async function apiClassify(write: Write<z.output<typeof classificationBodySchema>>) {
  const { brandId, actor } = actAs(write.token, "agent");
  const { category, complaint, sentiment } = write.body;
  return once(write, brandId, async (tx) => {
    await correctMessage({ db: tx, brandId, actor, messageId: write.id, request: category === undefined ? undefined : category === "request", complaint, sentiment });
    const [row] = await tx
      .select({ conversationId: messages.conversationId, category: messages.category, complaint: messages.complaint, sentiment: messages.sentiment, corrected: messages.corrected })
      .from(messages)
      .where(and(eq(messages.id, write.id), eq(messages.brandId, brandId)));
    return { status: 200, body: { id: String(write.id), conversationId: String(row.conversationId), category: row.category, complaint: !!row.complaint, sentiment: row.sentiment, corrected: row.corrected } };
  });
}
