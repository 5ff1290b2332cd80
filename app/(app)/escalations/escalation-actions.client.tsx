"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { FormMessage } from "@/app/_components/ui/form-message";
import type { ActionResult } from "@/app/_components/ui/form-message";
import { acknowledgeAction, raiseAction, rerouteAction, resolveAction } from "./actions";

export type Person = { id: number; name: string; role: string };

const OPS = { acknowledge: acknowledgeAction, raise: raiseAction, reroute: rerouteAction, resolve: resolveAction };
const MAX_LEVEL = 2;

// One state per escalation so the row shows the outcome of whatever was done last.
async function dispatch(prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const op = OPS[String(formData.get("op")) as keyof typeof OPS];
  return op ? op(prev, formData) : { error: "Unknown action." };
}

export function EscalationActions({ brandId, escalation, people }: { brandId: number; escalation: { id: number; level: number; status: string; ownerId: number | null }; people: Person[] }) {
  const [state, act, pending] = useActionState(dispatch, null);
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
              Acknowledge
            </Button>
          </form>
        )}
        {escalation.level < MAX_LEVEL && (
          <form action={act}>
            {hidden("raise")}
            <Button type="submit" variant="secondary" disabled={pending}>
              Raise to level {escalation.level + 1}
            </Button>
          </form>
        )}
        <form action={act} className="flex items-center gap-1">
          {hidden("reroute")}
          <label className="flex items-center gap-1.5 text-sm text-zinc-600 dark:text-zinc-400">
            Re-route to
            <select
              name="target"
              required
              defaultValue={state?.values?.target ?? ""}
              className="w-56 rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
            >
              <option value="" disabled>
                Choose…
              </option>
              <optgroup label="Level">
                <option value="level:1">Level 1 — the managers</option>
                <option value="level:2">Level 2 — the admins</option>
              </optgroup>
              <optgroup label="Person">
                {people.map((p) => (
                  <option key={p.id} value={`user:${p.id}`} disabled={p.id === escalation.ownerId}>
                    {p.name} ({p.role}){p.id === escalation.ownerId ? " — owner" : ""}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
          <Button type="submit" variant="secondary" disabled={pending}>
            Re-route
          </Button>
        </form>
      </div>
      <details className="text-sm" open={state?.values?.op === "resolve" ? true : undefined}>
        <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Resolve with a note…</summary>
        <form action={act} className="mt-2 flex max-w-xl flex-col gap-2">
          {hidden("resolve")}
          <label htmlFor={`note-${id}`} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
            What was done (kept in the conversation’s timeline)
          </label>
          <textarea
            id={`note-${id}`}
            name="note"
            required
            maxLength={2000}
            rows={2}
            defaultValue={state?.values?.note}
            className="rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
          <div>
            <Button type="submit" disabled={pending}>
              Resolve
            </Button>
          </div>
        </form>
      </details>
      <FormMessage state={state} />
    </div>
  );
}
