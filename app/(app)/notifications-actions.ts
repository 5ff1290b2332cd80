"use server";

import { z } from "zod";
import { requireActionUser } from "@/lib/auth/session";
import { runAction, formValues, parseInput, type ActionState } from "@/lib/auth/action-result";
import { markRead, notificationSummary } from "@/lib/notifications/list";
import { withLinks, type BellData } from "@/lib/notifications/links";
import { translator } from "@/lib/i18n/messages";

const ids = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const list = v.split(",").filter(Boolean).map(Number);
    if (list.length > 500 || list.some((n) => !Number.isSafeInteger(n) || n <= 0)) {
      ctx.addIssue({ code: "custom", message: "Invalid selection." });
      return z.NEVER;
    }
    return list;
  });

export type { BellData } from "@/lib/notifications/links";

// The bell's data; everything is scoped to the signed-in user, so no brand is asked for.
export async function loadNotificationsAction(): Promise<BellData> {
  const user = await requireActionUser();
  return withLinks(await notificationSummary({ userId: user.id }), user);
}

// Without ids: mark all read.
export async function markNotificationsReadAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireActionUser();
  const values = formValues(formData);
  return runAction(values, async () => {
    const input = parseInput(z.object({ ids }), values);
    const n = await markRead({ userId: user.id, ids: input.ids, actor: { userId: user.id, label: user.email } });
    const t = translator(user.locale);
    return { ok: n === 1 ? t("notifications.markedOne") : t("notifications.marked", { count: n }) };
  });
}
