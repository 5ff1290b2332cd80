"use client";

import { useActionState, useId, useState } from "react";
import { blockContactAction, hideMessageAction } from "./moderation-actions";
import { Button } from "@/app/_components/ui/button";
import { FormMessage } from "@/app/_components/ui/form-message";
import { fieldClass } from "@/app/_components/ui/input";
import { useT } from "@/app/_components/i18n.client";

const REASONS = [
  { value: "spam", label: "moderation.reason.spam" },
  { value: "abuse", label: "moderation.reason.abuse" },
  { value: "personal_data", label: "moderation.reason.personal_data" },
  { value: "other", label: "moderation.reason.other" },
] as const;

// Hiding asks for a reason; the comment stays in Replyhour, marked hidden.
export function HideMessage({ brandId, messageId, negative, unsupported }: { brandId: number; messageId: number; negative: boolean; unsupported: boolean }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(hideMessageAction, null);
  const formId = useId();
  const t = useT();
  if (unsupported) return null;
  if (!open)
    return (
      <button type="button" className="text-xs text-zinc-500 underline-offset-2 hover:underline" onClick={() => setOpen(true)}>
        {t("conversation.hide")}
      </button>
    );
  return (
    <form action={action} className="mt-2 flex w-full flex-wrap items-end gap-2 rounded-md border border-zinc-200 p-2 text-xs dark:border-zinc-800" aria-label={t("moderation.form")}>
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="messageId" value={messageId} />
      <label className="flex flex-col gap-1" htmlFor={`${formId}-reason`}>
        {t("moderation.reason")}
        <select id={`${formId}-reason`} name="reason" defaultValue={state?.values?.reason ?? "spam"} className={fieldClass("xs")}>
          {REASONS.map((r) => (
            <option key={r.value} value={r.value}>
              {t(r.label)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-48 flex-1 flex-col gap-1" htmlFor={`${formId}-note`}>
        {t("moderation.note")}
        <input id={`${formId}-note`} name="note" required minLength={3} maxLength={500} defaultValue={state?.values?.note} className={fieldClass("xs")} />
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t(pending ? "moderation.hiding" : "moderation.hide")}
      </Button>
      <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
        {t("common.cancel")}
      </Button>
      {negative && <p className="w-full text-zinc-500">{t("moderation.negative")}</p>}
      <FormMessage state={state} />
    </form>
  );
}

export function BlockAuthor({ brandId, contactId, blocked, canUnblock }: { brandId: number; contactId: number; blocked: boolean; canUnblock: boolean }) {
  const [state, action, pending] = useActionState(blockContactAction, null);
  const t = useT();
  if (blocked && !canUnblock) return <span className="text-xs text-zinc-500">{t("moderation.blocked")}</span>;
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="contactId" value={contactId} />
      <input type="hidden" name="blocked" value={blocked ? "0" : "1"} />
      <Button type="submit" variant="ghost" disabled={pending} title={blocked ? undefined : t("moderation.blockHint")}>
        {t(blocked ? "conversation.unblock" : "conversation.block")}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
