"use client";

import * as RadioGroup from "@radix-ui/react-radio-group";

/**
 * One of a few modes, drawn as a row of segments: a radio group, so arrow keys move and choose,
 * Tab leaves the group, and a screen reader hears "radio, 1 of 3, checked".
 */
export function Segmented<T extends string>({ value, onChange, label, options }: { value: T; onChange: (value: T) => void; label: string; options: { value: T; label: string; disabled?: boolean }[] }) {
  return (
    <RadioGroup.Root value={value} onValueChange={(v) => onChange(v as T)} aria-label={label} orientation="horizontal" className="flex gap-1">
      {options.map((option) => (
        <RadioGroup.Item
          key={option.value}
          value={option.value}
          disabled={option.disabled}
          className="rounded px-2 py-1 text-xs bg-zinc-100 text-zinc-800 disabled:opacity-40 data-[state=checked]:bg-zinc-900 data-[state=checked]:text-white dark:bg-zinc-800 dark:text-zinc-200 dark:data-[state=checked]:bg-zinc-100 dark:data-[state=checked]:text-zinc-900"
        >
          {option.label}
        </RadioGroup.Item>
      ))}
    </RadioGroup.Root>
  );
}
