"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/authorize";
import { runAction, formValues, parseInput, type ActionState } from "@/lib/auth/action-result";
import { isAppError } from "@/lib/errors";
import { errorText } from "@/lib/i18n/errors";
import { createTemplate, deleteTemplate, updateTemplate } from "@/lib/templates/templates";
import { renderTemplate, sampleValues, unknownVariables } from "@/lib/templates/variables";
import { translator, type Translate } from "@/lib/i18n/messages";

const id = z.coerce.number().int().positive();

// Templates are managed by managers and admins of the brand (DESIGN.md roles); agents use them.
async function managerAction(formData: FormData, body: (ctx: { values: Record<string, string>; brandId: number; actor: { userId: number | null; label: string }; t: Translate }) => Promise<ActionState>) {
  const user = await requireActionUser();
  const values = formValues(formData);
  return runAction(values, async () => {
    const { brandId } = parseInput(z.object({ brandId: id }), values);
    const { audit } = authorize({ actor: { kind: "member", user }, brandId, needs: "manager" });
    const result = await body({ values, brandId, actor: audit, t: translator(user.locale) });
    revalidatePath("/settings/templates");
    revalidatePath("/inbox");
    return result;
  });
}

export async function saveTemplateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return managerAction(formData, async ({ values, brandId, actor, t }) => {
    const input = parseInput(
      z.object({ templateId: z.union([z.literal(""), id]).optional(), title: z.string(), body: z.string(), language: z.string().optional(), shortcut: z.string().optional() }),
      values,
    );
    const fields = { title: input.title, body: input.body, language: input.language, shortcut: input.shortcut };
    if (input.templateId) {
      const saved = await updateTemplate({ brandId, actor, id: input.templateId, input: fields });
      return { ok: t("templates.saved", { title: saved.title }), values };
    }
    const saved = await createTemplate({ brandId, actor, input: fields });
    return { ok: t("templates.added", { title: saved.title }) };
  });
}

export async function deleteTemplateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return managerAction(formData, async ({ values, brandId, actor, t }) => {
    const { templateId } = parseInput(z.object({ templateId: id }), values);
    await deleteTemplate({ brandId, actor, id: templateId });
    return { ok: t("templates.deleted") };
  });
}

export type Preview = { text: string; missing: string[]; unknown: string[] } | { error: string };

// The text as an agent would insert it, with sample customer values and the caller as agent.
export async function previewTemplateAction(_prev: Preview | null, formData: FormData): Promise<Preview> {
  const user = await requireActionUser();
  try {
    const input = parseInput(z.object({ brandId: id, body: z.string().max(10_000) }), formData);
    authorize({ actor: { kind: "member", user }, brandId: input.brandId, needs: "manager" });
    const brand = user.memberships.find((m) => m.brandId === input.brandId)!.name;
    return { ...renderTemplate(input.body, sampleValues({ brand, agent: user.name })), unknown: unknownVariables(input.body) };
  } catch (error) {
    if (isAppError(error)) return { error: errorText({ error, locale: user.locale }) };
    throw error;
  }
}
