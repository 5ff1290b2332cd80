"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";

export type FilterOptions = {
  channels: { id: number; name: string; kind: string }[];
  teammates: { id: number; name: string }[];
  languages: { code: string; name: string }[];
  labels: string[];
};

const SELECTS: { key: string; label: string; options: [string, string][] }[] = [
  { key: "status", label: "Status", options: [["open", "Open"], ["pending", "Pending"], ["snoozed", "Snoozed"], ["resolved", "Resolved"]] },
  { key: "category", label: "Category", options: [["request", "Request"], ["noise", "Noise"]] },
  { key: "sentiment", label: "Sentiment", options: [["negative", "Negative"], ["neutral", "Neutral"], ["positive", "Positive"]] },
  { key: "sla", label: "SLA", options: [["on_track", "On track"], ["at_risk", "At risk"], ["breached", "Breached"], ["met", "Met"], ["missed", "Missed"]] },
  { key: "priority", label: "Priority", options: [["urgent", "Urgent"], ["high", "High"], ["normal", "Normal"], ["low", "Low"]] },
];

const field = "rounded border border-zinc-300 bg-white px-1.5 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-900";

// Every filter is a URL parameter: a link or a reload shows the same list, Back undoes a change.
export function InboxFilters({ options }: { options: FilterOptions }) {
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
    <label key={key} className="flex items-center gap-1">
      <span className="sr-only">{label}</span>
      <select name={key} value={params.get(key) ?? ""} onChange={(event) => go({ [key]: event.target.value })} className={field} aria-label={label}>
        <option value="">{label}: any</option>
        {list.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
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
          Search conversations
        </label>
        <input
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
          placeholder="Search messages (press /)"
          aria-keyshortcuts="/"
          className="block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
      </form>
      <div className="flex flex-wrap gap-1.5" aria-label="Filters" role="group">
        {select(
          "channel",
          "Channel",
          options.channels.map((c) => [String(c.id), `${c.name} (${c.kind})`]),
        )}
        {select("assignee", "Assignee", [["me", "Me"], ["none", "Unassigned"], ...options.teammates.map((t): [string, string] => [String(t.id), t.name])])}
        {SELECTS.map((s) => select(s.key, s.label, s.options))}
        {select(
          "language",
          "Language",
          options.languages.map((l) => [l.code, l.name]),
        )}
        {select(
          "label",
          "Label",
          [...new Set([...options.labels, ...(params.get("label") ? [params.get("label")!] : [])])].map((l) => [l, `#${l}`]),
        )}
      </div>
    </div>
  );
}
