"use client";

import { useEffect, useState, useTransition, type RefObject } from "react";
import { assignAction, markNoiseAction, statusAction } from "./actions";
import { buttonClass } from "@/app/_components/ui/button";
import { Select } from "@/app/_components/ui/select";
import { useT } from "@/app/_components/i18n.client";

export type Teammate = { id: number; name: string; available: boolean };
export type BulkOp = "resolve" | "noise" | "me" | { assignee: number };

type Result = { ok?: string; error?: string } | null;

// Bulk actions on the selected rows; the answer says how many conversations changed.
export function BulkBar({
  brandId,
  selectedIds,
  teammates,
  canAssignOthers,
  onDone,
  runRef,
}: {
  brandId: number;
  selectedIds: number[];
  teammates: Teammate[];
  canAssignOthers: boolean;
  onDone: () => void;
  runRef: RefObject<(op: BulkOp) => void>;
}) {
  const t = useT();
  const [result, setResult] = useState<Result>(null);
  const [pending, startTransition] = useTransition();

  const run = (op: BulkOp) => {
    if (selectedIds.length === 0 || pending) return;
    const form = new FormData();
    form.set("brandId", String(brandId));
    form.set("conversationIds", selectedIds.join(","));
    startTransition(async () => {
      let answer: Result;
      if (op === "resolve") {
        form.set("status", "resolved");
        answer = await statusAction(null, form);
      } else if (op === "noise") answer = await markNoiseAction(null, form);
      else {
        form.set("assignee", op === "me" ? "me" : String(op.assignee));
        answer = await assignAction(null, form);
      }
      setResult(answer);
      if (answer?.ok) onDone();
    });
  };

  useEffect(() => {
    runRef.current = run;
  });

  const count = selectedIds.length;
  const button = buttonClass({ variant: "secondary", size: "xs" });
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-1.5" role="group" aria-label={t("inbox.bulk.label")}>
      {count > 0 ? (
        <>
          <span className="font-medium tabular-nums">{t("inbox.bulk.selected", { count })}</span>
          <button type="button" className={button} disabled={pending} onClick={() => run("resolve")} aria-keyshortcuts="e">
            {t("conversation.resolve")} <kbd>e</kbd>
          </button>
          <button type="button" className={button} disabled={pending} onClick={() => run("noise")} aria-keyshortcuts="m">
            {t("conversation.markNoiseShort")} <kbd>m</kbd>
          </button>
          <button type="button" className={button} disabled={pending} onClick={() => run("me")} aria-keyshortcuts="a">
            {t("conversation.assignToMe")} <kbd>a</kbd>
          </button>
          {canAssignOthers && (
            <>
              <Select
                id="bulk-assignee"
                size="sm"
                label={t("inbox.bulk.assignTo")}
                placeholder={t("inbox.bulk.assignPlaceholder")}
                value=""
                disabled={pending}
                onChange={(value) => run({ assignee: Number(value) })}
                options={teammates.map((mate) => ({ value: String(mate.id), label: `${mate.name}${mate.available ? "" : ` ${t("inbox.away")}`}` }))}
              />
            </>
          )}
        </>
      ) : (
        <span className="text-zinc-500">{t("inbox.bulk.hint")}</span>
      )}
      <span role="status" aria-live="polite" className={result?.error ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}>
        {pending ? t("inbox.bulk.working") : (result?.error ?? result?.ok ?? "")}
      </span>
    </div>
  );
}
