"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth/session";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { runAction, formValues, parseInput, type ActionState } from "@/lib/auth/action-result";
import { acknowledgeEscalation, raiseEscalation, rerouteEscalation, resolveEscalation } from "@/lib/escalation/actions";
import { translator, type Translate } from "@/lib/i18n/messages";

const id = z.coerce.number().int().positive();
const target = (t: Translate) => z.string().regex(/^(level:[12]|user:\d{1,12})$/, t("escalations.chooseTarget"));

// The queue is a manager's tool (DESIGN roles): every action checks it, and lib/ again.
async function queueAction(formData: FormData, body: (ctx: { values: Record<string, string>; brandId: number; escalationId: number; actor: Principal; t: Translate }) => Promise<ActionState>): Promise<ActionState> {
  const user = await requireActionUser();
  const values = formValues(formData);
  return runAction(values, async () => {
    const { brandId, escalationId } = parseInput(z.object({ brandId: id, escalationId: id }), values);
    const actor: Principal = { kind: "member", user };
    authorize({ actor, brandId, needs: "manager" });
    const result = await body({ values, brandId, escalationId, actor, t: translator(user.locale) });
    revalidatePath("/escalations");
    revalidatePath("/inbox");
    return result;
  });
}

export async function acknowledgeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return queueAction(formData, async ({ brandId, escalationId, actor, t }) => {
    await acknowledgeEscalation({ brandId, escalationId, actor });
    return { ok: t("escalations.acknowledged") };
  });
}

export async function raiseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return queueAction(formData, async ({ brandId, escalationId, actor, t }) => {
    const level = await raiseEscalation({ brandId, escalationId, actor });
    return { ok: t("escalations.raised", { level }) };
  });
}

export async function rerouteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return queueAction(formData, async ({ values, brandId, escalationId, actor, t }) => {
    const input = parseInput(z.object({ target: target(t) }), values);
    const [kind, value] = input.target.split(":");
    const to = kind === "level" ? { level: Number(value) } : { userId: Number(value) };
    await rerouteEscalation({ brandId, escalationId, actor, ...to });
    return { ok: kind === "level" ? t("escalations.reroutedLevel", { level: value }) : t("escalations.rerouted") };
  });
}

export async function resolveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return queueAction(formData, async ({ values, brandId, escalationId, actor, t }) => {
    const input = parseInput(z.object({ note: z.string().trim().min(1, t("escalations.noteRequired")).max(2000) }), values);
    await resolveEscalation({ brandId, escalationId, actor, note: input.note });
    return { ok: t("escalations.resolved") };
  });
}
