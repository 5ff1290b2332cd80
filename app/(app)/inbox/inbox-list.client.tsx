"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { isTypingTarget } from "./inbox-clock.client";
import { RowContent, type InboxRow } from "./inbox-row.client";
import { BulkBar, type BulkOp, type Teammate } from "./inbox-bulk.client";
import { ShortcutsDialog } from "./inbox-shortcuts.client";
import { useT } from "@/app/_components/i18n.client";

type Props = {
  rows: InboxRow[];
  hrefs: Record<number, string>;
  openId: number | null;
  brandId: number;
  teammates: Teammate[];
  canAssignOthers: boolean;
  serverNow: number;
  // Shown instead of rows; the list stays mounted so shortcuts and the last bulk result stay.
  empty: ReactNode;
};

/*
 * The conversation list as an ARIA grid: one row per conversation, a checkbox cell and a link
 * cell. Roving focus: only the active row's link is in the tab order; j/k or the arrows move it.
 */
export function InboxList({ rows, hrefs, openId, brandId, teammates, canAssignOthers, serverNow, empty }: Props) {
  const router = useRouter();
  const t = useT();
  const [active, setActive] = useState(() => ({ id: openId ?? rows[0]?.id ?? null, index: 0 }));
  const [selected, setSelected] = useState<Set<number>>(() => new Set());
  const [helpOpen, setHelpOpen] = useState(false);
  const links = useRef(new Map<number, HTMLAnchorElement>());
  const boxes = useRef(new Map<number, HTMLInputElement>());
  const anchor = useRef<number | null>(null);
  const focusInside = useRef(false);
  const bulk = useRef<(op: BulkOp) => void>(() => {});

  let activeIndex = rows.findIndex((r) => r.id === active.id);
  if (activeIndex < 0) activeIndex = Math.min(active.index, rows.length - 1);
  const activeRow = rows[activeIndex] ?? null;
  const chosen = rows.filter((r) => selected.has(r.id)).map((r) => r.id);

  const focusRow = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    setActive({ id: row.id, index: rows.indexOf(row) });
    links.current.get(row.id)?.focus();
  };

  const toggle = (id: number, range: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      const on = !previous.has(id);
      const from = range && anchor.current != null ? rows.findIndex((r) => r.id === anchor.current) : -1;
      const to = rows.findIndex((r) => r.id === id);
      if (from >= 0 && to >= 0) {
        for (const r of rows.slice(Math.min(from, to), Math.max(from, to) + 1)) {
          if (on) next.add(r.id);
          else next.delete(r.id);
        }
      } else if (on) next.add(id);
      else next.delete(id);
      return next;
    });
    anchor.current = id;
  };

  // When the focused row leaves the list (resolved, marked noise), focus the row now in its place.
  useEffect(() => {
    if (!focusInside.current || !activeRow) return;
    const current = document.activeElement;
    if (current && current !== document.body && document.body.contains(current)) return;
    links.current.get(activeRow.id)?.focus();
  }, [rows, activeRow]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTypingTarget(event.target) || helpOpen) return;
      const inList = focusInside.current && (event.target as HTMLElement).closest?.("[data-inbox-grid]") != null;
      const nothingFocused = event.target === document.body;
      switch (event.key) {
        case "j":
        case "k":
          event.preventDefault();
          // From outside the list the first press lands on the current row; then it moves.
          focusRow(inList ? activeIndex + (event.key === "j" ? 1 : -1) : activeIndex);
          return;
        case "ArrowDown":
        case "ArrowUp":
          if (!inList) return;
          event.preventDefault();
          focusRow(activeIndex + (event.key === "ArrowDown" ? 1 : -1));
          return;
        case "Home":
        case "End":
          if (!inList) return;
          event.preventDefault();
          focusRow(event.key === "Home" ? 0 : rows.length - 1);
          return;
        case "x":
          if (!activeRow) return;
          event.preventDefault();
          toggle(activeRow.id, event.shiftKey);
          return;
        case "X":
          if (!activeRow) return;
          event.preventDefault();
          toggle(activeRow.id, true);
          return;
        case "/":
          event.preventDefault();
          document.getElementById("inbox-search")?.focus();
          return;
        case "?":
          event.preventDefault();
          setHelpOpen(true);
          return;
        case "Enter":
          if (nothingFocused && activeRow) {
            event.preventDefault();
            router.push(hrefs[activeRow.id]);
          }
          return;
        case "Escape":
          if (selected.size > 0) {
            event.preventDefault();
            setSelected(new Set());
          }
          return;
      }
    };
    // With a selection, a / e / m act on it; capture runs before the open conversation's toolbar.
    const onBulkKey = (event: KeyboardEvent) => {
      if (chosen.length === 0 || event.metaKey || event.ctrlKey || event.altKey || isTypingTarget(event.target) || helpOpen) return;
      const op: BulkOp | null = event.key === "e" ? "resolve" : event.key === "m" ? "noise" : event.key === "a" ? "me" : null;
      if (!op) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      bulk.current(op);
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("keydown", onBulkKey, { capture: true });
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("keydown", onBulkKey, { capture: true });
    };
  });

  const allOnPage = rows.length > 0 && chosen.length === rows.length;
  return (
    <div>
      <div className="sticky top-0 z-10 flex items-center gap-2 border-b border-zinc-200 bg-white px-3 py-1.5 text-xs dark:border-zinc-800 dark:bg-zinc-950">
        <input
          type="checkbox"
          aria-label={t("inbox.list.selectAll")}
          disabled={rows.length === 0}
          checked={allOnPage}
          ref={(el) => {
            if (el) el.indeterminate = chosen.length > 0 && !allOnPage;
          }}
          onChange={() => setSelected(allOnPage ? new Set() : new Set(rows.map((r) => r.id)))}
        />
        <BulkBar
          brandId={brandId}
          selectedIds={chosen}
          teammates={teammates}
          canAssignOthers={canAssignOthers}
          onDone={() => setSelected(new Set())}
          runRef={bulk}
        />
        <button type="button" onClick={() => setHelpOpen(true)} className="ml-auto rounded px-1.5 py-0.5 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800" aria-keyshortcuts="Shift+?">
          {t("inbox.list.shortcuts")} <kbd className="rounded border border-zinc-300 px-1 dark:border-zinc-700">?</kbd>
        </button>
      </div>
      {rows.length === 0 && <div className="p-4">{empty}</div>}
      <div
        hidden={rows.length === 0}
        role="grid"
        aria-label={t("inbox.list.label")}
        aria-multiselectable="true"
        aria-rowcount={rows.length}
        data-inbox-grid=""
        onFocus={() => (focusInside.current = true)}
        onBlur={(event) => {
          // A row removed by a refresh also blurs; only a row that is still there means focus really left.
          const left = event.target;
          const grid = event.currentTarget;
          requestAnimationFrame(() => {
            if (left.isConnected && !grid.contains(document.activeElement)) focusInside.current = false;
          });
        }}
      >
        {rows.map((row, index) => {
          const isActive = index === activeIndex;
          const isOpen = row.id === openId;
          const isSelected = selected.has(row.id);
          return (
            <div
              key={row.id}
              role="row"
              aria-rowindex={index + 1}
              aria-selected={isSelected}
              data-conversation-id={row.id}
              className={`flex border-b border-zinc-100 dark:border-zinc-900 ${isOpen ? "bg-blue-50 dark:bg-blue-950" : isSelected ? "bg-amber-50 dark:bg-amber-950/40" : ""}`}
            >
              <div role="gridcell" className="flex items-start px-2 pt-2.5">
                <input
                  type="checkbox"
                  tabIndex={-1}
                  ref={(el) => {
                    if (el) boxes.current.set(row.id, el);
                    else boxes.current.delete(row.id);
                  }}
                  aria-label={t("inbox.list.select", { name: row.contact.name ?? row.contact.handle ?? t("inbox.list.unknownAuthor") })}
                  checked={isSelected}
                  onClick={(event) => {
                    event.preventDefault();
                    setActive({ id: row.id, index });
                    toggle(row.id, event.shiftKey);
                  }}
                  onChange={() => {}}
                  onKeyDown={(event) => {
                    if (event.key === "ArrowRight") {
                      event.preventDefault();
                      links.current.get(row.id)?.focus();
                    }
                  }}
                />
              </div>
              <div role="gridcell" className="min-w-0 flex-1">
                <Link
                  href={hrefs[row.id]}
                  ref={(el) => {
                    if (el) links.current.set(row.id, el);
                    else links.current.delete(row.id);
                  }}
                  tabIndex={isActive ? 0 : -1}
                  aria-current={isOpen ? "true" : undefined}
                  onFocus={() => setActive({ id: row.id, index })}
                  onKeyDown={(event) => {
                    if (event.key === "ArrowLeft") {
                      event.preventDefault();
                      boxes.current.get(row.id)?.focus();
                    }
                  }}
                  className="block py-2 pr-3 outline-none hover:bg-zinc-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-600 dark:hover:bg-zinc-900"
                >
                  <RowContent row={row} serverNow={serverNow} />
                </Link>
              </div>
            </div>
          );
        })}
      </div>
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </div>
  );
}
