"use client";

import { useActionState, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { FormMessage } from "@/app/_components/ui/form-message";
import { Field, Input } from "@/app/_components/ui/input";
import { createCalendarAction, deleteCalendarAction, updateCalendarAction } from "./actions";
import { LivePreview, usePreview, type PreviewState } from "./live-preview.client";

export type CalendarValues = { id: number; name: string; timezone: string; intervals: { day: number; start: string; end: string }[] | null; holidays: string[] };
type Row = { key: number; day: number; start: string; end: string };
type Draft = { timezone: string; alwaysOpen: boolean; rows: Row[]; holidays: string[] };

// Monday first, as people read a week; day numbers are the engine's (0 = Sunday).
const WEEK = [1, 2, 3, 4, 5, 6, 0];
const DAY = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const OFFICE_HOURS = [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "17:00" }));
let nextKey = 1;

function toRows(intervals: { day: number; start: string; end: string }[]): Row[] {
  // A time input cannot show 24:00; midnight at the end of a day reads 00:00 and is sent back as 24:00.
  return intervals.map((i) => ({ key: nextKey++, day: i.day, start: i.start, end: i.end === "24:00" ? "00:00" : i.end }));
}

function serialize(draft: Draft): string {
  const intervals = draft.alwaysOpen
    ? null
    : [...draft.rows]
        .sort((a, b) => WEEK.indexOf(a.day) - WEEK.indexOf(b.day) || a.start.localeCompare(b.start))
        .map((r) => ({ day: r.day, start: r.start, end: r.end === "00:00" ? "24:00" : r.end }));
  return JSON.stringify({ timezone: draft.timezone.trim(), intervals, holidays: draft.holidays });
}

function endHint(row: Row): string | null {
  if (!row.start || !row.end) return null;
  if (row.end === "00:00") return "until midnight";
  if (row.end === row.start) return "opens and closes at the same time";
  return row.end < row.start ? `until ${row.end} the next day` : null;
}

function DayRows({ day, rows, update, remove, add }: { day: number; rows: Row[]; update: (key: number, patch: Partial<Row>) => void; remove: (key: number) => void; add: (day: number) => void }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] items-start gap-2 border-t border-zinc-100 py-2 dark:border-zinc-800" role="group" aria-label={DAY[day]}>
      <span className="pt-1.5 text-sm font-medium">{DAY[day]}</span>
      <div className="space-y-1.5">
        {rows.length === 0 && <span className="inline-block pt-1.5 text-sm text-zinc-500">Closed</span>}
        {rows.map((row, index) => (
          <div key={row.key} className="flex flex-wrap items-center gap-2">
            <div className="w-36">
              <Input type="time" aria-label={`${DAY[day]} opens (${index + 1})`} value={row.start} required onChange={(e) => update(row.key, { start: e.target.value })} />
            </div>
            <span aria-hidden="true">to</span>
            <div className="w-36">
              <Input type="time" aria-label={`${DAY[day]} closes (${index + 1})`} value={row.end} required onChange={(e) => update(row.key, { end: e.target.value })} />
            </div>
            {endHint(row) && <span className="text-xs text-zinc-500">{endHint(row)}</span>}
            <Button type="button" variant="ghost" onClick={() => remove(row.key)} aria-label={`Remove ${DAY[day]} ${row.start}–${row.end}`}>
              Remove
            </Button>
          </div>
        ))}
        <Button type="button" variant="ghost" onClick={() => add(day)} aria-label={`Add hours on ${DAY[day]}`}>
          + Add hours
        </Button>
      </div>
    </div>
  );
}

