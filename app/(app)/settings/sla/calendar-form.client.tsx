"use client";

import { useActionState, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { FormMessage } from "@/app/_components/ui/form-message";
import { Field, Input } from "@/app/_components/ui/input";
import { createCalendarAction, deleteCalendarAction, updateCalendarAction } from "./actions";
import { LivePreview, usePreview, type PreviewState } from "./live-preview.client";
import { useFormat, useT } from "@/app/_components/i18n.client";
import type { Formatter } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/messages";

export type CalendarValues = { id: number; name: string; timezone: string; intervals: { day: number; start: string; end: string }[] | null; holidays: string[] };
type Row = { key: number; day: number; start: string; end: string };
type Draft = { timezone: string; alwaysOpen: boolean; rows: Row[]; holidays: string[] };

// Monday first, as people read a week; day numbers are the engine's (0 = Sunday).
const WEEK = [1, 2, 3, 4, 5, 6, 0];
// Day 0 is Sunday; 7 January 2024 was a Sunday.
const dayNames = (format: Formatter) =>
  Array.from({ length: 7 }, (_, d) => {
    const name = format.dateTime(Date.UTC(2024, 0, 7 + d), { weekday: "long", timeZone: "UTC" });
    return name.charAt(0).toUpperCase() + name.slice(1);
  });
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

function endHint(row: Row, t: Translate): string | null {
  if (!row.start || !row.end) return null;
  if (row.end === "00:00") return t("sla.settings.untilMidnight");
  if (row.end === row.start) return t("sla.settings.sameTime");
  return row.end < row.start ? t("sla.settings.untilNextDay", { time: row.end }) : null;
}

function DayRows({ day, rows, update, remove, add }: { day: number; rows: Row[]; update: (key: number, patch: Partial<Row>) => void; remove: (key: number) => void; add: (day: number) => void }) {
  const t = useT();
  const DAY = dayNames(useFormat());
  return (
    <div className="grid grid-cols-[7rem_1fr] items-start gap-2 border-t border-zinc-100 py-2 dark:border-zinc-800" role="group" aria-label={DAY[day]}>
      <span className="pt-1.5 text-sm font-medium">{DAY[day]}</span>
      <div className="space-y-1.5">
        {rows.length === 0 && <span className="inline-block pt-1.5 text-sm text-zinc-500">{t("sla.settings.closed")}</span>}
        {rows.map((row, index) => (
          <div key={row.key} className="flex flex-wrap items-center gap-2">
            <div className="w-36">
              <Input type="time" aria-label={t("sla.settings.opens", { day: DAY[day], n: index + 1 })} value={row.start} required onChange={(e) => update(row.key, { start: e.target.value })} />
            </div>
            <span aria-hidden="true">{t("sla.settings.to")}</span>
            <div className="w-36">
              <Input type="time" aria-label={t("sla.settings.closes", { day: DAY[day], n: index + 1 })} value={row.end} required onChange={(e) => update(row.key, { end: e.target.value })} />
            </div>
            {endHint(row, t) && <span className="text-xs text-zinc-500">{endHint(row, t)}</span>}
            <Button type="button" variant="ghost" onClick={() => remove(row.key)} aria-label={t("sla.settings.removeSpan", { day: DAY[day], span: `${row.start}–${row.end}` })}>
              {t("sla.settings.remove")}
            </Button>
          </div>
        ))}
        <Button type="button" variant="ghost" onClick={() => add(day)} aria-label={t("sla.settings.addHoursOn", { day: DAY[day] })}>
          {t("sla.settings.addHours")}
        </Button>
      </div>
    </div>
  );
}

/** Create or edit a calendar: 24/7 or weekly hours (split and overnight shifts), and holidays. */
export function CalendarForm({ brandId, calendar, defaultTimezone, target, initialPreview }: { brandId: number; calendar?: CalendarValues; defaultTimezone: string; target: { seconds: number; share: number; label: string }; initialPreview: PreviewState }) {
  const t = useT();
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
    if (!next.alwaysOpen && next.rows.some((r) => !r.start || !r.end)) return requestPreview({ error: t("sla.settings.fillTimes") });
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
    <form action={action} className="space-y-4" aria-label={calendar ? t("sla.settings.editCalendar", { name: calendar.name }) : t("sla.settings.newCalendar")}>
      <input type="hidden" name="brandId" value={brandId} />
      {calendar && <input type="hidden" name="calendarId" value={calendar.id} />}
      <input type="hidden" name="calendar" value={serialize(draft)} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label={t("sla.settings.name")} htmlFor={`${prefix}-name`}>
          <Input id={`${prefix}-name`} name="name" required maxLength={80} defaultValue={state?.values?.name ?? calendar?.name ?? ""} placeholder={t("sla.settings.calendarPlaceholder")} />
        </Field>
        <Field label={t("sla.settings.timezone")} htmlFor={`${prefix}-tz`} hint={t("sla.settings.timezoneHint")}>
          <Input id={`${prefix}-tz`} list="sla-timezones" value={draft.timezone} required onChange={(e) => setDraft({ ...draft, timezone: e.target.value })} />
        </Field>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-xs font-medium text-zinc-700 dark:text-zinc-300">{t("sla.settings.openingHours")}</legend>
        <label className="mr-4 inline-flex items-center gap-1.5 text-sm">
          <input type="radio" name={`${prefix}-mode`} checked={draft.alwaysOpen} onChange={() => setDraft({ ...draft, alwaysOpen: true })} /> {t("sla.settings.open247")}
        </label>
        <label className="inline-flex items-center gap-1.5 text-sm">
          <input type="radio" name={`${prefix}-mode`} checked={!draft.alwaysOpen} onChange={() => setDraft({ ...draft, alwaysOpen: false })} /> {t("sla.settings.businessHours")}
        </label>
      </fieldset>
      {!draft.alwaysOpen && (
        <div>
          <p className="text-xs text-zinc-500">{t("sla.settings.spansHint")}</p>
          {WEEK.map((day) => (
            <DayRows key={day} day={day} rows={draft.rows.filter((r) => r.day === day)} update={update} remove={remove} add={add} />
          ))}
          <Button type="button" variant="secondary" onClick={copyMonday}>
            {t("sla.settings.copyMonday")}
          </Button>
        </div>
      )}
      <fieldset className="space-y-2">
        <legend className="text-xs font-medium text-zinc-700 dark:text-zinc-300">{t("sla.settings.holidays")}</legend>
        {draft.holidays.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("sla.settings.noHolidays")}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {draft.holidays.map((h) => (
              <li key={h} className="inline-flex items-center gap-1 rounded border border-zinc-200 px-2 py-0.5 text-sm dark:border-zinc-700">
                {h}
                <button type="button" className="text-zinc-500 hover:text-red-600" aria-label={t("sla.settings.removeHoliday", { date: h })} onClick={() => setDraft({ ...draft, holidays: draft.holidays.filter((x) => x !== h) })}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="flex items-center gap-2">
          <div className="w-44">
            <Input type="date" aria-label={t("sla.settings.holidayDate")} value={holiday} onChange={(e) => setHoliday(e.target.value)} onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), addHoliday())} />
          </div>
          <Button type="button" variant="secondary" onClick={addHoliday} disabled={!holiday}>
            {t("sla.settings.addHoliday")}
          </Button>
        </div>
      </fieldset>
      <LivePreview preview={preview} heading={t("sla.settings.previewWith", { target: target.label })} testId={`${prefix}-preview`} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("common.saving") : calendar ? t("sla.settings.saveCalendar") : t("sla.settings.addCalendarButton")}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export function DeleteCalendar({ brandId, calendar }: { brandId: number; calendar: { id: number; name: string } }) {
  const t = useT();
  const [state, action, pending] = useActionState(deleteCalendarAction, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={action} className="flex flex-wrap items-center gap-1">
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="calendarId" value={calendar.id} />
      {confirming ? (
        <>
          <Button type="submit" variant="danger" disabled={pending}>
            {t("sla.settings.deleteNamed", { name: calendar.name })}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
            {t("common.cancel")}
          </Button>
        </>
      ) : (
        <Button type="button" variant="ghost" onClick={() => setConfirming(true)} aria-label={t("sla.settings.deleteLabel", { name: calendar.name })}>
          {t("sla.settings.deleteAsk")}
        </Button>
      )}
      <FormMessage state={state} />
    </form>
  );
}
