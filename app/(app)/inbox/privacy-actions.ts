"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth/session";
import { formValues, parseInput, runAction, type ActionState } from "@/lib/auth/action-result";
import { eraseContact } from "@/lib/privacy/erase";
import { translator } from "@/lib/i18n/messages";

const id = z.coerce.number().int().positive();

// lib/privacy authorizes (admins of the brand) and refuses an erasure without a reason.
export async function eraseContactAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireActionUser();
  return runAction(formValues(formData), async () => {
    const input = parseInput(z.object({ brandId: id, contactId: id, reason: z.string().trim().min(3).max(500), confirm: z.literal("yes") }), formData);
    const { counts } = await eraseContact({ brandId: input.brandId, actor: { kind: "member", user }, contactId: input.contactId, reason: input.reason });
    revalidatePath("/inbox");
    return { ok: translator(user.locale)("privacy.erased", { count: counts.messages }) };
  });
}
