"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth/session";
import { formValues, parseInput, runAction, type ActionState } from "@/lib/auth/action-result";
import { HIDE_REASONS, hideMessage, setContactBlocked } from "@/lib/moderation/actions";
import { translator } from "@/lib/i18n/messages";

const id = z.coerce.number().int().positive();

// lib/moderation authorizes the member and holds who may hide or unblock what.
export async function hideMessageAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireActionUser();
  return runAction(formValues(formData), async () => {
    const input = parseInput(z.object({ brandId: id, messageId: id, reason: z.enum(HIDE_REASONS), note: z.string().max(500) }), formData);
    await hideMessage({
      brandId: input.brandId,
      actor: { kind: "member", user },
      messageId: input.messageId,
      reason: input.reason,
      note: input.note,
    });
    revalidatePath("/inbox");
    return { ok: translator(user.locale)("conversation.hidden") };
  });
}

export async function blockContactAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireActionUser();
  return runAction(formValues(formData), async () => {
    const input = parseInput(z.object({ brandId: id, contactId: id, blocked: z.enum(["1", "0"]) }), formData);
    const blocked = input.blocked === "1";
    await setContactBlocked({ brandId: input.brandId, actor: { kind: "member", user }, contactId: input.contactId, blocked });
    revalidatePath("/inbox");
    return { ok: translator(user.locale)(blocked ? "conversation.blocked" : "conversation.unblocked") };
  });
}
