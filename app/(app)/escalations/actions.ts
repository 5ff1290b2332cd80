"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireActionUser } from "@/lib/auth/session";
import { requireMembership } from "@/lib/auth/access";
import { runAction, formValues, parseInput, type ActionState } from "@/lib/auth/action-result";
import { acknowledgeEscalation, raiseEscalation, rerouteEscalation, resolveEscalation } from "@/lib/escalation/actions";
import type { Actor } from "@/lib/audit/record";
import { translator, type Translate } from "@/lib/i18n/messages";

const id = z.coerce.number().int().positive();
const target = (t: Translate) => z.string().regex(/^(level:[12]|user:\d{1,12})$/, t("escalations.chooseTarget"));

// The queue is a manager's tool (DESIGN roles): every action checks it itself.
async function queueAction(formData: FormData, body: (ctx: { values: Record<string, string>; brandId: number; escalationId: number; actor: Actor; t: Translate }) => ActionState): Promise<ActionState> {
  const user = await requireActionUser();
  const values = formValues(formData);
  return runAction(values, () => {
    const { brandId, escalationId } = parseInput(z.object({ brandId: id, escalationId: id }), values);
    requireMembership({ user, brandId, role: "manager" });
    const result = body({ values, brandId, escalationId, actor: { userId: user.id, label: user.email }, t: translator(user.locale) });
    revalidatePath("/escalations");
    revalidatePath("/inbox");
    return result;
  });
}

export async function acknowledgeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return queueAction(formData, ({ brandId, escalationId, actor, t }) => {
    acknowledgeEscalation({ db: getDb(), brandId, escalationId, actor });
    return { ok: t("escalations.acknowledged") };
  });
}

export async function raiseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return queueAction(formData, ({ brandId, escalationId, actor, t }) => {
    const level = raiseEscalation({ db: getDb(), brandId, escalationId, actor });
    return { ok: t("escalations.raised", { level }) };
  });
}

export async function rerouteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return queueAction(formData, ({ values, brandId, escalationId, actor, t }) => {
    const input = parseInput(z.object({ target: target(t) }), values);
    const [kind, value] = input.target.split(":");
    const to = kind === "level" ? { level: Number(value) } : { userId: Number(value) };
    rerouteEscalation({ db: getDb(), brandId, escalationId, actor, ...to });
    return { ok: kind === "level" ? t("escalations.reroutedLevel", { level: value }) : t("escalations.rerouted") };
  });
}

export async function resolveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return queueAction(formData, ({ values, brandId, escalationId, actor, t }) => {
    const input = parseInput(z.object({ note: z.string().trim().min(1, t("escalations.noteRequired")).max(2000) }), values);
    resolveEscalation({ db: getDb(), brandId, escalationId, actor, note: input.note });
    return { ok: t("escalations.resolved") };
  });
}
