"use client";

import * as RadixSelect from "@radix-ui/react-select";

export type SelectOption<T extends string> = { value: T; label: string; disabled?: boolean; lang?: string };

// Radix keeps "" for "nothing chosen yet"; the kit lets "" be a real choice ("any", "unassigned").
const EMPTY = "__empty__";
const SIZES = { sm: "px-1.5 py-1 text-xs", md: "px-2 py-1 text-sm" };

/**
 * A single choice that works the same with a mouse, a finger and the keyboard (arrows, type-ahead,
 * Enter, Escape); a screen reader hears a combobox named by `label`. Controlled: `onChange` runs
 * at once, so it suits choices that act straight away. A field of a plain form that must post
 * without JavaScript stays a native <select> (`Select` of ./input).
 */
export function Select<T extends string>({
  value,
  onChange,
  options,
  label,
  id,
  placeholder,
  disabled,
  size = "md",
  className = "",
  describedBy,
  invalid,
}: {
  value: T | "";
  onChange: (value: T) => void;
  options: SelectOption<T>[];
  /** The accessible name; leave it out when a visible <label htmlFor={id}> names the field. */
  label?: string;
  id?: string;
  describedBy?: string;
  invalid?: boolean;
  /** Shown while `value` is "" and no option has the value "". */
  placeholder?: string;
  disabled?: boolean;
  size?: keyof typeof SIZES;
  className?: string;
}) {
  const inner = (v: string) => (v === "" ? EMPTY : v);
  const hasEmpty = options.some((o) => o.value === "");
  const chosen = value === "" && !hasEmpty ? undefined : options.find((o) => o.value === value);
  return (
    <RadixSelect.Root value={value === "" && !hasEmpty ? "" : inner(value)} onValueChange={(v) => onChange((v === EMPTY ? "" : v) as T)} disabled={disabled}>
      <RadixSelect.Trigger
        id={id}
        aria-label={label}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        className={`inline-flex max-w-full min-w-0 items-center justify-between gap-1.5 rounded-md border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-50 data-[placeholder]:text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:data-[placeholder]:text-zinc-400 ${SIZES[size]} ${className}`}
      >
        <span className="truncate">
          {/* The chosen label written out: Radix would find it only once the options mount in the browser, so a reload showed an empty field until then. */}
          <RadixSelect.Value placeholder={placeholder}>{chosen?.label}</RadixSelect.Value>
        </span>
        <RadixSelect.Icon aria-hidden="true" className="text-zinc-500">
          ▾
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content
          position="popper"
          sideOffset={4}
          className="z-50 max-h-[min(24rem,var(--radix-select-content-available-height))] min-w-[var(--radix-select-trigger-width)] overflow-hidden rounded-md border border-zinc-200 bg-white text-sm text-zinc-900 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <RadixSelect.Viewport className="p-1">
            {options.map((option) => (
              <RadixSelect.Item
                key={option.value}
                value={inner(option.value)}
                disabled={option.disabled}
                lang={option.lang}
                className="flex cursor-pointer items-center gap-2 rounded px-2 py-2 outline-none select-none data-[disabled]:cursor-default data-[disabled]:text-zinc-500 data-[highlighted]:bg-zinc-100 md:py-1.5 dark:data-[highlighted]:bg-zinc-800"
              >
                <span aria-hidden="true" className="w-3">
                  <RadixSelect.ItemIndicator>✓</RadixSelect.ItemIndicator>
                </span>
                <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
              </RadixSelect.Item>
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  );
}
