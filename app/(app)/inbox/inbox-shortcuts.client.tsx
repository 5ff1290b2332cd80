"use client";

import { buttonClass } from "@/app/_components/ui/button";
import * as Dialog from "@radix-ui/react-dialog";
import { useRef } from "react";
import { useT } from "@/app/_components/i18n.client";
import type { Translate } from "@/lib/i18n/messages";

const groups = (t: Translate): { title: string; keys: [string, string][] }[] => [
  {
    title: t("inbox.keys.list"),
    keys: [
      ["j / ↓", t("inbox.keys.next")],
      ["k / ↑", t("inbox.keys.previous")],
      ["Enter", t("inbox.keys.enter")],
      ["x", t("inbox.keys.select")],
      ["Shift + x / Shift + click", t("inbox.keys.range")],
      ["Esc", t("inbox.keys.clear")],
      ["/", t("inbox.keys.search")],
      ["?", t("inbox.keys.help")],
    ],
  },
  {
    title: t("inbox.keys.open"),
    keys: [
      ["a", t("inbox.keys.assign")],
      ["e", t("inbox.keys.resolve")],
      ["m", t("inbox.keys.noise")],
    ],
  },
  {
    title: t("inbox.keys.reply"),
    keys: [
      ["r", t("inbox.keys.writeReply")],
      ["n", t("inbox.keys.writeNote")],
      ["Ctrl / ⌘ + /", t("inbox.keys.template")],
      [t("inbox.keys.emptyReply"), t("inbox.keys.template")],
      [";shortcut + Space", t("inbox.keys.insertTemplate")],
      ["@name", t("inbox.keys.mention")],
    ],
  },
];

// Opened by "?" without a trigger element, so it hands focus back to whatever had it (the row).
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const previous = useRef<HTMLElement | null>(null);
  const t = useT();
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
          <Dialog.Title className="text-base font-semibold">{t("inbox.keys.title")}</Dialog.Title>
          <Dialog.Description className="mb-3 text-xs text-zinc-500">{t("inbox.keys.description")}</Dialog.Description>
          {groups(t).map((group) => (
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
          <Dialog.Close className={`mt-2 ${buttonClass({ variant: "secondary" })}`}>{t("inbox.keys.close")}</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
