"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth/session";
import { runAction, formValues, parseInput, type ActionState } from "@/lib/auth/action-result";
import { queueTestPush, removePushDevice, savePushSubscription, updatePushDevice } from "@/lib/push/subscriptions";
import { parseClock } from "@/lib/push/quiet-hours";
import { translator } from "@/lib/i18n/messages";

// A device's settings as the account page's form sends them; lib/ checks them again.
function settingsFrom(formData: FormData) {
  const input = parseInput(
    z.object({ label: z.string().max(60), quietStart: z.string().max(5).default(""), quietEnd: z.string().max(5).default(""), timezone: z.string().max(64) }),
    formData,
  );
  return {
    label: input.label,
    kinds: formData.getAll("kinds").map(String),
    quietStart: input.quietStart ? (parseClock(input.quietStart) ?? -1) : null,
    quietEnd: input.quietEnd ? (parseClock(input.quietEnd) ?? -1) : null,
    timezone: input.timezone,
  };
}

/** Called by the browser after it subscribed: the subscription (endpoint and keys) with the chosen settings. */
export async function savePushSubscriptionAction(subscription: unknown, formData: FormData): Promise<ActionState> {
  const user = await requireActionUser();
  const t = translator(user.locale);
  return runAction(formValues(formData), async () => {
    const keys = z.object({ endpoint: z.string(), keys: z.object({ p256dh: z.string(), auth: z.string() }) }).safeParse(subscription);
    await savePushSubscription({ userId: user.id, input: { ...(keys.success ? keys.data : {}), ...settingsFrom(formData) } });
    revalidatePath("/account");
    return { ok: t("push.enabled") };
  });
}

const idOf = (formData: FormData) => parseInput(z.object({ id: z.coerce.number().int().positive() }), { id: String(formData.get("id") ?? "") }).id;

export async function updatePushDeviceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireActionUser();
  const t = translator(user.locale);
  return runAction(formValues(formData), async () => {
    await updatePushDevice({ userId: user.id, id: idOf(formData), input: settingsFrom(formData) });
    revalidatePath("/account");
    return { ok: t("push.saved") };
  });
}

export async function removePushDeviceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireActionUser();
  const t = translator(user.locale);
  return runAction(formValues(formData), async () => {
    await removePushDevice({ userId: user.id, id: idOf(formData) });
    revalidatePath("/account");
    return { ok: t("push.removed") };
  });
}

export async function sendTestPushAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireActionUser();
  const t = translator(user.locale);
  return runAction(formValues(formData), async () => {
    await queueTestPush({ userId: user.id, id: idOf(formData) });
    return { ok: t("push.testQueued") };
  });
}
