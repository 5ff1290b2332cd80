"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useRef } from "react";

const GROUPS: { title: string; keys: [string, string][] }[] = [
  {
    title: "List",
    keys: [
      ["j / ↓", "Next conversation"],
      ["k / ↑", "Previous conversation"],
      ["Enter", "Open the focused conversation"],
      ["x", "Select or unselect the focused conversation"],
      ["Shift + x / Shift + click", "Select a range"],
      ["Esc", "Clear the selection"],
      ["/", "Search"],
      ["?", "This list"],
    ],
  },
  {
    title: "Open conversation (or the selection, when there is one)",
    keys: [
      ["a", "Assign to me"],
      ["e", "Resolve"],
      ["m", "Mark as noise"],
    ],
  },
  {
    title: "Reply",
    keys: [
      ["r", "Write a reply"],
      ["n", "Write an internal note"],
      ["Ctrl / ⌘ + /", "Pick a template"],
      ["/ (empty reply)", "Pick a template"],
      [";shortcut + Space", "Insert that template"],
      ["@name", "Mention a teammate in a note"],
    ],
  },
];

// Opened by "?" without a trigger element, so it hands focus back to whatever had it (the row).
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const previous = useRef<HTMLElement | null>(null);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          onOpenAutoFocus={() => {
            previous.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          }}
          onCloseAutoFocus={(event) => {
            if (!previous.current?.isConnected) return;
            event.preventDefault();
            previous.current.focus();
          }}
          className="fixed left-1/2 top-1/2 z-50 max-h-[85vh] w-[28rem] max-w-[95vw] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl dark:bg-zinc-900">
          <Dialog.Title className="text-base font-semibold">Keyboard shortcuts</Dialog.Title>
          <Dialog.Description className="mb-3 text-xs text-zinc-500">Shortcuts never fire while you type in a field. Esc closes this.</Dialog.Description>
          {GROUPS.map((group) => (
            <section key={group.title} className="mb-3">
              <h3 className="mb-1 text-xs font-medium uppercase text-zinc-500">{group.title}</h3>
              <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1 text-sm">
                {group.keys.map(([key, what]) => (
                  <div key={key} className="contents">
                    <dt>
                      <kbd className="rounded border border-zinc-300 px-1.5 font-mono text-xs dark:border-zinc-700">{key}</kbd>
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <Dialog.Close className="mt-2 rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700">Close</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
