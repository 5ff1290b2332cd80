"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/authorize";
import { runAction, parseInput as parse, type ActionState } from "@/lib/auth/action-result";
import { retryReply } from "@/lib/outbound/outbox";
import { assignConversations, changeLabels, correctMessage, markConversationsNoise, normalizeLabel, setConversationPriority, setConversationStatus } from "@/lib/conversations/actions";
import { SNOOZE_PRESETS, snoozeUntil } from "@/lib/conversations/snooze";
import { AppError } from "@/lib/errors";
import { PRIORITIES } from "@/lib/vocabulary";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";

const id = z.coerce.number().int().positive();
const ids = z.string().transform((v, ctx) => {
  const list = v.split(",").filter(Boolean).map(Number);
  if (list.length === 0 || list.length > 500 || list.some((n) => !Number.isSafeInteger(n) || n <= 0)) {
    ctx.addIssue({ code: "custom", message: "Invalid selection." });
    return z.NEVER;
  }
  return list;
});


async function inboxAction(formData: FormData, role: "agent" | "manager", body: (ctx: { brandId: number; actor: { userId: number | null; label: string }; t: Translate; locale: Locale }) => Promise<ActionState>): Promise<ActionState> {
  const user = await requireActionUser();
  return runAction({ text: String(formData.get("text") ?? "") }, async () => {
    const { brandId } = parse(z.object({ brandId: id }), formData);
    const { audit } = authorize({ actor: { kind: "member", user }, brandId, needs: role });
    const result = await body({ brandId, actor: audit, t: translator(user.locale), locale: user.locale });
    revalidatePath("/inbox");
    return result;
  });
}

// The messages word the count themselves (ICU plurals).
const counted = (n: number) => ({ count: n });

export async function assignAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireActionUser();
  return runAction({}, async () => {
    const input = parse(z.object({ brandId: id, conversationIds: ids, assignee: z.union([z.literal("me"), z.literal("none"), id]) }), formData);
    // Assigning someone else is a manager's call; claiming for yourself any agent may do.
    const toOther = input.assignee !== "me" && input.assignee !== "none" && input.assignee !== user.id;
    const { audit } = authorize({ actor: { kind: "member", user }, brandId: input.brandId, needs: toOther || input.assignee === "none" ? "manager" : "agent" });
    const assigneeId = input.assignee === "me" ? user.id : input.assignee === "none" ? null : input.assignee;
    const changed = await assignConversations({ brandId: input.brandId, actor: audit, conversationIds: input.conversationIds, assigneeId });
    revalidatePath("/inbox");
    const t = translator(user.locale);
    const who = assigneeId === user.id ? "you" : assigneeId === null ? "nobody" : "other";
    const already = { you: "conversation.assign.alreadyYou", nobody: "conversation.assign.alreadyNobody", other: "conversation.assign.alreadyOther" } as const;
    return { ok: changed === 0 ? t(already[who]) : t(`conversation.assign.${who}`, counted(changed)) };
  });
}

const statusSchema = z.object({
  brandId: id,
  conversationIds: ids,
  status: z.enum(["open", "pending", "snoozed", "resolved"]),
  snooze: z.enum(SNOOZE_PRESETS).optional(),
  custom: z.string().max(20).optional(),
});

export async function statusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireActionUser();
  return inboxAction(formData, "agent", async ({ brandId, actor, t }) => {
    const input = parse(statusSchema, formData);
    let until: number | null = null;
    if (input.status === "snoozed") {
      // Presets are read in the agent's own time zone ("tomorrow 9:00" is their morning).
      const timeZone = user.timezone ?? user.memberships.find((m) => m.brandId === brandId)?.timezone ?? "UTC";
      until = snoozeUntil({ preset: input.snooze ?? "1h", now: Date.now(), timeZone, custom: input.custom });
      if (until == null) throw new AppError("bad_request:snooze", t("conversation.snoozeNeedsTime"));
    }
    const { changed, skipped } = await setConversationStatus({ brandId, actor, conversationIds: input.conversationIds, status: input.status, snoozedUntil: until });
    const note = skipped > 0 && input.status !== "resolved" ? ` ${t("conversation.done.skipped", counted(skipped))}` : "";
    return { ok: `${t(`conversation.done.${input.status}`, counted(changed))}${note}` };
  });
}

export async function markNoiseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return inboxAction(formData, "agent", async ({ brandId, actor, t }) => {
    const input = parse(z.object({ brandId: id, conversationIds: ids }), formData);
    const changed = await markConversationsNoise({ brandId, actor, conversationIds: input.conversationIds });
    return { ok: changed === 0 ? t("conversation.alreadyNoise") : t("conversation.markedNoise", counted(changed)) };
  });
}

export async function priorityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return inboxAction(formData, "agent", async ({ brandId, actor, t }) => {
    const input = parse(z.object({ brandId: id, conversationIds: ids, priority: z.enum(PRIORITIES) }), formData);
    const changed = await setConversationPriority({ brandId, actor, conversationIds: input.conversationIds, priority: input.priority });
    const priority = t(`conversation.priority.${input.priority}`);
    return { ok: changed === 0 ? t("conversation.priorityAlready", { priority }) : t("conversation.prioritySet", { priority }) };
  });
}

export async function labelsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return inboxAction(formData, "agent", async ({ brandId, actor, t }) => {
    const input = parse(z.object({ brandId: id, conversationId: id, add: z.string().max(40).optional(), remove: z.string().max(40).optional() }), formData);
    if (!input.add?.trim() && !input.remove) throw new AppError("bad_request:label", t("conversation.labelFirst"));
    await changeLabels({ brandId, actor, conversationId: input.conversationId, add: input.add ? [input.add] : [], remove: input.remove ? [input.remove] : [] });
    return { ok: input.add ? t("conversation.labelAdded", { label: normalizeLabel(input.add) }) : t("conversation.labelRemoved", { label: input.remove ?? "" }) };
  });
}

export async function correctAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return inboxAction(formData, "agent", async ({ brandId, actor, t }) => {
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
    await correctMessage({
      brandId,
      actor,
      messageId: input.messageId,
      request: input.request === undefined ? undefined : input.request === "true",
      complaint: input.complaint === undefined ? undefined : input.complaint === "true",
      sentiment: input.sentiment,
    });
    return { ok: t("conversation.corrected") };
  });
}

export async function retryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return inboxAction(formData, "agent", async ({ brandId, t }) => {
    const input = parse(z.object({ brandId: id, messageId: id }), formData);
    await retryReply({ brandId, messageId: input.messageId });
    return { ok: t("conversation.sendingAgain") };
  });
}
