"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { replyAction } from "./actions";
import { Button } from "@/app/_components/ui/button";
import { FormMessage } from "@/app/_components/ui/form-message";

const LIMITS: Record<string, number> = { twitter: 280, instagram: 2200, facebook: 8000, vk: 4096, telegram: 4096, youtube: 10000 };

// Rendered only in the browser (drafts live in localStorage), see composer-slot.client.tsx.
export function Composer({
  brandId,
  conversationId,
  channelKind,
  allowPrivate,
  allowPublic,
  privateBlockedReason,
}: {
  brandId: number;
  conversationId: number;
  channelKind: string;
  allowPrivate: boolean;
  allowPublic: boolean;
  privateBlockedReason: string | null;
}) {
  const draftKey = `replyhour:draft:${conversationId}`;
  const [text, setText] = useState(() => localStorage.getItem(draftKey) ?? "");
  const [state, action, pending] = useActionState(async (prev: Awaited<ReturnType<typeof replyAction>>, formData: FormData) => {
    const result = await replyAction(prev, formData);
    if (result?.ok) {
      setText("");
      localStorage.removeItem(draftKey);
    }
    return result;
  }, null);
  const [mode, setMode] = useState<"public" | "private" | "note">(allowPublic ? "public" : "private");
  const area = useRef<HTMLTextAreaElement>(null);
  const limit = mode === "note" ? 10000 : (LIMITS[channelKind] ?? 10000);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest("input, textarea, select, [contenteditable]") || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === "r" || event.key === "n") {
        event.preventDefault();
        setMode(event.key === "n" ? "note" : allowPublic ? "public" : "private");
        area.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [allowPublic]);

  return (
    <form action={action} className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="mode" value={mode} />
      <div role="radiogroup" aria-label="Reply type" className="flex gap-1 text-xs">
        {(["public", "private", "note"] as const).map((m) => {
          const disabled = (m === "public" && !allowPublic) || (m === "private" && !allowPrivate);
          return (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              disabled={disabled}
              onClick={() => setMode(m)}
              className={`rounded px-2 py-1 ${mode === m ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "bg-zinc-100 dark:bg-zinc-800"} disabled:opacity-40`}
            >
              {m === "public" ? "Public reply" : m === "private" ? "Private message" : "Internal note"}
            </button>
          );
        })}
      </div>
      {privateBlockedReason && <p className="text-xs text-amber-700 dark:text-amber-400">{privateBlockedReason}</p>}
      <label htmlFor={`reply-${conversationId}`} className="sr-only">
        {mode === "note" ? "Internal note" : "Reply"}
      </label>
      <textarea
        ref={area}
        id={`reply-${conversationId}`}
        name="text"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          localStorage.setItem(draftKey, event.target.value);
        }}
        rows={4}
        maxLength={limit}
        placeholder={mode === "note" ? "Only your team sees notes (press n)" : "Write a reply (press r)"}
        className="block w-full rounded-md border border-zinc-300 bg-white p-2 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending || !text.trim() || text.length > limit}>
          {pending ? "Sending…" : mode === "note" ? "Add note" : "Send"}
        </Button>
        <span className={`text-xs tabular-nums ${text.length > limit * 0.9 ? "text-amber-700" : "text-zinc-500"}`}>
          {text.length} / {limit}
        </span>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
