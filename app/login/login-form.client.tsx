"use client";

import { useActionState } from "react";
import { signInAction } from "./actions";
import { Button } from "@/app/_components/ui/button";
import { Field, Input } from "@/app/_components/ui/input";
import { FormMessage } from "@/app/_components/ui/form-message";
import { useT } from "@/app/_components/i18n.client";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  const t = useT();
  return (
    <form action={action} className="space-y-4" aria-describedby="login-error">
      <input type="hidden" name="next" value={next} />
      <Field label={t("login.email")} htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="username" required defaultValue={state?.values?.email} autoFocus />
      </Field>
      <Field label={t("login.password")} htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <div id="login-error">
        <FormMessage state={state} />
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("login.pending") : t("login.submit")}
      </Button>
    </form>
  );
}
