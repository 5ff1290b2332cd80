"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireActionUser } from "@/lib/auth/session";
import { requireMembership } from "@/lib/auth/access";
import { runAction, parseInput as parse, type ActionState } from "@/lib/auth/action-result";
import { queueReply, retryReply } from "@/lib/outbound/outbox";
import { addNote, assignConversations, correctMessage, markConversationsNoise, setConversationStatus } from "@/lib/conversations/actions";

const id = z.coerce.number().int().positive();
const ids = z.string().transform((v, ctx) => {
  const list = v.split(",").filter(Boolean).map(Number);
  if (list.length === 0 || list.length > 500 || list.some((n) => !Number.isSafeInteger(n) || n <= 0)) {
    ctx.addIssue({ code: "custom", message: "Invalid selection." });
    return z.NEVER;
  }
  return list;
});


async function inboxAction(formData: FormData, role: "agent" | "manager", body: (ctx: { brandId: number; actor: { userId: number; label: string } }) => ActionState): Promise<ActionState> {
  const user = await requireActionUser();
  return runAction({ text: String(formData.get("text") ?? "") }, () => {
    const { brandId } = parse(z.object({ brandId: id }), formData);
    requireMembership({ user, brandId, role });
    const result = body({ brandId, actor: { userId: user.id, label: user.email } });
    revalidatePath("/inbox");
    return result;
  });
}

const replySchema = z.object({
  brandId: id,
  conversationId: id,
  text: z.string().trim().min(1, "Write a reply first.").max(10_000),
  mode: z.enum(["public", "private", "note"]),
});

export async function replyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return inboxAction(formData, "agent", ({ brandId, actor }) => {
    const input = parse(replySchema, formData);
    const db = getDb();
    if (input.mode === "note") {
      addNote({ db, brandId, actor, conversationId: input.conversationId, text: input.text });
      return { ok: "Note added." };
    }
    queueReply({ db, brandId, conversationId: input.conversationId, text: input.text, visibility: input.mode, actor });
    return { ok: "Reply queued; it shows as sent once the platform accepts it." };
  });
}

export async function assignAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireActionUser();
  return runAction({}, () => {
    const input = parse(z.object({ brandId: id, conversationIds: ids, assignee: z.union([z.literal("me"), z.literal("none"), id]) }), formData);
    // Assigning someone else is a manager's call; claiming for yourself any agent may do.
    const toOther = input.assignee !== "me" && input.assignee !== "none" && input.assignee !== user.id;
    requireMembership({ user, brandId: input.brandId, role: toOther || input.assignee === "none" ? "manager" : "agent" });
    const assigneeId = input.assignee === "me" ? user.id : input.assignee === "none" ? null : input.assignee;
    assignConversations({ db: getDb(), brandId: input.brandId, actor: { userId: user.id, label: user.email }, conversationIds: input.conversationIds, assigneeId });
    revalidatePath("/inbox");
    return { ok: "Assigned." };
  });
}

export async function statusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return inboxAction(formData, "agent", ({ brandId, actor }) => {
    const input = parse(z.object({ brandId: id, conversationIds: ids, status: z.enum(["open", "pending", "snoozed", "resolved"]), snoozedUntil: z.string().optional() }), formData);
    const until = input.snoozedUntil ? Date.parse(input.snoozedUntil) : null;
    setConversationStatus({ db: getDb(), brandId, actor, conversationIds: input.conversationIds, status: input.status, snoozedUntil: until });
    return { ok: `Marked ${input.status}.` };
  });
}

export async function markNoiseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return inboxAction(formData, "agent", ({ brandId, actor }) => {
    const input = parse(z.object({ brandId: id, conversationIds: ids }), formData);
    markConversationsNoise({ db: getDb(), brandId, actor, conversationIds: input.conversationIds });
    return { ok: "Marked as noise." };
  });
}

export async function correctAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return inboxAction(formData, "agent", ({ brandId, actor }) => {
    const input = parse(
      z.object({
        brandId: id,
        messageId: id,
        request: z.enum(["true", "false"]).optional(),
        complaint: z.enum(["true", "false"]).optional(),
        sentiment: z.enum(["negative", "neutral", "positive"]).optional(),
      }),
      formData,
    );
    correctMessage({
      db: getDb(),
      brandId,
      actor,
      messageId: input.messageId,
      request: input.request === undefined ? undefined : input.request === "true",
      complaint: input.complaint === undefined ? undefined : input.complaint === "true",
      sentiment: input.sentiment,
    });
    return { ok: "Thanks — the classifier learns from this." };
  });
}

export async function retryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return inboxAction(formData, "agent", ({ brandId }) => {
    const input = parse(z.object({ brandId: id, messageId: id }), formData);
    retryReply({ db: getDb(), brandId, messageId: input.messageId });
    return { ok: "Sending again." };
  });
}
