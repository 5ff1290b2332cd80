"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field, Input, Select } from "@/app/_components/ui/input";
import { FormMessage } from "@/app/_components/ui/form-message";
import { useT } from "@/app/_components/i18n.client";
import { addMemberAction, cancelInvitationAction, changeRoleAction, removeMemberAction, resetPasswordAction, setActiveAction, setRoutingAction } from "./actions";

const ROLES = ["agent", "manager", "admin"] as const;

type ActionState = { ok?: string; error?: string; values?: Record<string, string>; secret?: string } | null;

function Result({ state }: { state: ActionState }) {
  return (
    <>
      <FormMessage state={state} />
      {state?.secret && (
        <p className="mt-1 font-mono text-base" data-testid="one-time-password">
          {state.secret}
        </p>
      )}
    </>
  );
}

export function AddMemberForm({ brandId }: { brandId: number }) {
  const [state, action, pending] = useActionState(addMemberAction, null);
  const t = useT();
  return (
    <form action={action} className="grid max-w-2xl grid-cols-1 gap-3 sm:grid-cols-4 sm:items-end">
      <input type="hidden" name="brandId" value={brandId} />
      <Field label={t("team.email")} htmlFor="member-email">
        <Input id="member-email" name="email" type="email" required defaultValue={state?.values?.email} />
      </Field>
      <Field label={t("team.name")} htmlFor="member-name">
        <Input id="member-name" name="name" defaultValue={state?.values?.name} />
      </Field>
      <Field label={t("team.role")} htmlFor="member-role">
        <Select id="member-role" name="role" defaultValue={state?.values?.role ?? "agent"}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={pending}>
        {t(pending ? "common.adding" : "team.addToBrand")}
      </Button>
      <div className="sm:col-span-4">
        <Result state={state} />
      </div>
    </form>
  );
}

export function MemberActions({ brandId, userId, role, disabled, name }: { brandId: number; userId: number; role: string; disabled: boolean; name: string }) {
  const [roleState, roleAction] = useActionState(changeRoleAction, null);
  const [activeState, activeAction] = useActionState(setActiveAction, null);
  const [resetState, resetAction] = useActionState(resetPasswordAction, null);
  const [removeState, removeAction] = useActionState(removeMemberAction, null);
  const t = useT();
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-1">
          <input type="hidden" name="brandId" value={brandId} />
          <input type="hidden" name="userId" value={userId} />
          <label className="sr-only" htmlFor={`role-${userId}`}>
            {t("team.roleOf", { name })}
          </label>
          <Select id={`role-${userId}`} name="role" defaultValue={role} className="w-36">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary">
            {t("team.changeRole")}
          </Button>
        </form>
        <form action={activeAction}>
          <input type="hidden" name="brandId" value={brandId} />
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="active" value={disabled ? "true" : "false"} />
          <Button type="submit" variant="secondary">
            {t(disabled ? "team.reactivate" : "team.deactivate")}
          </Button>
        </form>
        <form action={resetAction}>
          <input type="hidden" name="brandId" value={brandId} />
          <input type="hidden" name="userId" value={userId} />
          <Button type="submit" variant="secondary">
            {t("team.resetPassword")}
          </Button>
        </form>
        <form action={removeAction}>
          <input type="hidden" name="brandId" value={brandId} />
          <input type="hidden" name="userId" value={userId} />
          <Button type="submit" variant="ghost">
            {t("team.remove")}
          </Button>
        </form>
      </div>
      <Result state={roleState} />
      <Result state={activeState} />
      <Result state={resetState} />
      <Result state={removeState} />
    </div>
  );
}

// Languages and capacity steer automatic assignment.
export function RoutingForm({ brandId, userId, name, languages, capacity }: { brandId: number; userId: number; name: string; languages: string[]; capacity: number }) {
  const [state, action, pending] = useActionState(setRoutingAction, null);
  const t = useT();
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" aria-label={t("team.routingFor", { name })}>
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="userId" value={userId} />
      <label className="flex flex-col text-xs text-zinc-500">
        {t("team.languages")}
        <Input name="languages" defaultValue={state?.values?.languages ?? languages.join(", ")} placeholder={t("team.anyLanguage")} className="w-28" aria-describedby={`routing-hint-${userId}`} />
      </label>
      <label className="flex flex-col text-xs text-zinc-500">
        {t("team.capacity")}
        <Input name="capacity" type="number" min={1} max={500} defaultValue={state?.values?.capacity ?? capacity} className="w-20" />
      </label>
      <span id={`routing-hint-${userId}`} className="sr-only">
        {t("team.languagesHint")}
      </span>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("common.save")}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function WithdrawInvitation({ brandId, invitationId, email }: { brandId: number; invitationId: number; email: string }) {
  const [state, action, pending] = useActionState(cancelInvitationAction, null);
  const t = useT();
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`${t("team.withdraw")}: ${email}`}>
        {t("team.withdraw")}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
