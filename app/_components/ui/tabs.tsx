"use client";

import * as RadixTabs from "@radix-ui/react-tabs";
import { useState } from "react";

type Tab<T extends string> = {
  value: T;
  label: string;
  disabled?: boolean;
  content?: React.ReactNode;
  /** Classes of the panel while it shows. */
  panelClassName?: string;
  /** While another tab shows, the panel stays for screen readers (a chart's numbers), visually hidden and out of the tab order. */
  readWhenInactive?: boolean;
};

/**
 * Tabs with roving focus: arrow keys move between tabs, each tab names its panel. Controlled
 * (`value`, `onChange`) or not (`defaultValue`). Every panel stays in the page, hidden while
 * inactive (or only visually, with `readWhenInactive`), so each tab's aria-controls names a real
 * element and a chart keeps its size.
 */
export function Tabs<T extends string>({
  value,
  defaultValue,
  onChange,
  label,
  tabs,
}: {
  value?: T;
  defaultValue?: T;
  onChange?: (value: T) => void;
  label: string;
  tabs: Tab<T>[];
}) {
  const [own, setOwn] = useState(defaultValue ?? tabs[0]?.value);
  const current = value ?? own;
  const change = (next: string) => {
    setOwn(next as T);
    onChange?.(next as T);
  };
  return (
    <RadixTabs.Root value={current} onValueChange={change}>
      <RadixTabs.List aria-label={label} className="inline-flex flex-wrap gap-1 rounded-md bg-zinc-100 p-0.5 dark:bg-zinc-800">
        {tabs.map((tab) => (
          <RadixTabs.Trigger
            key={tab.value}
            value={tab.value}
            disabled={tab.disabled}
            className="rounded px-2.5 py-1.5 text-sm text-zinc-700 disabled:text-zinc-500 data-[state=active]:bg-white data-[state=active]:font-medium data-[state=active]:text-zinc-900 dark:text-zinc-300 dark:data-[state=active]:bg-zinc-950 dark:data-[state=active]:text-zinc-100"
          >
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => {
        if (tab.content === undefined) return null;
        const active = tab.value === current;
        return (
          <RadixTabs.Content
            key={tab.value}
            value={tab.value}
            forceMount
            tabIndex={active ? 0 : -1}
            className={active ? `mt-2 ${tab.panelClassName ?? ""}` : tab.readWhenInactive ? "sr-only" : "hidden"}
          >
            {tab.content}
          </RadixTabs.Content>
        );
      })}
    </RadixTabs.Root>
  );
}