/** Create or edit a calendar: 24/7 or weekly hours (split and overnight shifts), and holidays. */
export function CalendarForm({ brandId, calendar, defaultTimezone, target, initialPreview }: { brandId: number; calendar?: CalendarValues; defaultTimezone: string; target: { seconds: number; share: number; label: string }; initialPreview: PreviewState }) {
  const [state, action, pending] = useActionState(calendar ? updateCalendarAction : createCalendarAction, null);
  const [draft, setDraftState] = useState<Draft>(() => ({
    timezone: calendar?.timezone ?? defaultTimezone,
    alwaysOpen: calendar ? calendar.intervals === null : false,
    rows: toRows(calendar?.intervals ?? OFFICE_HOURS),
    holidays: calendar?.holidays ?? [],
  }));
  const [holiday, setHoliday] = useState("");
  const [preview, requestPreview] = usePreview(brandId, initialPreview);
  const prefix = calendar ? `calendar-${calendar.id}` : "calendar-new";

  function setDraft(next: Draft) {
    setDraftState(next);
    if (!next.alwaysOpen && next.rows.some((r) => !r.start || !r.end)) return requestPreview({ error: "Fill in every opening and closing time to see a preview." });
    requestPreview({ targetSeconds: target.seconds, atRiskShare: target.share, calendar: serialize(next) });
  }
  const update = (key: number, patch: Partial<Row>) => setDraft({ ...draft, rows: draft.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) });
  const remove = (key: number) => setDraft({ ...draft, rows: draft.rows.filter((r) => r.key !== key) });
  const add = (day: number) => setDraft({ ...draft, rows: [...draft.rows, { key: nextKey++, day, start: "09:00", end: "17:00" }] });
  const copyMonday = () => {
    const monday = draft.rows.filter((r) => r.day === 1);
    const others = draft.rows.filter((r) => r.day < 2 || r.day > 5);
    setDraft({ ...draft, rows: [...others, ...[2, 3, 4, 5].flatMap((day) => monday.map((r) => ({ ...r, key: nextKey++, day })))] });
  };
  const addHoliday = () => {
    if (!holiday || draft.holidays.includes(holiday)) return;
    setDraft({ ...draft, holidays: [...draft.holidays, holiday].sort() });
    setHoliday("");
  };

  return (
    <form action={action} className="space-y-4" aria-label={calendar ? `Edit calendar ${calendar.name}` : "New calendar"}>
      <input type="hidden" name="brandId" value={brandId} />
      {calendar && <input type="hidden" name="calendarId" value={calendar.id} />}
      <input type="hidden" name="calendar" value={serialize(draft)} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Name" htmlFor={`${prefix}-name`}>
          <Input id={`${prefix}-name`} name="name" required maxLength={80} defaultValue={state?.values?.name ?? calendar?.name ?? ""} placeholder="Office hours" />
        </Field>
        <Field label="Time zone" htmlFor={`${prefix}-tz`} hint="IANA name, e.g. Europe/Amsterdam. Hours and holidays are local to it.">
          <Input id={`${prefix}-tz`} list="sla-timezones" value={draft.timezone} required onChange={(e) => setDraft({ ...draft, timezone: e.target.value })} />
        </Field>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-xs font-medium text-zinc-700 dark:text-zinc-300">Opening hours</legend>
        <label className="mr-4 inline-flex items-center gap-1.5 text-sm">
          <input type="radio" name={`${prefix}-mode`} checked={draft.alwaysOpen} onChange={() => setDraft({ ...draft, alwaysOpen: true })} /> Open 24/7
        </label>
        <label className="inline-flex items-center gap-1.5 text-sm">
          <input type="radio" name={`${prefix}-mode`} checked={!draft.alwaysOpen} onChange={() => setDraft({ ...draft, alwaysOpen: false })} /> Business hours
        </label>
      </fieldset>
      {!draft.alwaysOpen && (
        <div>
          <p className="text-xs text-zinc-500">Add several spans to a day for split shifts; a closing time before the opening time runs overnight into the next day.</p>
          {WEEK.map((day) => (
            <DayRows key={day} day={day} rows={draft.rows.filter((r) => r.day === day)} update={update} remove={remove} add={add} />
          ))}
          <Button type="button" variant="secondary" onClick={copyMonday}>
            Copy Monday to Tuesday–Friday
          </Button>
        </div>
      )}
      <fieldset className="space-y-2">
        <legend className="text-xs font-medium text-zinc-700 dark:text-zinc-300">Holidays (closed all day)</legend>
        {draft.holidays.length === 0 ? (
          <p className="text-sm text-zinc-500">No holidays.</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {draft.holidays.map((h) => (
              <li key={h} className="inline-flex items-center gap-1 rounded border border-zinc-200 px-2 py-0.5 text-sm dark:border-zinc-700">
                {h}
                <button type="button" className="text-zinc-500 hover:text-red-600" aria-label={`Remove holiday ${h}`} onClick={() => setDraft({ ...draft, holidays: draft.holidays.filter((x) => x !== h) })}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="flex items-center gap-2">
          <div className="w-44">
            <Input type="date" aria-label="Holiday date" value={holiday} onChange={(e) => setHoliday(e.target.value)} onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), addHoliday())} />
          </div>
          <Button type="button" variant="secondary" onClick={addHoliday} disabled={!holiday}>
            Add holiday
          </Button>
        </div>
      </fieldset>
      <LivePreview preview={preview} heading={`Preview with ${target.label}`} testId={`${prefix}-preview`} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : calendar ? "Save calendar" : "Add calendar"}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export function DeleteCalendar({ brandId, calendar }: { brandId: number; calendar: { id: number; name: string } }) {
  const [state, action, pending] = useActionState(deleteCalendarAction, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={action} className="flex flex-wrap items-center gap-1">
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="calendarId" value={calendar.id} />
      {confirming ? (
        <>
          <Button type="submit" variant="danger" disabled={pending}>
            Delete “{calendar.name}”
          </Button>
          <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </>
      ) : (
        <Button type="button" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Delete ${calendar.name}…`}>
          Delete…
        </Button>
      )}
      <FormMessage state={state} />
    </form>
  );
}
