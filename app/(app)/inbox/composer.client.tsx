"use client";

import { useActionState, useEffect, useLayoutEffect, useRef, useState } from "react";
import { sendFromComposerAction, type ReplyState } from "./reply-actions";
import { Button } from "@/app/_components/ui/button";
import { FormMessage } from "@/app/_components/ui/form-message";
import { TemplatePicker, type PickerTemplate } from "./composer-picker.client";
import { ConflictNotice } from "./composer-conflict.client";
import { filterTeammates, MentionList, mentionAt, type Teammate } from "./composer-mentions.client";
import { useFormat, useT } from "@/app/_components/i18n.client";
import { Segmented } from "@/app/_components/ui/segmented";

import { DRAFT_PREFIX } from "@/app/_components/drafts.client";

const LIMITS: Record<string, number> = { twitter: 280, instagram: 2200, facebook: 8000, vk: 4096, telegram: 4096, youtube: 10000 };

export type ComposerProps = {
  // Drafts are the person's own: another person signing in on this browser never sees them.
  userId: number;
  brandId: number;
  conversationId: number;
  channelKind: string;
  allowPrivate: boolean;
  allowPublic: boolean;
  privateBlockedReason: string | null;
  templates?: PickerTemplate[];
  teammates?: Teammate[];
  language?: string | null;
  seenMessageId?: number;
};

