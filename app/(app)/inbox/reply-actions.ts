"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/authorize";
import { runAction, parseInput, type ActionState } from "@/lib/auth/action-result";
import { addNoteWithMentions } from "@/lib/conversations/mentions";
import { queueReplyUnlessReplied, type NewerReply } from "@/lib/presence/replied-meanwhile";

export type ReplyState = (NonNullable<ActionState> & { conflict?: NewerReply[]; mentioned?: number }) | null;

const id = z.coerce.number().int().positive();
const replySchema = z.object({
  brandId: id,
  conversationId: id,
  text: z.string().trim().min(1, "Write a reply first.").max(10_000),
  mode: z.enum(["public", "private", "note"]),
  seenMessageId: z.coerce.number().int().min(0).default(0),
  force: z.enum(["0", "1"]).default("0"),
});

// The composer's send: a reply asks first when someone else replied since the agent's view;
// a note notifies the teammates it @mentions.
export async function sendFromComposerAction(_prev: ReplyState, formData: FormData): Promise<ReplyState> {
  const user = await requireActionUser();
  const values = { text: String(formData.get("text") ?? "") };
  return runAction(values, async () => {
    const input = parseInput(replySchema, formData);
    const { brandId, conversationId, text } = input;
    const { audit } = authorize({ actor: { kind: "member", user }, brandId, needs: "agent" });
    const actor = { ...audit, userId: user.id };
    if (input.mode === "note") {
      const { mentioned } = await addNoteWithMentions({ brandId, actor, conversationId, text, authorName: user.name });
      revalidatePath("/inbox");
      return { ok: mentioned.length > 0 ? `Note added; ${mentioned.length === 1 ? "1 teammate was" : `${mentioned.length} teammates were`} notified.` : "Note added.", mentioned: mentioned.length } as ReplyState;
    }
    const result = await queueReplyUnlessReplied({ brandId, conversationId, text, visibility: input.mode, actor, seenMessageId: input.seenMessageId, force: input.force === "1" });
    if (result.conflict) return { conflict: result.conflict, values } as ReplyState;
    revalidatePath("/inbox");
    return { ok: "Reply queued; it shows as sent once the platform accepts it." };
  }) as Promise<ReplyState>;
}
