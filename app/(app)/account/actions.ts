"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signOut } from "@/lib/auth/next-auth";
import { getSignedIn, requireActionUser } from "@/lib/auth/session";
import { runAction, formValues, parseInput, type ActionState } from "@/lib/auth/action-result";
import { endAllOwnSessions, endOwnSession } from "@/lib/auth/sessions";
import { changeOwnPassword } from "@/lib/team/account";
import { answerInvitation } from "@/lib/team/invitations";
import { translator } from "@/lib/i18n/messages";
import { AppError } from "@/lib/errors";
import { setWeeklyReportOptIn } from "@/lib/reports/weekly/subscriptions";

async function signedIn() {
  const current = await getSignedIn();
  if (!current) throw new AppError("unauthorized:session");
  return current;
}

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { user, sessionId } = await signedIn();
  const t = translator(user.locale);
  return runAction(formValues(formData), async () => {
    const input = parseInput(z.object({ current: z.string().min(1).max(200), next: z.string().max(200), confirm: z.string().max(200) }), formData);
    if (input.next !== input.confirm) return { error: t("account.passwordMismatch") };
    await changeOwnPassword({ userId: user.id, sessionId, current: input.current, next: input.next });
    revalidatePath("/", "layout");
    return { ok: t("account.passwordChanged") };
  });
}

export async function endSessionAction(formData: FormData): Promise<void> {
  const { user } = await signedIn();
  const id = z.string().min(1).max(100).safeParse(formData.get("sessionId"));
  if (id.success) await endOwnSession({ userId: user.id, sessionId: id.data });
  revalidatePath("/account");
}

export async function signOutEverywhereAction(): Promise<void> {
  const { user } = await signedIn();
  await endAllOwnSessions({ userId: user.id });
  await signOut({ redirectTo: "/login" });
}

export async function setWeeklyReportAction(formData: FormData): Promise<void> {
  const { user } = await signedIn();
  const input = z.object({ brandId: z.coerce.number().int().positive(), subscribed: z.enum(["0", "1"]) }).safeParse({ brandId: formData.get("brandId"), subscribed: formData.get("subscribed") });
  if (!input.success) throw new AppError("bad_request:weekly_report", "Choose a brand and whether to receive its report.");
  await setWeeklyReportOptIn({ user, brandId: input.data.brandId, subscribed: input.data.subscribed === "1" });
  revalidatePath("/account");
}

// Only the invitee answers, and only after choosing their own password.
export async function answerInvitationAction(formData: FormData): Promise<void> {
  const user = await requireActionUser();
  const input = z.object({ invitationId: z.coerce.number().int().positive(), answer: z.enum(["accept", "decline"]) }).safeParse(Object.fromEntries(formData));
  if (!input.success) throw new AppError("bad_request:invitation", "Choose accept or decline.");
  await answerInvitation({ userId: user.id, id: input.data.invitationId, accept: input.data.answer === "accept" });
  revalidatePath("/", "layout");
}
