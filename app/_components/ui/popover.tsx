"use client";

import * as RadixPopover from "@radix-ui/react-popover";

/** Non-modal floating content anchored to its trigger; Escape or a click outside closes it. */
export function Popover({ trigger, label, children, open, onOpenChange }: { trigger: React.ReactNode; label: string; children: React.ReactNode; open?: boolean; onOpenChange?: (open: boolean) => void }) {
  return (
    <RadixPopover.Root open={open} onOpenChange={onOpenChange}>
      <RadixPopover.Trigger asChild>{trigger}</RadixPopover.Trigger>
      <RadixPopover.Portal>
        <RadixPopover.Content aria-label={label} sideOffset={4} collisionPadding={8} className="z-50 max-w-[calc(100vw-1rem)] rounded-lg border border-zinc-200 bg-white p-3 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          {children}
        </RadixPopover.Content>
      </RadixPopover.Portal>
    </RadixPopover.Root>
  );
}
