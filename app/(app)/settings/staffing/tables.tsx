import { Table, Td, Th } from "@/app/_components/ui/table";
import { formatter } from "@/lib/i18n/format";
import { translator, type Locale, type MessageKey } from "@/lib/i18n/messages";
import type { StaffingPlan } from "@/lib/staffing/plan";

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

// Text carries the meaning; the tint only repeats it.
function tint(gap: number, needed: number): string {
  if (needed === 0) return "";
  if (gap >= 2) return "bg-red-200 dark:bg-red-900/60";
  if (gap > 0) return "bg-red-100 dark:bg-red-950/60";
  return "bg-emerald-50 dark:bg-emerald-950/40";
}

// One table of the week: an hour per row, a day per column.
function WeekTable({ title, hint, dayLabel, cell }: { title: string; hint: string; dayLabel: (d: number) => string; cell: (d: number, h: number) => { className?: string; content: React.ReactNode } }) {
  return (
    <div className="space-y-1">
      <h2 className="font-medium">{title}</h2>
      <p className="text-sm text-zinc-500">{hint}</p>
      <Table caption={title}>
        <thead>
          <tr>
            <Th>{dayLabel(0)}</Th>
            {DAYS.map((d) => (
              <Th key={d}>{dayLabel(d)}</Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {HOURS.map((h) => (
            <tr key={h}>
              <th scope="row" className="border-t border-zinc-200 px-3 py-1 text-xs font-medium whitespace-nowrap dark:border-zinc-800">
                {`${String(h).padStart(2, "0")}:00`}
              </th>
              {DAYS.map((d) => {
                const { className = "", content } = cell(d, h);
                return (
                  <Td key={d} className={`py-1 text-xs whitespace-nowrap tabular-nums ${className}`}>
                    {content}
                  </Td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

export function StaffingTables({ plan, locale }: { plan: StaffingPlan; locale: Locale }) {
  const t = translator(locale);
  const number = { format: (n: number) => formatter(locale).number(n, { maximumFractionDigits: 1 }) };
  // column 0 is the hour column
  const dayLabel = (d: number) => (d === 0 ? t("staffing.hour") : t(`staffing.day.${d}` as MessageKey));
  const at = (d: number, h: number) => (d - 1) * 24 + h;
  return (
    <>
      <WeekTable
        title={t("staffing.heatmap")}
        hint={t("staffing.heatmapHint")}
        dayLabel={dayLabel}
        cell={(d, h) => {
          const cell = plan.report.hours[at(d, h)];
          return {
            className: tint(cell.gap, cell.agentsNeeded),
            content:
              cell.agentsNeeded === 0 && cell.agentsAvailable === 0 ? (
                t("staffing.none")
              ) : (
                <>
                  {t("staffing.cell", { schedule: cell.agentsToSchedule, available: number.format(cell.agentsAvailable) })}
                  <br />
                  {cell.gap > 0 ? t("staffing.short", { gap: number.format(cell.gap) }) : t("staffing.ok")}
                </>
              ),
          };
        }}
      />
      <WeekTable
        title={t("staffing.arrivals")}
        hint={t("staffing.arrivalsHint")}
        dayLabel={dayLabel}
        cell={(d, h) => {
          const slot = at(d, h);
          return { content: t("staffing.arrivalsCell", { mean: number.format(plan.report.hours[slot].arrivalsPerHour), p80: number.format(plan.arrivalsP80[slot]), noise: number.format(plan.noisePerHour[slot]) }) };
        }}
      />
    </>
  );
}
