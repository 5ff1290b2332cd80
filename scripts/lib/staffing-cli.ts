import { operator } from "@/lib/auth/authorize";
import { staffingPlan, type StaffingOptions, type StaffingReport } from "@/lib/staffing/plan";
import { UsageError } from "./args";

export const STAFFING_USAGE = `npm run --silent report -- staffing --brand SLUG [--json] [--weeks N] [--until ISO-DATE] [--aht-seconds S] [--target-seconds T] [--service-level P] [--max-occupancy O] [--shrinkage X]`;

const NUMBERS = { weeks: "weeks", "aht-seconds": "ahtSeconds", "target-seconds": "targetSeconds", "service-level": "serviceLevel", "max-occupancy": "maxOccupancy", shrinkage: "shrinkage" } as const;
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function options(flags: Record<string, string | true>): StaffingOptions {
  const out: Record<string, unknown> = {};
  for (const [flag, key] of Object.entries(NUMBERS)) {
    const value = flags[flag];
    if (value === undefined) continue;
    const n = typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
    if (!Number.isFinite(n)) throw new UsageError(`--${flag} must be a number`);
    out[key] = n;
  }
  if (flags.until !== undefined) {
    const value = flags.until;
    // An ISO time with its offset, so the week it ends is unambiguous.
    if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) || Number.isNaN(Date.parse(value)))
      throw new UsageError("--until must be an ISO time with offset, e.g. 2026-03-02T00:00:00+01:00");
    out.until = new Date(value);
  }
  return out as StaffingOptions;
}

function table(report: StaffingReport): string {
  const header = ["day", "hour", "arrivals", "needed", "schedule", "available", "gap", "predicted", "simulated"];
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const rows = report.hours.map((h) => [
    WEEKDAYS[h.weekday - 1],
    `${String(h.hour).padStart(2, "0")}:00`,
    h.arrivalsPerHour.toFixed(2),
    String(h.agentsNeeded),
    String(h.agentsToSchedule),
    h.agentsAvailable.toFixed(2),
    (h.gap > 0 ? "+" : "") + h.gap.toFixed(2),
    pct(h.predictedServiceLevel),
    pct(h.simulatedServiceLevel),
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const head = `${report.brand}: ${report.weeks} week(s) of data, handle time ${report.ahtSeconds} s, ${pct(report.serviceLevel)} within ${report.targetSeconds} s, occupancy ≤ ${pct(report.maxOccupancy)}, shrinkage ${pct(report.shrinkage)}\n`;
  return head + all.map((r) => r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")).join("\n") + "\n";
}

export async function staffingCommand(flags: Record<string, string | true>): Promise<string> {
  const known = new Set(["json", "brand", "until", ...Object.keys(NUMBERS)]);
  for (const key of Object.keys(flags)) if (!known.has(key)) throw new UsageError(`Unknown option --${key}. Usage: ${STAFFING_USAGE}`);
  const brand = flags.brand;
  if (typeof brand !== "string" || !brand) throw new UsageError(`Missing --brand. Usage: ${STAFFING_USAGE}`);
  const plan = await staffingPlan({ actor: operator, brandSlug: brand, options: options(flags) });
  return flags.json === true ? `${JSON.stringify(plan.report)}\n` : table(plan.report);
}
