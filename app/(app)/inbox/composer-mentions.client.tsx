"use client";

import { useT } from "@/app/_components/i18n.client";

export type Teammate = { userId: number; name: string; email: string };

// The "@query" being typed just before the caret, if any: at most two words, so "@Anna Pe" works.
export function mentionAt(text: string, caret: number): { start: number; query: string; active: number } | null {
  const match = /(^|\s)@([^\s@]{0,40}(?: [^\s@]{0,40})?)$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: match.index + match[1].length, query: match[2], active: 0 };
}

export function filterTeammates(teammates: Teammate[], query: string): Teammate[] {
  const q = query.toLowerCase();
  return teammates
    .filter((t) => {
      const name = t.name.toLowerCase();
      return name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q)) || t.email.toLowerCase().startsWith(q);
    })
    .slice(0, 6);
}

export function MentionList({ id, options, active, onPick }: { id: string; options: Teammate[]; active: number; onPick: (mate: Teammate) => void }) {
  const t = useT();
  return (
    <ul id={id} role="listbox" aria-label={t("composer.mention")} className="max-w-sm rounded-md border border-zinc-300 bg-white p-1 text-sm shadow-md dark:border-zinc-700 dark:bg-zinc-900">
      {options.map((mate, i) => (
        <li
          key={mate.userId}
          id={`${id}-${mate.userId}`}
          role="option"
          aria-selected={i === active}
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(mate);
          }}
          className={`cursor-pointer rounded px-2 py-1 ${i === active ? "bg-blue-50 dark:bg-blue-950" : ""}`}
        >
          <span className="font-medium">{mate.name}</span> <span className="text-xs text-zinc-500">{mate.email}</span>
        </li>
      ))}
    </ul>
  );
}
