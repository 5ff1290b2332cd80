"use client";

import * as RadixMenu from "@radix-ui/react-dropdown-menu";
import { buttonClass } from "./button";

const PLAIN = "inline-flex items-center gap-1 rounded-md px-2 py-1 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800";
const CONTENT = "z-50 min-w-40 rounded-md border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900";
const ITEM = "flex cursor-pointer items-center gap-2 rounded px-2 py-2 outline-none md:py-1.5 data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";

/** A menu button: arrow keys move, Enter picks, Escape closes, focus returns to the button. */
// `label` is for an icon-only trigger; a trigger with visible text is named by that text.
// `look` "button" gives the trigger the kit's secondary button look, for menus among buttons.
export function Menu({
  trigger,
  label,
  children,
  look = "plain",
  align = "end",
  disabled,
}: {
  trigger: React.ReactNode;
  label?: string;
  children: React.ReactNode;
  look?: "plain" | "button";
  align?: "start" | "end";
  disabled?: boolean;
}) {
  return (
    <RadixMenu.Root>
      <RadixMenu.Trigger aria-label={label} disabled={disabled} className={look === "button" ? buttonClass({ variant: "secondary", size: "sm" }) : PLAIN}>
        {trigger}
      </RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content align={align} sideOffset={4} className={CONTENT}>
          {children}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}

export function MenuItem({ onSelect, children }: { onSelect: () => void; children: React.ReactNode }) {
  return (
    <RadixMenu.Item className={ITEM} onSelect={onSelect}>
      {children}
    </RadixMenu.Item>
  );
}

/** One choice among several, shown checked. */
export function MenuRadioGroup<T extends string>({ value, onChange, options }: { value: T; onChange: (value: T) => void; options: { value: T; label: string }[] }) {
  return (
    <RadixMenu.RadioGroup value={value} onValueChange={(v) => onChange(v as T)}>
      {options.map((option) => (
        <RadixMenu.RadioItem key={option.value} value={option.value} className={ITEM}>
          <span aria-hidden="true" className="w-3">
            <RadixMenu.ItemIndicator>✓</RadixMenu.ItemIndicator>
          </span>
          {option.label}
        </RadixMenu.RadioItem>
      ))}
    </RadixMenu.RadioGroup>
  );
}
