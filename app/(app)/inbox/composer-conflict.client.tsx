"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/app/_components/ui/button";
import { useFormat, useT } from "@/app/_components/i18n.client";

export type NewerReply = { id: number; direction: "outbound" | "note"; author: string; text: string; createdAt: number };

// Shown instead of sending when a teammate (or the platform) answered after the agent started:
// the agent reads what was said, then sends anyway (the form's force=1 submit) or edits.
export function ConflictNotice({ replies, pending, onEdit }: { replies: NewerReply[]; pending: boolean; onEdit: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const t = useT();
  const format = useFormat();
  const replied = replies.some((r) => r.direction === "outbound");
  return (
    <section role="alertdialog" aria-labelledby="conflict-heading" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
      <h2 id="conflict-heading" ref={heading} tabIndex={-1} className="font-medium outline-none">
        {t(replied ? "composer.conflict.replied" : "composer.conflict.noted", { author: replies[0].author })}
      </h2>
      <ul className="space-y-1.5">
        {replies.map((r) => (
          <li key={r.id} className="rounded border border-amber-200 bg-white p-2 dark:border-amber-900 dark:bg-zinc-900">
            <p className="text-xs text-zinc-500">
              {r.author} · {t(r.direction === "note" ? "composer.conflict.kindNote" : "composer.conflict.kindReply")} · <time dateTime={new Date(r.createdAt).toISOString()}>{format.dateTime(new Date(r.createdAt), { hour: "2-digit", minute: "2-digit" })}</time>
            </p>
            <p className="whitespace-pre-wrap break-words">{r.text}</p>
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <Button type="submit" name="force" value="1" disabled={pending}>
          {t("composer.conflict.send")}
        </Button>
        <Button type="button" variant="secondary" onClick={onEdit}>
          {t("composer.conflict.edit")}
        </Button>
      </div>
    </section>
  );
}
