"use client";

import { useActionState, useId, useState } from "react";
import { blockContactAction, hideMessageAction } from "./moderation-actions";
import { Button } from "@/app/_components/ui/button";
import { FormMessage } from "@/app/_components/ui/form-message";

const REASONS = [
  { value: "spam", label: "Spam or scam" },
  { value: "abuse", label: "Abuse or hate speech" },
  { value: "personal_data", label: "Personal data exposed" },
  { value: "other", label: "Other" },
];

// Hiding asks for a reason; the comment stays in Replyhour, marked hidden.
export function HideMessage({ brandId, messageId, negative, unsupportedReason }: { brandId: number; messageId: number; negative: boolean; unsupportedReason: string | null }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(hideMessageAction, null);
  const formId = useId();
  if (unsupportedReason) return null;
  if (!open)
    return (
      <button type="button" className="text-xs text-zinc-500 underline-offset-2 hover:underline" onClick={() => setOpen(true)}>
        Hide on platform…
      </button>
    );
  return (
    <form action={action} className="mt-2 flex w-full flex-wrap items-end gap-2 rounded-md border border-zinc-200 p-2 text-xs dark:border-zinc-800" aria-label="Hide this comment on the platform">
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="messageId" value={messageId} />
      <label className="flex flex-col gap-1" htmlFor={`${formId}-reason`}>
        Reason
        <select id={`${formId}-reason`} name="reason" defaultValue={state?.values?.reason ?? "spam"} className="rounded border border-zinc-300 px-1.5 py-1 dark:border-zinc-700 dark:bg-zinc-900">
          {REASONS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-48 flex-1 flex-col gap-1" htmlFor={`${formId}-note`}>
        Why (kept in the audit log)
        <input id={`${formId}-note`} name="note" required minLength={3} maxLength={500} defaultValue={state?.values?.note} className="rounded border border-zinc-300 px-1.5 py-1 dark:border-zinc-700 dark:bg-zinc-900" />
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Hiding…" : "Hide"}
      </Button>
      <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
      {negative && <p className="w-full text-zinc-500">This comment is negative: unless it is spam, hiding it needs a manager. Answering it is usually better.</p>}
      <FormMessage state={state} />
    </form>
  );
}

export function BlockAuthor({ brandId, contactId, blocked, canUnblock }: { brandId: number; contactId: number; blocked: boolean; canUnblock: boolean }) {
  const [state, action, pending] = useActionState(blockContactAction, null);
  if (blocked && !canUnblock) return <span className="text-xs text-zinc-500">Author blocked (a manager can lift it)</span>;
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="contactId" value={contactId} />
      <input type="hidden" name="blocked" value={blocked ? "0" : "1"} />
      <Button type="submit" variant="ghost" disabled={pending} title={blocked ? undefined : "Their later messages will be filed as noise"}>
        {blocked ? "Unblock author" : "Block author"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
