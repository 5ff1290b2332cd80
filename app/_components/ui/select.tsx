"use client";

import * as RadixSelect from "@radix-ui/react-select";

/** A styled single choice; for a plain form field a native <select> with the `field` style is still fine. */
export function Select<T extends string>({ value, onChange, options, label, name }: { value: T; onChange: (value: T) => void; options: { value: T; label: string }[]; label: string; name?: string }) {
  return (
    <RadixSelect.Root value={value} onValueChange={(v) => onChange(v as T)} name={name}>
      <RadixSelect.Trigger aria-label={label} className="inline-flex items-center justify-between gap-2 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900">
        <RadixSelect.Value />
        <RadixSelect.Icon aria-hidden="true">▾</RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content position="popper" sideOffset={4} className="z-50 rounded-md border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          <RadixSelect.Viewport>
            {options.map((option) => (
              <RadixSelect.Item key={option.value} value={option.value} className="cursor-pointer rounded px-2 py-1.5 outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800">
                <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
              </RadixSelect.Item>
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  );
}
