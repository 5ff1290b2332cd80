"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { assignAction, correctAction, labelsAction, markNoiseAction, priorityAction, retryAction, statusAction } from "./actions";
import { isTypingTarget } from "./inbox-clock.client";
import { FormMessage } from "@/app/_components/ui/form-message";

function Hidden({ values }: { values: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

type Result = { ok?: string; error?: string } | null;
type Teammate = { id: number; name: string; available: boolean };
type Action = (prev: Result, form: FormData) => Promise<Result>;

const SNOOZES: [string, string][] = [
  ["1h", "For 1 hour"],
  ["tomorrow", "Until tomorrow 9:00"],
  ["monday", "Until next Monday 9:00"],
];

const pill = "rounded-md border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";
const field = "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

// Toolbar of the open conversation: assign, status (with snooze), noise, priority, labels; a, e, m from the keyboard.
export function ConversationToolbar({
  brandId,
  conversationId,
  status,
  snoozedUntil,
  assigneeId,
  userId,
  priority,
  labels,
  teammates,
  labelSuggestions,
  canAssignOthers,
  timezone,
}: {
  brandId: number;
  conversationId: number;
  status: string;
  snoozedUntil: number | null;
  assigneeId: number | null;
  userId: number;
  priority: string;
  labels: string[];
  teammates: Teammate[];
  labelSuggestions: string[];
  canAssignOthers: boolean;
  timezone: string;
}) {
  const [result, setResult] = useState<Result>(null);
  const [pending, startTransition] = useTransition();
  const [custom, setCustom] = useState<string | null>(null);
  const [label, setLabel] = useState("");

  const run = (action: Action, fields: Record<string, string>, after?: () => void) => {
    const form = new FormData();
    form.set("brandId", String(brandId));
    form.set("conversationIds", String(conversationId));
    form.set("conversationId", String(conversationId));
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    startTransition(async () => {
      const answer = await action(null, form);
      setResult(answer);
      if (answer?.ok) after?.();
    });
  };

  const keys = useRef<(key: string) => boolean>(() => false);
  useEffect(() => {
    keys.current = (key) => {
      if (key === "a") run(assignAction, { assignee: "me" });
      else if (key === "e" && status !== "resolved") run(statusAction, { status: "resolved" });
      else if (key === "m") run(markNoiseAction, {});
      else return false;
      return true;
    };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target) || event.metaKey || event.ctrlKey || event.altKey || document.querySelector("[role=dialog]")) return;
      if (keys.current(event.key)) event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const resolved = status === "resolved";
  const others = teammates.filter((t) => t.id !== userId);
  return (
    <div className="space-y-2" aria-busy={pending}>
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Conversation actions">
        <button type="button" className={pill} disabled={pending || assigneeId === userId} onClick={() => run(assignAction, { assignee: "me" })} aria-keyshortcuts="a">
          {assigneeId === userId ? "Assigned to you" : "Assign to me"}
        </button>
        {canAssignOthers && (
          <>
            <label htmlFor={`assign-${conversationId}`} className="sr-only">
              Assignee
            </label>
            <select
              id={`assign-${conversationId}`}
              className={field}
              value={assigneeId ?? ""}
              disabled={pending}
              onChange={(event) => run(assignAction, { assignee: event.target.value || "none" })}
            >
              <option value="">Unassigned</option>
              {teammates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.id === userId ? `${t.name} (you)` : t.name}
                  {t.available ? "" : " (away)"}
                </option>
              ))}
            </select>
          </>
        )}
        {!canAssignOthers && assigneeId != null && assigneeId !== userId && (
          <span className="text-sm text-zinc-500">Assigned to {others.find((t) => t.id === assigneeId)?.name ?? "a teammate"}</span>
        )}
        <span className="mx-1 h-5 w-px bg-zinc-200 dark:bg-zinc-800" aria-hidden />
        {(status === "pending" || status === "snoozed") && (
          <button type="button" className={pill} disabled={pending} onClick={() => run(statusAction, { status: "open" })}>
            Reopen
          </button>
        )}
        <button type="button" className={pill} disabled={pending || resolved || status === "pending"} onClick={() => run(statusAction, { status: "pending" })}>
          Pending
        </button>
        <DropdownMenu.Root>
          <DropdownMenu.Trigger className={pill} disabled={pending || resolved}>
            Snooze ▾
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content align="start" className="z-50 min-w-48 rounded-md border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
              {SNOOZES.map(([preset, text]) => (
                <DropdownMenu.Item
                  key={preset}
                  className="cursor-pointer rounded px-2 py-1.5 outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800"
                  onSelect={() => run(statusAction, { status: "snoozed", snooze: preset })}
                >
                  {text}
                </DropdownMenu.Item>
              ))}
              <DropdownMenu.Item className="cursor-pointer rounded px-2 py-1.5 outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800" onSelect={() => setCustom("")}>
                Pick a date and time…
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
        <button type="button" className={pill} disabled={pending || resolved} onClick={() => run(statusAction, { status: "resolved" })} aria-keyshortcuts="e">
          Resolve
        </button>
        <button type="button" className={pill} disabled={pending} onClick={() => run(markNoiseAction, {})} aria-keyshortcuts="m">
          Mark noise
        </button>
        <label htmlFor={`priority-${conversationId}`} className="sr-only">
          Priority
        </label>
        <select id={`priority-${conversationId}`} className={field} value={priority} disabled={pending} onChange={(event) => run(priorityAction, { priority: event.target.value })}>
          {["urgent", "high", "normal", "low"].map((p) => (
            <option key={p} value={p}>
              Priority: {p}
            </option>
          ))}
        </select>
      </div>
      {custom != null && (
        <form
          className="flex flex-wrap items-center gap-2 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            run(statusAction, { status: "snoozed", snooze: "custom", custom }, () => setCustom(null));
          }}
        >
          <label htmlFor={`snooze-${conversationId}`}>Snooze until ({timezone})</label>
          <input id={`snooze-${conversationId}`} type="datetime-local" required className={field} value={custom} onChange={(event) => setCustom(event.target.value)} />
          <button type="submit" className={pill} disabled={pending || !custom}>
            Snooze
          </button>
          <button type="button" className="text-zinc-500 underline" onClick={() => setCustom(null)}>
            Cancel
          </button>
        </form>
      )}
      {status === "snoozed" && snoozedUntil != null && (
        <p className="text-xs text-zinc-500">
          Snoozed until{" "}
          <time dateTime={new Date(snoozedUntil).toISOString()}>
            {new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: timezone }).format(snoozedUntil)}
          </time>
          ; it comes back to the inbox then, or sooner if the customer writes.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-1.5 text-sm" role="group" aria-label="Labels">
        {labels.map((l) => (
          <span key={l} className="inline-flex items-center gap-1 rounded border border-zinc-300 px-1.5 py-0.5 text-xs dark:border-zinc-700">
            #{l}
            <button type="button" aria-label={`Remove label ${l}`} disabled={pending} onClick={() => run(labelsAction, { remove: l })} className="text-zinc-500 hover:text-red-700">
              ×
            </button>
          </span>
        ))}
        <form
          className="inline-flex items-center gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            run(labelsAction, { add: label }, () => setLabel(""));
          }}
        >
          <label htmlFor={`label-${conversationId}`} className="sr-only">
            Add a label
          </label>
          <input
            id={`label-${conversationId}`}
            list={`labels-${conversationId}`}
            value={label}
            maxLength={40}
            onChange={(event) => setLabel(event.target.value)}
            placeholder="Add label"
            className={`${field} w-28 py-0.5 text-xs`}
          />
          <datalist id={`labels-${conversationId}`}>
            {labelSuggestions.filter((s) => !labels.includes(s)).map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <button type="submit" className="text-xs text-blue-700 underline disabled:opacity-50 dark:text-blue-400" disabled={pending || !label.trim()}>
            Add
          </button>
        </form>
      </div>
      <FormMessage state={result} />
    </div>
  );
}

export function MessageCorrection({ brandId, messageId, category }: { brandId: number; messageId: number; category: string | null }) {
  const [state, correct] = useActionState(correctAction, null);
  const isRequest = category === "request";
  return (
    <form action={correct} className="inline-flex items-center gap-2">
      <Hidden values={{ brandId, messageId, request: isRequest ? "false" : "true" }} />
      <button type="submit" className="text-xs text-blue-700 underline dark:text-blue-400">
        {isRequest ? "Not a request" : "Is a request"}
      </button>
      {state?.error && <span className="text-xs text-red-700">{state.error}</span>}
    </form>
  );
}

export function RetryReply({ brandId, messageId }: { brandId: number; messageId: number }) {
  const [state, retry] = useActionState(retryAction, null);
  return (
    <form action={retry} className="inline">
      <Hidden values={{ brandId, messageId }} />
      <button type="submit" className="text-xs text-blue-700 underline">
        Retry
      </button>
      {state?.error && <span className="text-xs text-red-700"> {state.error}</span>}
    </form>
  );
}
