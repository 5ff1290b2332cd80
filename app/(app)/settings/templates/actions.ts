"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireActionUser } from "@/lib/auth/session";
import { requireMembership } from "@/lib/auth/access";
import { runAction, formValues, parseInput, type ActionState } from "@/lib/auth/action-result";
import { isAppError } from "@/lib/errors";
import { createTemplate, deleteTemplate, updateTemplate } from "@/lib/templates/templates";
import { renderTemplate, sampleValues, unknownVariables } from "@/lib/templates/variables";
import { translator, type Translate } from "@/lib/i18n/messages";

const id = z.coerce.number().int().positive();

// Templates are managed by managers and admins of the brand (DESIGN.md roles); agents use them.
async function managerAction(formData: FormData, body: (ctx: { values: Record<string, string>; brandId: number; actor: { userId: number; label: string }; t: Translate }) => ActionState) {
  const user = await requireActionUser();
  const values = formValues(formData);
  return runAction(values, () => {
    const { brandId } = parseInput(z.object({ brandId: id }), values);
    requireMembership({ user, brandId, role: "manager" });
    const result = body({ values, brandId, actor: { userId: user.id, label: user.email }, t: translator(user.locale) });
    revalidatePath("/settings/templates");
    revalidatePath("/inbox");
    return result;
  });
}

export async function saveTemplateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return managerAction(formData, ({ values, brandId, actor, t }) => {
    const input = parseInput(
      z.object({ templateId: z.union([z.literal(""), id]).optional(), title: z.string(), body: z.string(), language: z.string().optional(), shortcut: z.string().optional() }),
      values,
    );
    const fields = { title: input.title, body: input.body, language: input.language, shortcut: input.shortcut };
    if (input.templateId) {
      const saved = updateTemplate({ db: getDb(), brandId, actor, id: input.templateId, input: fields });
      return { ok: t("templates.saved", { title: saved.title }), values };
    }
    const saved = createTemplate({ db: getDb(), brandId, actor, input: fields });
    return { ok: t("templates.added", { title: saved.title }) };
  });
}

export async function deleteTemplateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return managerAction(formData, ({ values, brandId, actor, t }) => {
    const { templateId } = parseInput(z.object({ templateId: id }), values);
    deleteTemplate({ db: getDb(), brandId, actor, id: templateId });
    return { ok: t("templates.deleted") };
  });
}

export type Preview = { text: string; missing: string[]; unknown: string[] } | { error: string };

// The text as an agent would insert it, with sample customer values and the caller as agent.
export async function previewTemplateAction(_prev: Preview | null, formData: FormData): Promise<Preview> {
  const user = await requireActionUser();
  try {
    const input = parseInput(z.object({ brandId: id, body: z.string().max(10_000) }), formData);
    const membership = requireMembership({ user, brandId: input.brandId, role: "manager" });
    return { ...renderTemplate(input.body, sampleValues({ brand: membership.name, agent: user.name })), unknown: unknownVariables(input.body) };
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
}
