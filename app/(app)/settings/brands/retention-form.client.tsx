"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field, Input } from "@/app/_components/ui/input";
import { FormMessage } from "@/app/_components/ui/form-message";
import { useT } from "@/app/_components/i18n.client";
import { saveRetentionAction } from "./actions";

export function RetentionForm({ brandId, months }: { brandId: number; months: number | null }) {
  const [state, action, pending] = useActionState(saveRetentionAction, null);
  const t = useT();
  const asked = state?.confirm;
  return (
    <form action={action} className="max-w-md space-y-3">
      <input type="hidden" name="brandId" value={brandId} />
      <p className="text-sm">{t("retention.current", { months: months ?? 0 })}</p>
      <Field label={t("retention.months")} htmlFor="retention-months" hint={t("retention.monthsHint")}>
        <Input id="retention-months" name="months" type="number" min={1} max={240} inputMode="numeric" defaultValue={state?.values?.months ?? months ?? ""} />
      </Field>
      {asked ? (
        <div role="alert" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p>{t("retention.confirm", { count: asked.wouldErase, months: asked.months })}</p>
          <Button type="submit" name="confirm" value="yes" variant="danger" disabled={pending}>
            {t("retention.eraseAndSave")}
          </Button>
        </div>
      ) : null}
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {t(pending ? "common.saving" : "common.save")}
      </Button>
    </form>
  );
}
