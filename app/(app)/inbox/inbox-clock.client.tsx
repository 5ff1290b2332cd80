"use client";

import { useSyncExternalStore } from "react";
import { formatDuration } from "@/lib/metrics/format";
import { isMessageKey } from "@/lib/i18n/messages";
import { useLocale, useT } from "@/app/_components/i18n.client";

// One shared ticking clock for every SLA timer and age on the page (one interval, not one per row).
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 15_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

// serverNow keeps the first render identical on the server and in the browser.
export function useNow(serverNow: number): number {
  return useSyncExternalStore(
    subscribe,
    () => (timer ? now : serverNow),
    () => serverNow,
  );
}

const SLA_CLASS: Record<string, string> = {
  on_track: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  at_risk: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  breached: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  met: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  missed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
};

// While a first reply is awaited the state follows the clock (the worker stores the same transitions).
export function liveSlaState({ state, dueAt, atRiskAt, now }: { state: string | null; dueAt: number | null; atRiskAt: number | null; now: number }): string | null {
  if (!state || !["on_track", "at_risk", "breached"].includes(state) || dueAt == null) return state;
  if (now >= dueAt) return "breached";
  if (atRiskAt != null && now >= atRiskAt) return "at_risk";
  return state === "breached" ? "breached" : "on_track";
}

export function SlaTimer({ state, dueAt, atRiskAt, serverNow }: { state: string | null; dueAt: number | null; atRiskAt: number | null; serverNow: number }) {
  const now = useNow(serverNow);
  const t = useT();
  const locale = useLocale();
  const live = liveSlaState({ state, dueAt, atRiskAt, now });
  if (!live) return null;
  const key = `sla.${live}`;
  // The dictionary holds the in-sentence form ("on track"); the badge starts with a capital.
  const text = isMessageKey(key) ? t(key) : live;
  const info = { label: text.charAt(0).toUpperCase() + text.slice(1), className: SLA_CLASS[live] ?? "bg-zinc-100 text-zinc-700" };
  const waiting = dueAt != null && ["on_track", "at_risk", "breached"].includes(live);
  const left = waiting ? formatDuration({ seconds: Math.abs(dueAt - now) / 1000, locale }) : null;
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium tabular-nums ${info.className}`} data-sla={live}>
      {info.label}
      {left && <span className="font-normal">{t(live === "breached" ? "inbox.sla.over" : "inbox.sla.left", { duration: left })}</span>}
    </span>
  );
}

export function Age({ since, serverNow }: { since: number | null; serverNow: number }) {
  const now = useNow(serverNow);
  const locale = useLocale();
  if (since == null) return null;
  const text = formatDuration({ seconds: Math.max(0, now - since) / 1000, locale });
  return (
    <time dateTime={new Date(since).toISOString()} className="whitespace-nowrap tabular-nums">
      {text}
    </time>
  );
}

// Focus only counts as typing in a field that takes text; a checkbox or button does not block shortcuts.
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // A combobox, its list and menus take letters for type-ahead: they are not shortcuts there.
  if (target.isContentEditable || target.closest("textarea, select, [contenteditable=''], [contenteditable='true'], [role=combobox], [role=listbox], [role=menu]")) return true;
  const input = target.closest("input");
  return !!input && !["checkbox", "radio", "button", "submit", "reset"].includes(input.type);
}
