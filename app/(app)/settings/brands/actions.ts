"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/authorize";
import { runAction, formValues, type ActionState } from "@/lib/auth/action-result";
import { openBrand, updateBrand, slugSchema, timezoneSchema } from "@/lib/brands/brands";
import { translator } from "@/lib/i18n/messages";
import { setRetention } from "@/lib/privacy/retention";

const createSchema = z.object({ slug: slugSchema, name: z.string().trim().min(1).max(120), timezone: timezoneSchema });
const updateSchema = z.object({
  brandId: z.coerce.number().int().positive(),
  name: z.string().trim().min(1).max(120),
  timezone: timezoneSchema,
  publicStatus: z.enum(["on", "off"]).optional(),
  autoAssign: z.enum(["on", "off"]).optional(),
  retrainEveryHours: z.union([z.literal(""), z.coerce.number().int().min(1).max(24 * 30)]).optional(),
});

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.join(".") || "input"}: ${issue.message}`;
}

export async function createBrandAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireActionUser();
  const values = formValues(formData);
  return runAction(values, async () => {
    const input = createSchema.safeParse(values);
    if (!input.success) return { error: firstIssue(input.error), values };
    const brand = await openBrand({ user, ...input.data });
    revalidatePath("/", "layout");
    return { ok: translator(user.locale)("brands.created", { name: brand.name }) };
  });
}

export async function updateBrandAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireActionUser();
  const values = formValues(formData);
  return runAction(values, async () => {
    const input = updateSchema.safeParse(values);
    if (!input.success) return { error: firstIssue(input.error), values };
    const { audit } = authorize({ actor: { kind: "member", user }, brandId: input.data.brandId, needs: "admin" });
    await updateBrand({
      brandId: input.data.brandId,
      name: input.data.name,
      timezone: input.data.timezone,
      publicStatus: input.data.publicStatus === "on",
      autoAssign: input.data.autoAssign === "on",
      retrainEveryHours: input.data.retrainEveryHours === "" || input.data.retrainEveryHours === undefined ? null : input.data.retrainEveryHours,
      actor: audit,
    });
    revalidatePath("/", "layout");
    return { ok: translator(user.locale)("common.saved") };
  });
}

export type RetentionState = (ActionState & { confirm?: { months: number; wouldErase: number } }) | null;

const retentionSchema = z.object({
  brandId: z.coerce.number().int().positive(),
  months: z.union([z.literal(""), z.coerce.number().int().min(1).max(240)]),
  confirm: z.enum(["yes"]).optional(),
});

// Turning retention on (or shortening it) first answers how many texts it would erase; the
// second submission, confirmed, saves it (lib/privacy/retention.ts audits it).
export async function saveRetentionAction(_prev: RetentionState, formData: FormData): Promise<RetentionState> {
  const user = await requireActionUser();
  const values = formValues(formData);
  return runAction(values, async () => {
    const input = retentionSchema.safeParse(values);
    if (!input.success) return { error: firstIssue(input.error), values };
    const months = input.data.months === "" ? null : input.data.months;
    const result = await setRetention({ actor: { kind: "member", user }, brandId: input.data.brandId, months, confirm: input.data.confirm === "yes" });
    if (!result.saved) return { values, confirm: { months: result.months!, wouldErase: result.wouldErase } };
    revalidatePath("/settings/brands");
    return { ok: translator(user.locale)("retention.saved", { months: months ?? 0 }) };
  });
}
