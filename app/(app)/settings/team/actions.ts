"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ROLES } from "@/db/schema";
import { requireActionUser } from "@/lib/auth/session";
import { requireMembership } from "@/lib/auth/access";
import { runAction, formValues, parseInput as parse, type ActionState } from "@/lib/auth/action-result";
import { generatePassword } from "@/lib/auth/password";
import { createUser, emailSchema, getUserByEmail, removeMembership, setMembership, setPassword, setRouting, setUserDisabled } from "@/lib/team/users";
import { countAdmins, requireAccountAuthority, requireMember } from "@/lib/team/members";
import { AppError } from "@/lib/errors";
import { translator, type Translate } from "@/lib/i18n/messages";

const brandId = z.coerce.number().int().positive();
const userId = z.coerce.number().int().positive();


async function adminAction(formData: FormData, body: (ctx: { values: Record<string, string>; brandId: number; actor: { userId: number; label: string }; user: Awaited<ReturnType<typeof requireActionUser>>; t: Translate }) => Promise<ActionState> | ActionState) {
  const user = await requireActionUser();
  const values = formValues(formData);
  return runAction(values, async () => {
    const { brandId: id } = parse(z.object({ brandId }), values);
    requireMembership({ user, brandId: id, role: "admin" });
    const result = await body({ values, brandId: id, actor: { userId: user.id, label: user.email }, user, t: translator(user.locale) });
    revalidatePath("/settings/team");
    return result;
  });
}

export async function addMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ values, brandId, actor, t }) => {
    const input = parse(z.object({ email: emailSchema, name: z.string().trim().max(120).optional(), role: z.enum(ROLES) }), values);
    const db = getDb();
    const existing = getUserByEmail({ db, email: input.email });
    if (existing) {
      setMembership({ db, userId: existing.id, brandId, role: input.role, actor });
      return { ok: t("team.addedExisting", { email: existing.email, role: t(`role.${input.role}`) }) };
    }
    const password = generatePassword();
    const user = await createUser({ db, email: input.email, password, name: input.name, mustChangePassword: true, actor });
    setMembership({ db, userId: user.id, brandId, role: input.role, actor });
    return { ok: t("team.created", { email: user.email }), secret: password };
  });
}

export async function changeRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, ({ values, brandId, actor, t }) => {
    const input = parse(z.object({ userId, role: z.enum(ROLES) }), values);
    const db = getDb();
    const member = requireMember({ db, brandId, userId: input.userId });
    if (member.role === "admin" && input.role !== "admin" && countAdmins({ db, brandId }) <= 1)
      throw new AppError("conflict:role", t("team.lastAdmin"));
    setMembership({ db, userId: input.userId, brandId, role: input.role, actor });
    return { ok: t("team.roleChanged", { name: member.name, role: t(`role.${input.role}`) }) };
  });
}

export async function removeMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, ({ values, brandId, actor, t }) => {
    const input = parse(z.object({ userId }), values);
    const db = getDb();
    const member = requireMember({ db, brandId, userId: input.userId });
    if (member.role === "admin" && countAdmins({ db, brandId }) <= 1) throw new AppError("conflict:role", t("team.lastAdmin"));
    removeMembership({ db, userId: input.userId, brandId, actor });
    return { ok: t("team.removed", { name: member.name }) };
  });
}

export async function setActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, ({ values, brandId, actor, user, t }) => {
    const input = parse(z.object({ userId, active: z.enum(["true", "false"]) }), values);
    const db = getDb();
    const member = requireMember({ db, brandId, userId: input.userId });
    requireAccountAuthority({ db, actor: user, userId: input.userId });
    setUserDisabled({ db, userId: input.userId, disabled: input.active === "false", brandId, actor });
    return { ok: t(input.active === "false" ? "team.deactivatedOk" : "team.reactivatedOk", { name: member.name }) };
  });
}

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ values, brandId, actor, user, t }) => {
    const input = parse(z.object({ userId }), values);
    const db = getDb();
    const member = requireMember({ db, brandId, userId: input.userId });
    requireAccountAuthority({ db, actor: user, userId: input.userId });
    const password = generatePassword();
    await setPassword({ db, userId: input.userId, password, mustChangePassword: true, brandId, actor });
    return { ok: t("team.passwordReset", { email: member.email }), secret: password };
  });
}

export async function setRoutingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, ({ values, brandId, actor, user, t }) => {
    const input = parse(z.object({ userId, languages: z.string().max(200), capacity: z.coerce.number().int() }), values);
    const db = getDb();
    requireMember({ db, brandId, userId: input.userId });
    // Languages and capacity hold across brands: only someone who administers all of the person's brands changes them.
    if (input.userId !== user.id) requireAccountAuthority({ db, actor: user, userId: input.userId });
    const languages = input.languages.split(/[\s,]+/).map((l) => l.trim().toLowerCase()).filter(Boolean);
    setRouting({ db, userId: input.userId, languages, capacity: input.capacity, actor });
    return { ok: t("common.saved") };
  });
}
