import { AppError } from "@/lib/errors";
import type { StaffingOptions } from "./plan";

/** The planner's what-if fields as they travel in the URL: minutes and percentages, for people. */
export const QUERY_FIELDS = ["target", "level", "aht", "occupancy", "shrinkage", "weeks"] as const;
export type StaffingQuery = Partial<Record<(typeof QUERY_FIELDS)[number], string>>;

export function pickQuery(search: Record<string, string | string[] | undefined>): StaffingQuery {
  const out: StaffingQuery = {};
  for (const field of QUERY_FIELDS) {
    const raw = search[field];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) out[field] = value.slice(0, 32);
  }
  return out;
}

/** URL values to planner options; a value that is not a number is refused by name. */
export function optionsFromQuery(query: StaffingQuery): StaffingOptions {
  const number = (field: keyof StaffingQuery): number | undefined => {
    const value = query[field];
    if (value === undefined) return undefined;
    const n = Number(value.replace(",", "."));
    if (!Number.isFinite(n)) throw new AppError("bad_request:staffing", `${field} must be a number`);
    return n;
  };
  const options: StaffingOptions = {};
  const target = number("target");
  if (target !== undefined) options.targetSeconds = Math.round(target * 60);
  const level = number("level");
  if (level !== undefined) options.serviceLevel = level / 100;
  const aht = number("aht");
  if (aht !== undefined) options.ahtSeconds = aht;
  const occupancy = number("occupancy");
  if (occupancy !== undefined) options.maxOccupancy = occupancy / 100;
  const shrinkage = number("shrinkage");
  if (shrinkage !== undefined) options.shrinkage = shrinkage / 100;
  const weeks = number("weeks");
  if (weeks !== undefined) options.weeks = weeks;
  return options;
}
