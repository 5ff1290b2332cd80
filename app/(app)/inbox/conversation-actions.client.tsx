"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { assignAction, correctAction, labelsAction, markNoiseAction, priorityAction, retryAction, statusAction } from "./actions";
import { isTypingTarget } from "./inbox-clock.client";
import { FormMessage } from "@/app/_components/ui/form-message";
import { buttonClass } from "@/app/_components/ui/button";
import { fieldClass } from "@/app/_components/ui/input";
import { Menu, MenuItem } from "@/app/_components/ui/menu";
import { Select } from "@/app/_components/ui/select";
import { useFormat, useT } from "@/app/_components/i18n.client";
import type { MessageKey } from "@/lib/i18n/messages";

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

const SNOOZES: [string, MessageKey][] = [
  ["1h", "conversation.snooze.1h"],
  ["tomorrow", "conversation.snooze.tomorrow"],
  ["monday", "conversation.snooze.monday"],
];
const PRIORITIES = ["urgent", "high", "normal", "low"] as const;

const pill = buttonClass({ variant: "secondary", size: "sm" });

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
  const t = useT();
  const format = useFormat();
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
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t("conversation.toolbar")}>
        <button type="button" className={pill} disabled={pending || assigneeId === userId} onClick={() => run(assignAction, { assignee: "me" })} aria-keyshortcuts="a">
          {assigneeId === userId ? t("conversation.assignedToYou") : t("conversation.assignToMe")}
        </button>
        {canAssignOthers && (
          <>
            <Select
              id={`assign-${conversationId}`}
              label={t("conversation.assignee")}
              value={assigneeId == null ? "" : String(assigneeId)}
              disabled={pending}
              onChange={(value) => run(assignAction, { assignee: value || "none" })}
              options={[
                { value: "", label: t("conversation.unassigned") },
                ...teammates.map((mate) => ({
                  value: String(mate.id),
                  label: `${mate.id === userId ? t("conversation.you", { name: mate.name }) : mate.name}${mate.available ? "" : ` ${t("inbox.away")}`}`,
                })),
              ]}
            />
          </>
        )}
        {!canAssignOthers && assigneeId != null && assigneeId !== userId && (
          <span className="text-sm text-zinc-500">{t("conversation.assignedTo", { name: others.find((mate) => mate.id === assigneeId)?.name ?? t("conversation.aTeammate") })}</span>
        )}
        <span className="mx-1 h-5 w-px bg-zinc-200 dark:bg-zinc-800" aria-hidden />
        {(status === "pending" || status === "snoozed") && (
          <button type="button" className={pill} disabled={pending} onClick={() => run(statusAction, { status: "open" })}>
            {t("conversation.reopen")}
          </button>
        )}
        <button type="button" className={pill} disabled={pending || resolved || status === "pending"} onClick={() => run(statusAction, { status: "pending" })}>
          {t("conversation.pending")}
        </button>
        <Menu look="button" align="start" disabled={pending || resolved} trigger={<>{t("conversation.snooze")} ▾</>}>
          {SNOOZES.map(([preset, key]) => (
            <MenuItem key={preset} onSelect={() => run(statusAction, { status: "snoozed", snooze: preset })}>
              {t(key)}
            </MenuItem>
          ))}
          <MenuItem onSelect={() => setCustom("")}>{t("conversation.snooze.pick")}</MenuItem>
        </Menu>
        <button type="button" className={pill} disabled={pending || resolved} onClick={() => run(statusAction, { status: "resolved" })} aria-keyshortcuts="e">
          {t("conversation.resolve")}
        </button>
        <button type="button" className={pill} disabled={pending} onClick={() => run(markNoiseAction, {})} aria-keyshortcuts="m">
          {t("conversation.markNoiseShort")}
        </button>
        <Select
          id={`priority-${conversationId}`}
          label={t("conversation.priority")}
          value={priority}
          disabled={pending}
          onChange={(value) => run(priorityAction, { priority: value })}
          options={PRIORITIES.map((p) => ({ value: p, label: t("conversation.priorityOption", { priority: t(`conversation.priority.${p}`) }) }))}
        />
      </div>
      {custom != null && (
        <form
          className="flex flex-wrap items-center gap-2 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            run(statusAction, { status: "snoozed", snooze: "custom", custom }, () => setCustom(null));
          }}
        >
          <label htmlFor={`snooze-${conversationId}`}>{t("conversation.snooze.until", { timezone })}</label>
          <input id={`snooze-${conversationId}`} type="datetime-local" required className={fieldClass("sm")} value={custom} onChange={(event) => setCustom(event.target.value)} />
          <button type="submit" className={pill} disabled={pending || !custom}>
            {t("conversation.snooze")}
          </button>
          <button type="button" className="text-zinc-500 underline" onClick={() => setCustom(null)}>
            {t("common.cancel")}
          </button>
        </form>
      )}
      {status === "snoozed" && snoozedUntil != null && (
        <p className="text-xs text-zinc-500">
          {t("conversation.snoozedUntil")}{" "}
          <time dateTime={new Date(snoozedUntil).toISOString()}>
            {format.dateTime(snoozedUntil, { dateStyle: "medium", timeStyle: "short", timeZone: timezone })}
          </time>
          {t("conversation.snoozedComesBack")}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-1.5 text-sm" role="group" aria-label={t("conversation.labels")}>
        {labels.map((l) => (
          <span key={l} className="inline-flex items-center gap-1 rounded border border-zinc-300 px-1.5 py-0.5 text-xs dark:border-zinc-700">
            #{l}
            <button type="button" aria-label={t("conversation.removeLabel", { label: l })} disabled={pending} onClick={() => run(labelsAction, { remove: l })} className="text-zinc-500 hover:text-red-700">
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
            {t("conversation.addLabel")}
          </label>
          <input
            id={`label-${conversationId}`}
            list={`labels-${conversationId}`}
            value={label}
            maxLength={40}
            onChange={(event) => setLabel(event.target.value)}
            placeholder={t("conversation.addLabelPlaceholder")}
            className={`${fieldClass("xs")} w-28`}
          />
          <datalist id={`labels-${conversationId}`}>
            {labelSuggestions.filter((s) => !labels.includes(s)).map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <button type="submit" className="text-xs text-blue-700 underline disabled:opacity-50 dark:text-blue-400" disabled={pending || !label.trim()}>
            {t("conversation.add")}
          </button>
        </form>
      </div>
      <FormMessage state={result} />
    </div>
  );
}

export function MessageCorrection({ brandId, messageId, category }: { brandId: number; messageId: number; category: string | null }) {
  const t = useT();
  const [state, correct] = useActionState(correctAction, null);
  const isRequest = category === "request";
  return (
    <form action={correct} className="inline-flex items-center gap-2">
      <Hidden values={{ brandId, messageId, request: isRequest ? "false" : "true" }} />
      <button type="submit" className="text-xs text-blue-700 underline dark:text-blue-400">
        {isRequest ? t("conversation.notRequest") : t("conversation.isRequest")}
      </button>
      {state?.error && <span className="text-xs text-red-700">{state.error}</span>}
    </form>
  );
}

export function RetryReply({ brandId, messageId }: { brandId: number; messageId: number }) {
  const t = useT();
  const [state, retry] = useActionState(retryAction, null);
  return (
    <form action={retry} className="inline">
      <Hidden values={{ brandId, messageId }} />
      <button type="submit" className="text-xs text-blue-700 underline">
        {t("conversation.retry")}
      </button>
      {state?.error && <span className="text-xs text-red-700"> {state.error}</span>}
    </form>
  );
}
