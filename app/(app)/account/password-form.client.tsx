"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field, Input } from "@/app/_components/ui/input";
import { FormMessage } from "@/app/_components/ui/form-message";
import { useT } from "@/app/_components/i18n.client";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const t = useT();
  return (
    <form action={action} className="grid max-w-sm gap-3">
      <Field label={t("account.currentPassword")} htmlFor="current-password">
        <Input id="current-password" name="current" type="password" autoComplete="current-password" required />
      </Field>
      <Field label={t("account.newPassword")} htmlFor="new-password" hint={t("account.newPasswordHint")}>
        <Input id="new-password" name="next" type="password" autoComplete="new-password" minLength={10} maxLength={200} required />
      </Field>
      <Field label={t("account.confirmPassword")} htmlFor="confirm-password">
        <Input id="confirm-password" name="confirm" type="password" autoComplete="new-password" minLength={10} maxLength={200} required />
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          {t("account.save")}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
