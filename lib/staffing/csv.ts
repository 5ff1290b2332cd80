import { toCsv } from "@/lib/metrics/dashboard-tables";
import type { StaffingPlan } from "./plan";

/** The week's plan as CSV: the report's hourly fields, with the arrival spread and noise beside them. */
export function staffingCsv(plan: StaffingPlan): string {
  const header = ["weekday", "hour", "arrivalsPerHour", "arrivalsP80Week", "noisePerHour", "agentsNeeded", "agentsToSchedule", "agentsAvailable", "gap", "occupancy", "predictedServiceLevel", "simulatedServiceLevel"];
  const rows = plan.report.hours.map((h, slot) =>
    [h.weekday, h.hour, h.arrivalsPerHour, plan.arrivalsP80[slot], plan.noisePerHour[slot], h.agentsNeeded, h.agentsToSchedule, h.agentsAvailable, h.gap, plan.occupancy[slot], h.predictedServiceLevel, h.simulatedServiceLevel].map(String),
  );
  return toCsv({ title: "staffing", header, rows });
}
