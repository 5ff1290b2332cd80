"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireActionUser } from "@/lib/auth/session";
import { requireMembership, roleAtLeast } from "@/lib/auth/access";
import { runAction, formValues, type ActionState } from "@/lib/auth/action-result";
import { createBrand, updateBrand, slugSchema, timezoneSchema } from "@/lib/brands/brands";
import { setMembership } from "@/lib/team/users";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";

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
  return runAction(values, () => {
    const input = createSchema.safeParse(values);
    if (!input.success) return { error: firstIssue(input.error), values };
    // An admin of any brand may open a new one (an agency adding a client) and becomes its admin.
    if (!user.memberships.some((m) => roleAtLeast(m.role, "admin"))) throw new AppError("forbidden:brand", translator(user.locale)("brands.adminsOnly"));
    const db = getDb();
    const actor = { userId: user.id, label: user.email };
    const brand = createBrand({ db, ...input.data, actor });
    setMembership({ db, userId: user.id, brandId: brand.id, role: "admin", actor });
    revalidatePath("/", "layout");
    return { ok: translator(user.locale)("brands.created", { name: brand.name }) };
  });
}

export async function updateBrandAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireActionUser();
  const values = formValues(formData);
  return runAction(values, () => {
    const input = updateSchema.safeParse(values);
    if (!input.success) return { error: firstIssue(input.error), values };
    requireMembership({ user, brandId: input.data.brandId, role: "admin" });
    updateBrand({
      db: getDb(),
      brandId: input.data.brandId,
      name: input.data.name,
      timezone: input.data.timezone,
      publicStatus: input.data.publicStatus === "on",
      autoAssign: input.data.autoAssign === "on",
      retrainEveryHours: input.data.retrainEveryHours === "" || input.data.retrainEveryHours === undefined ? null : input.data.retrainEveryHours,
      actor: { userId: user.id, label: user.email },
    });
    revalidatePath("/", "layout");
    return { ok: translator(user.locale)("common.saved") };
  });
}
