"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ROLES } from "@/lib/vocabulary";
import { requireActionUser } from "@/lib/auth/session";
import { runAction, formValues, parseInput as parse, type ActionState } from "@/lib/auth/action-result";
import type { Principal } from "@/lib/auth/authorize";
import { emailSchema } from "@/lib/team/users";
import { inviteMember, cancelInvitation } from "@/lib/team/invitations";
import { changeMemberRole, removeMember, resetMemberPassword, setMemberActive, setMemberRouting } from "@/lib/team/members";
import { translator, type Translate } from "@/lib/i18n/messages";

const brandId = z.coerce.number().int().positive();
const userId = z.coerce.number().int().positive();

async function teamAction(formData: FormData, body: (ctx: { values: Record<string, string>; brandId: number; actor: Principal; t: Translate }) => Promise<ActionState>) {
  const user = await requireActionUser();
  const values = formValues(formData);
  return runAction(values, async () => {
    const { brandId: id } = parse(z.object({ brandId }), values);
    const result = await body({ values, brandId: id, actor: { kind: "member", user }, t: translator(user.locale) });
    revalidatePath("/settings/team");
    return result;
  });
}

export async function addMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return teamAction(formData, async ({ values, brandId, actor, t }) => {
    const input = parse(z.object({ email: emailSchema, name: z.string().trim().max(120).optional(), role: z.enum(ROLES) }), values);
    // The same answer whether the account exists (finding 7): an invitation and a one-time password.
    const { email, password } = await inviteMember({ actor, brandId, email: input.email, name: input.name, role: input.role });
    return { ok: t("team.invited", { email }), secret: password };
  });
}

export async function cancelInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return teamAction(formData, async ({ values, brandId, actor, t }) => {
    const input = parse(z.object({ invitationId: z.coerce.number().int().positive() }), values);
    await cancelInvitation({ actor, brandId, id: input.invitationId });
    return { ok: t("team.withdrawn") };
  });
}

export async function changeRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return teamAction(formData, async ({ values, brandId, actor, t }) => {
    const input = parse(z.object({ userId, role: z.enum(ROLES) }), values);
    const member = await changeMemberRole({ actor, brandId, userId: input.userId, role: input.role });
    return { ok: t("team.roleChanged", { name: member.name, role: t(`role.${input.role}`) }) };
  });
}

export async function removeMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return teamAction(formData, async ({ values, brandId, actor, t }) => {
    const input = parse(z.object({ userId }), values);
    const member = await removeMember({ actor, brandId, userId: input.userId });
    return { ok: t("team.removed", { name: member.name }) };
  });
}

export async function setActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return teamAction(formData, async ({ values, brandId, actor, t }) => {
    const input = parse(z.object({ userId, active: z.enum(["true", "false"]) }), values);
    const member = await setMemberActive({ actor, brandId, userId: input.userId, active: input.active === "true" });
    return { ok: t(input.active === "false" ? "team.deactivatedOk" : "team.reactivatedOk", { name: member.name }) };
  });
}

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return teamAction(formData, async ({ values, brandId, actor, t }) => {
    const input = parse(z.object({ userId }), values);
    const { member, password } = await resetMemberPassword({ actor, brandId, userId: input.userId });
    return { ok: t("team.passwordReset", { email: member.email }), secret: password };
  });
}

export async function setRoutingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return teamAction(formData, async ({ values, brandId, actor, t }) => {
    const input = parse(z.object({ userId, languages: z.string().max(200), capacity: z.coerce.number().int() }), values);
    const languages = input.languages.split(/[\s,]+/).map((l) => l.trim().toLowerCase()).filter(Boolean);
    await setMemberRouting({ actor, brandId, userId: input.userId, languages, capacity: input.capacity });
    return { ok: t("common.saved") };
  });
}