// Rendered only in the browser (drafts live in localStorage), see composer-slot.client.tsx.
export function Composer({
  userId,
  brandId,
  conversationId,
  channelKind,
  allowPrivate,
  allowPublic,
  privateBlockedReason,
  templates = [],
  teammates = [],
  language = null,
  seenMessageId = 0,
}: ComposerProps) {
  const draftKey = `${DRAFT_PREFIX}${userId}:${conversationId}`;
  const baseKey = `${DRAFT_PREFIX}${userId}:${conversationId}:base`;
  const [text, setText] = useState(() => localStorage.getItem(draftKey) ?? "");
  // The newest message on screen when this draft was started: replies by others after it ask first.
  const [baseline, setBaseline] = useState(() => Number(localStorage.getItem(baseKey)) || seenMessageId);
  const [state, action, pending] = useActionState(async (prev: ReplyState, formData: FormData) => {
    const result = await sendFromComposerAction(prev, formData);
    if (result?.ok) {
      setText("");
      localStorage.removeItem(draftKey);
      localStorage.removeItem(baseKey);
    }
    return result;
  }, null);
  const [dismissed, setDismissed] = useState<ReplyState>(null);
  const [mode, setMode] = useState<"public" | "private" | "note">(allowPublic ? "public" : "private");
  const [picker, setPicker] = useState<null | { slash: boolean }>(null);
  const [mention, setMention] = useState<null | { start: number; query: string; active: number }>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const limit = mode === "note" ? 10000 : (LIMITS[channelKind] ?? 10000);
  const conflict = state?.conflict && state !== dismissed ? state.conflict : null;
  const t = useT();
  const format = useFormat();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === "/") {
        event.preventDefault();
        setPicker({ slash: false });
        return;
      }
      const target = event.target as HTMLElement;
      if (target.closest("input, textarea, select, [contenteditable], [role=combobox], [role=listbox], [role=menu]") || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === "r" || event.key === "n") {
        event.preventDefault();
        setMode(event.key === "n" ? "note" : allowPublic ? "public" : "private");
        area.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [allowPublic]);

  // Puts the caret after inserted text once React has rendered the new value.
  useLayoutEffect(() => {
    if (caret.current == null || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [text]);

  const update = (value: string, at?: number) => {
    if (!text && value) {
      setBaseline(seenMessageId);
      localStorage.setItem(baseKey, String(seenMessageId));
    }
    setText(value);
    localStorage.setItem(draftKey, value);
    if (at != null) caret.current = at;
    window.dispatchEvent(new CustomEvent("replyhour:typing", { detail: { conversationId } }));
  };

  const replaceRange = (from: number, to: number, insert: string) => update(text.slice(0, from) + insert + text.slice(to), from + insert.length);

  const insertTemplate = (template: PickerTemplate) => {
    const el = area.current;
    setPicker(null);
    replaceRange(el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length, template.text);
  };

  const chooseMention = (mate: Teammate) => {
    if (!mention) return;
    const end = mention.start + 1 + mention.query.length;
    setMention(null);
    replaceRange(mention.start, end, `@${mate.name} `);
  };

  const mentionOptions = mention ? filterTeammates(teammates, mention.query) : [];

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    const el = event.currentTarget;
    if (mention && mentionOptions.length > 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : mentionOptions.length - 1;
        setMention({ ...mention, active: (mention.active + step) % mentionOptions.length });
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        chooseMention(mentionOptions[Math.min(mention.active, mentionOptions.length - 1)]);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setMention(null);
        return;
      }
    }
    if (event.key === "/" && !event.ctrlKey && !event.metaKey && el.selectionStart === 0 && el.selectionEnd === 0 && templates.length > 0) {
      event.preventDefault();
      setPicker({ slash: true });
      return;
    }
    if ((event.key === " " || event.key === "Tab") && !event.shiftKey && el.selectionStart === el.selectionEnd) {
      const word = /(?:^|\s)(;[\p{L}\p{N}_-]+)$/u.exec(text.slice(0, el.selectionStart))?.[1];
      const template = word && templates.find((t) => t.shortcut === word.toLowerCase());
      if (template) {
        event.preventDefault();
        replaceRange(el.selectionStart - word.length, el.selectionStart, template.text);
      }
    }
  };

  const closePicker = () => {
    const slash = picker?.slash;
    setPicker(null);
    // Escape after "/" gives the agent the slash they typed.
    if (slash && area.current) replaceRange(0, 0, "/");
    else area.current?.focus();
  };

  return (
    <form action={action} className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="mode" value={mode} />
      <input type="hidden" name="seenMessageId" value={baseline} />
      <div className="flex flex-wrap items-center gap-1 text-xs">
        <Segmented
          label={t("composer.replyType")}
          value={mode}
          onChange={setMode}
          options={(["public", "private", "note"] as const).map((m) => ({
            value: m,
            label: t(m === "public" ? "composer.public" : m === "private" ? "composer.private" : "composer.note"),
            disabled: (m === "public" && !allowPublic) || (m === "private" && !allowPrivate),
          }))}
        />
        <button
          type="button"
          aria-haspopup="dialog"
          aria-expanded={!!picker}
          aria-keyshortcuts="Control+/"
          onClick={() => setPicker(picker ? null : { slash: false })}
          className="ml-auto rounded px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          {t("composer.templates")} <kbd className="text-zinc-500">Ctrl+/</kbd>
        </button>
      </div>
      {privateBlockedReason && <p className="text-xs text-amber-700 dark:text-amber-400">{privateBlockedReason}</p>}
      {picker && <TemplatePicker templates={templates} language={language} onPick={insertTemplate} onClose={closePicker} />}
      <label htmlFor={`reply-${conversationId}`} className="sr-only">
        {t(mode === "note" ? "composer.note" : "composer.reply")}
      </label>
      <textarea
        ref={area}
        id={`reply-${conversationId}`}
        name="text"
        value={text}
        onChange={(event) => {
          const el = event.target;
          update(el.value);
          setMention(mode === "note" ? mentionAt(el.value, el.selectionStart) : null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setMention(null)}
        aria-autocomplete={mode === "note" ? "list" : undefined}
        aria-controls={mention && mentionOptions.length ? `mentions-${conversationId}` : undefined}
        aria-activedescendant={mention && mentionOptions.length ? `mentions-${conversationId}-${mentionOptions[Math.min(mention.active, mentionOptions.length - 1)].userId}` : undefined}
        rows={4}
        maxLength={limit}
        placeholder={t(mode === "note" ? "composer.placeholder.note" : "composer.placeholder.reply")}
        className="block w-full rounded-md border border-zinc-300 bg-white p-2 dark:border-zinc-700 dark:bg-zinc-900"
      />
      {mention && mentionOptions.length > 0 && (
        <MentionList id={`mentions-${conversationId}`} options={mentionOptions} active={Math.min(mention.active, mentionOptions.length - 1)} onPick={chooseMention} />
      )}
      {conflict && (
        <ConflictNotice
          replies={conflict}
          pending={pending}
          onEdit={() => {
            const newest = Math.max(...conflict.map((r) => r.id));
            setDismissed(state);
            setBaseline(newest);
            localStorage.setItem(baseKey, String(newest));
            area.current?.focus();
          }}
        />
      )}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending || !text.trim() || text.length > limit}>
          {t(pending ? "composer.sending" : mode === "note" ? "composer.addNote" : "composer.send")}
        </Button>
        <span className={`text-xs tabular-nums ${text.length > limit * 0.9 ? "text-amber-700" : "text-zinc-500"}`}>
          {format.number(text.length)} / {format.number(limit)}
        </span>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
