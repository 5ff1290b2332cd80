"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { useRef, useState } from "react";
import { Button } from "./button";

const OVERLAY = "fixed inset-0 z-40 bg-zinc-950/40";
const PANEL =
  "fixed top-1/2 left-1/2 z-50 max-h-[85vh] w-[min(32rem,calc(100vw-1.5rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-4 shadow-xl dark:border-zinc-800 dark:bg-zinc-900";

/** A modal dialog: focus stays inside, Escape and the overlay close it, focus returns where it was. */
export function Dialog({
  open,
  onOpenChange,
  title,
  hideTitle = false,
  description,
  role,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  hideTitle?: boolean;
  description?: string;
  role?: "dialog" | "alertdialog";
  children: React.ReactNode;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={OVERLAY} />
        <RadixDialog.Content className={PANEL} {...(role ? { role } : {})}>
          <RadixDialog.Title className={hideTitle ? "sr-only" : "mb-2 font-semibold"}>{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
          )}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/**
 * A submit button that asks first, in place of window.confirm: it opens an alert dialog and submits
 * its form only when the person confirms.
 */
export function ConfirmSubmit({
  question,
  confirmLabel,
  cancelLabel,
  disabled,
  variant = "ghost",
  children,
}: {
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  disabled?: boolean;
  variant?: "ghost" | "secondary" | "danger";
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button ref={trigger} type="button" variant={variant} disabled={disabled} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={question} role="alertdialog">
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)} autoFocus>
            {cancelLabel}
          </Button>
          <Button
            type="button"
            variant="danger"
            onClick={() => {
              setOpen(false);
              trigger.current?.form?.requestSubmit();
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
