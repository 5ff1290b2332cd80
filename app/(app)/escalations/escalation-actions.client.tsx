"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { fieldClass } from "@/app/_components/ui/input";
import { FormMessage } from "@/app/_components/ui/form-message";
import type { ActionResult } from "@/app/_components/ui/form-message";
import { acknowledgeAction, raiseAction, rerouteAction, resolveAction } from "./actions";
import { useT } from "@/app/_components/i18n.client";
import { isMessageKey } from "@/lib/i18n/messages";

export type Person = { id: number; name: string; role: string };

const OPS = { acknowledge: acknowledgeAction, raise: raiseAction, reroute: rerouteAction, resolve: resolveAction };
const MAX_LEVEL = 2;

// One state per escalation so the row shows the outcome of whatever was done last.
async function dispatch(prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const op = OPS[String(formData.get("op")) as keyof typeof OPS];
  return op ? op(prev, formData) : { error: "Unknown action." };
}

export function EscalationActions({ brandId, escalation, people }: { brandId: number; escalation: { id: number; level: number; status: string; ownerId: number | null }; people: Person[] }) {
  const t = useT();
  const [state, act, pending] = useActionState(dispatch, null);
  const roleWord = (role: string) => {
    const key = `role.${role}`;
    return isMessageKey(key) ? t(key) : role;
  };
  const hidden = (op: keyof typeof OPS) => (
    <>
      <input type="hidden" name="op" value={op} />
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="escalationId" value={escalation.id} />
    </>
  );
  const id = escalation.id;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {escalation.status === "open" && (
          <form action={act}>
            {hidden("acknowledge")}
            <Button type="submit" disabled={pending}>
              {t("escalations.acknowledge")}
            </Button>
          </form>
        )}
        {escalation.level < MAX_LEVEL && (
          <form action={act}>
            {hidden("raise")}
            <Button type="submit" variant="secondary" disabled={pending}>
              {t("escalations.raiseTo", { level: escalation.level + 1 })}
            </Button>
          </form>
        )}
        {/* Native on purpose: the form posts before JavaScript loads, and the choice keeps its groups. */}
        <form action={act} className="flex items-center gap-1">
          {hidden("reroute")}
          <label className="flex items-center gap-1.5 text-sm text-zinc-600 dark:text-zinc-400">
            {t("escalations.rerouteTo")}
            <select
              name="target"
              required
              defaultValue={state?.values?.target ?? ""}
              className={`${fieldClass()} w-56`}
            >
              <option value="" disabled>
                {t("escalations.choose")}
              </option>
              <optgroup label={t("escalations.levelGroup")}>
                <option value="level:1">{t("escalations.level1Option")}</option>
                <option value="level:2">{t("escalations.level2Option")}</option>
              </optgroup>
              <optgroup label={t("escalations.person")}>
                {people.map((p) => (
                  <option key={p.id} value={`user:${p.id}`} disabled={p.id === escalation.ownerId}>
                    {p.name} ({roleWord(p.role)}){p.id === escalation.ownerId ? t("escalations.ownerMark") : ""}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("escalations.reroute")}
          </Button>
        </form>
      </div>
      <details className="text-sm" open={state?.values?.op === "resolve" ? true : undefined}>
        <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">{t("escalations.resolveWithNote")}</summary>
        <form action={act} className="mt-2 flex max-w-xl flex-col gap-2">
          {hidden("resolve")}
          <label htmlFor={`note-${id}`} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
            {t("escalations.whatWasDone")}
          </label>
          <textarea
            id={`note-${id}`}
            name="note"
            required
            maxLength={2000}
            rows={2}
            defaultValue={state?.values?.note}
            className={fieldClass()}
          />
          <div>
            <Button type="submit" disabled={pending}>
              {t("escalations.resolve")}
            </Button>
          </div>
        </form>
      </details>
      <FormMessage state={state} />
    </div>
  );
}
