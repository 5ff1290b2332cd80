"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { useT } from "@/app/_components/i18n.client";
import type { Translate } from "@/lib/i18n/messages";

export type FilterOptions = {
  channels: { id: number; name: string; kind: string }[];
  teammates: { id: number; name: string }[];
  languages: { code: string; name: string }[];
  labels: string[];
};

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const selects = (t: Translate): { key: string; label: string; options: [string, string][] }[] => [
  {
    key: "status",
    label: t("inbox.filter.status"),
    options: [["open", t("inbox.filter.status.open")], ["pending", t("inbox.filter.status.pending")], ["snoozed", t("inbox.filter.status.snoozed")], ["resolved", t("inbox.filter.status.resolved")]],
  },
  { key: "category", label: t("inbox.filter.category"), options: [["request", t("inbox.filter.category.request")], ["noise", t("inbox.filter.category.noise")]] },
  {
    key: "sentiment",
    label: t("inbox.filter.sentiment"),
    options: [["negative", t("inbox.filter.sentiment.negative")], ["neutral", t("inbox.filter.sentiment.neutral")], ["positive", t("inbox.filter.sentiment.positive")]],
  },
  { key: "sla", label: t("inbox.filter.sla"), options: (["on_track", "at_risk", "breached", "met", "missed"] as const).map((s) => [s, capital(t(`sla.${s}`))]) },
  { key: "priority", label: t("inbox.filter.priority"), options: (["urgent", "high", "normal", "low"] as const).map((p) => [p, capital(t(`conversation.priority.${p}`))]) },
];

// Every filter is a URL parameter: a link or a reload shows the same list, Back undoes a change.
export function InboxFilters({ options }: { options: FilterOptions }) {
  const t = useT();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const urlQ = params.get("q") ?? "";
  const [q, setQ] = useState(urlQ);
  // Back/forward changes the URL under the field: follow it (React's "adjust state on prop change").
  const [shownQ, setShownQ] = useState(urlQ);
  if (urlQ !== shownQ) {
    setShownQ(urlQ);
    setQ(urlQ);
  }

  const go = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("cursor");
    router.push(`${pathname}?${next.toString()}`);
  };

  const select = (key: string, label: string, list: [string, string][]) => (
    <Select
      key={key}
      size="sm"
      label={label}
      value={params.get(key) ?? ""}
      onChange={(value) => go({ [key]: value })}
      options={[{ value: "", label: t("inbox.filter.any", { label }) }, ...list.map(([value, text]) => ({ value, label: text }))]}
    />
  );

  return (
    <div className="space-y-2 border-b border-zinc-200 p-2 dark:border-zinc-800">
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          go({ q: q.trim() });
        }}
      >
        <label htmlFor="inbox-search" className="sr-only">
          {t("inbox.filter.searchLabel")}
        </label>
        <Input
          id="inbox-search"
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.currentTarget.blur();
              document.querySelector<HTMLElement>("[data-inbox-grid] a[tabindex='0']")?.focus();
            }
          }}
          placeholder={t("inbox.filter.searchPlaceholder")}
          aria-keyshortcuts="/"
        />
      </form>
      <div className="flex flex-wrap gap-1.5" aria-label={t("inbox.filter.group")} role="group">
        {select(
          "channel",
          t("inbox.filter.channel"),
          options.channels.map((c) => [String(c.id), `${c.name} (${c.kind})`]),
        )}
        {select("assignee", t("inbox.filter.assignee"), [["me", t("inbox.filter.me")], ["none", t("inbox.filter.unassigned")], ...options.teammates.map((mate): [string, string] => [String(mate.id), mate.name])])}
        {selects(t).map((s) => select(s.key, s.label, s.options))}
        {select(
          "language",
          t("inbox.filter.language"),
          options.languages.map((l) => [l.code, l.name]),
        )}
        {select(
          "label",
          t("inbox.filter.label"),
          [...new Set([...options.labels, ...(params.get("label") ? [params.get("label")!] : [])])].map((l) => [l, `#${l}`]),
        )}
      </div>
    </div>
  );
}
