import { Table, Td, Th } from "@/app/_components/ui/table";
import { intlLocale, translator, type Locale, type MessageKey } from "@/lib/i18n/messages";
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

export function StaffingTables({ plan, locale }: { plan: StaffingPlan; locale: Locale }) {
  const t = translator(locale);
  const number = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  const day = (d: number) => t(`staffing.day.${d}` as MessageKey);
  const hourLabel = (h: number) => `${String(h).padStart(2, "0")}:00`;
  const at = (d: number, h: number) => (d - 1) * 24 + h;
  return (
    <>
      <div className="space-y-1">
        <h2 className="font-medium">{t("staffing.heatmap")}</h2>
        <p className="text-sm text-zinc-500">{t("staffing.heatmapHint")}</p>
        <Table caption={t("staffing.heatmap")}>
          <thead>
            <tr>
              <Th>{t("staffing.hour")}</Th>
              {DAYS.map((d) => (
                <Th key={d}>{day(d)}</Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {HOURS.map((h) => (
              <tr key={h}>
                <th scope="row" className="border-t border-zinc-200 px-3 py-1 text-xs font-medium whitespace-nowrap dark:border-zinc-800">
                  {hourLabel(h)}
                </th>
                {DAYS.map((d) => {
                  const cell = plan.report.hours[at(d, h)];
                  return (
                    <Td key={d} className={`py-1 text-xs whitespace-nowrap tabular-nums ${tint(cell.gap, cell.agentsNeeded)}`}>
                      {cell.agentsNeeded === 0 && cell.agentsAvailable === 0 ? (
                        t("staffing.none")
                      ) : (
                        <>
                          {t("staffing.cell", { schedule: cell.agentsToSchedule, available: number.format(cell.agentsAvailable) })}
                          <br />
                          {cell.gap > 0 ? t("staffing.short", { gap: number.format(cell.gap) }) : t("staffing.ok")}
                        </>
                      )}
                    </Td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>

      <div className="space-y-1">
        <h2 className="font-medium">{t("staffing.arrivals")}</h2>
        <p className="text-sm text-zinc-500">{t("staffing.arrivalsHint")}</p>
        <Table caption={t("staffing.arrivals")}>
          <thead>
            <tr>
              <Th>{t("staffing.hour")}</Th>
              {DAYS.map((d) => (
                <Th key={d}>{day(d)}</Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {HOURS.map((h) => (
              <tr key={h}>
                <th scope="row" className="border-t border-zinc-200 px-3 py-1 text-xs font-medium whitespace-nowrap dark:border-zinc-800">
                  {hourLabel(h)}
                </th>
                {DAYS.map((d) => {
                  const slot = at(d, h);
                  return (
                    <Td key={d} className="py-1 text-xs whitespace-nowrap tabular-nums">
                      {t("staffing.arrivalsCell", { mean: number.format(plan.report.hours[slot].arrivalsPerHour), p80: number.format(plan.arrivalsP80[slot]), noise: number.format(plan.noisePerHour[slot]) })}
                    </Td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
