"use client";

import { fieldClass } from "@/app/_components/ui/input";
import Link from "next/link";
import { useId, useState } from "react";
import { useT } from "@/app/_components/i18n.client";
import { Dialog } from "@/app/_components/ui/dialog";

export type PickerTemplate = { id: number; title: string; shortcut: string | null; language: string | null; text: string; missing: string[] };

function matches(t: PickerTemplate, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = `${t.title} ${t.shortcut ?? ""} ${t.language ?? ""} ${t.text}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

// A searchable list of the brand's templates, already rendered for this conversation; the
// server sorts the conversation's language first. Arrow keys move, Enter inserts, Escape closes
// (the kit's dialog keeps focus inside and gives it back to the reply box).
export function TemplatePicker({
  templates,
  language,
  onPick,
  onClose,
}: {
  templates: PickerTemplate[];
  language: string | null;
  onPick: (template: PickerTemplate) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const t = useT();
  const shown = templates.filter((t) => matches(t, query));
  const current = Math.min(active, Math.max(0, shown.length - 1));

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (shown.length) setActive((current + (event.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (shown[current]) onPick(shown[current]);
    }
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t("composer.picker.label")} hideTitle>
      <div className="space-y-2">
      <input
        type="search"
        role="combobox"
        aria-label={t("composer.picker.search")}
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={shown[current] ? `${listId}-${shown[current].id}` : undefined}
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder={language ? t("composer.picker.searchLanguage", { language }) : t("composer.picker.search")}
        className={`block w-full ${fieldClass("sm")}`}
      />
      {templates.length === 0 ? (
        <p className="px-1 py-2 text-sm text-zinc-500">
          {t("composer.picker.none")}{" "}
          <Link href="/settings/templates" className="text-blue-700 underline dark:text-blue-400">
            {t("composer.picker.noneLink")}
          </Link>
          .
        </p>
      ) : shown.length === 0 ? (
        <p className="px-1 py-2 text-sm text-zinc-500">{t("composer.picker.noMatch", { query })}</p>
      ) : (
        <ul id={listId} role="listbox" aria-label={t("composer.templates")} className="max-h-64 overflow-y-auto">
          {shown.map((tpl, i) => (
            <li
              key={tpl.id}
              id={`${listId}-${tpl.id}`}
              role="option"
              aria-selected={i === current}
              tabIndex={-1}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(tpl)}
              onMouseEnter={() => setActive(i)}
              className={`cursor-pointer rounded-md px-2 py-1.5 ${i === current ? "bg-blue-50 dark:bg-blue-950" : ""}`}
            >
              <div className="flex items-center gap-2 text-sm">
                <span className="font-medium">{tpl.title}</span>
                {tpl.language && <span className="text-xs text-zinc-500">{tpl.language}</span>}
                {tpl.shortcut && <kbd className="ml-auto rounded bg-zinc-100 px-1 text-xs dark:bg-zinc-800">{tpl.shortcut}</kbd>}
              </div>
              <p className="truncate text-xs text-zinc-500">{tpl.text}</p>
              {tpl.missing.length > 0 && (
                <p className="text-xs text-amber-700 dark:text-amber-400">{t("composer.picker.missing", { variables: tpl.missing.map((m) => `{{${m}}}`).join(", ") })}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="px-1 text-xs text-zinc-500">{t("composer.picker.help")}</p>
      </div>
    </Dialog>
  );
}
