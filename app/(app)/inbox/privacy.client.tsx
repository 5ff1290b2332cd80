"use client";

import { fieldClass } from "@/app/_components/ui/input";
import { useActionState, useId, useState } from "react";
import { eraseContactAction } from "./privacy-actions";
import { Button } from "@/app/_components/ui/button";
import { FormMessage } from "@/app/_components/ui/form-message";
import { useT } from "@/app/_components/i18n.client";

// An admin erases a contact on their request: a reason and an explicit confirmation first.
export function EraseContact({ brandId, contactId }: { brandId: number; contactId: number }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(eraseContactAction, null);
  const formId = useId();
  const t = useT();
  if (!open)
    return (
      <Button type="button" variant="ghost" onClick={() => setOpen(true)}>
        {t("privacy.erase")}
      </Button>
    );
  return (
    <form action={action} className="mt-2 flex w-full flex-col gap-2 rounded-md border border-red-300 p-2 text-xs dark:border-red-900" aria-label={t("privacy.eraseForm")}>
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="contactId" value={contactId} />
      <p className="text-zinc-600 dark:text-zinc-300">{t("privacy.eraseWarning")}</p>
      <label className="flex flex-col gap-1" htmlFor={`${formId}-reason`}>
        {t("privacy.reason")}
        <input id={`${formId}-reason`} name="reason" required minLength={3} maxLength={500} defaultValue={state?.values?.reason} className={fieldClass("xs")} />
      </label>
      <label className="flex items-center gap-2" htmlFor={`${formId}-confirm`}>
        <input id={`${formId}-confirm`} type="checkbox" name="confirm" value="yes" required />
        {t("privacy.confirm")}
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {t(pending ? "privacy.erasing" : "privacy.erase")}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
