import type { Rng } from "./rng";

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

// Relative traffic by local hour: quiet nights, peaks at 8–10 and 18–21.
const DIURNAL = {
  airline: [0.3, 0.18, 0.12, 0.1, 0.12, 0.25, 0.55, 0.95, 1.5, 1.65, 1.5, 1.2, 1.1, 1.05, 1.0, 1.0, 1.1, 1.25, 1.55, 1.7, 1.6, 1.3, 0.9, 0.55],
  coffee: [0.15, 0.08, 0.05, 0.05, 0.06, 0.15, 0.45, 0.95, 1.6, 1.7, 1.4, 1.15, 1.25, 1.2, 1.05, 1.0, 1.05, 1.2, 1.5, 1.6, 1.45, 1.1, 0.65, 0.3],
};
// Sunday first, as Date.getUTCDay counts.
const WEEKLY = {
  airline: [0.95, 1.1, 1.0, 0.98, 1.0, 1.12, 0.9],
  coffee: [1.05, 1.0, 0.95, 0.95, 1.0, 1.05, 1.15],
};

export type LocalSlot = { hour: number; weekend: boolean; disruption: boolean };

export function trafficWeight({ domain, slot }: { domain: "airline" | "coffee"; slot: LocalSlot & { weekday: number } }): number {
  const base = DIURNAL[domain][slot.hour] * WEEKLY[domain][slot.weekday];
  if (!slot.disruption) return base;
  // A disruption day (storm, strike, IT outage) floods the airline from the morning on.
  return base * (slot.hour >= 6 ? 3.5 : 1.5);
}

/** Median first-response time in minutes: thin night shifts, queues at peaks and on disruption days. */
export function medianResponseMinutes(slot: LocalSlot): number {
  const h = slot.hour;
  let median = h < 6 ? 62 : h < 7 ? 38 : h < 8 ? 22 : h <= 10 ? 21 : h < 18 ? 13 : h <= 21 ? 20 : 34;
  if (slot.weekend) median *= 1.15;
  if (slot.disruption) median *= 2.4;
  return median;
}

export function isNight(slot: LocalSlot): boolean {
  return slot.hour < 6 || slot.hour >= 23;
}

/** A first-response delay in ms: lognormal around the slot's median, never under 40 s. */
export function responseDelay({ rng, slot }: { rng: Rng; slot: LocalSlot }): number {
  const minutes = rng.lognormal(medianResponseMinutes(slot), 0.85);
  return Math.max(40_000, Math.min(36 * HOUR, Math.round(minutes * MINUTE)));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC in minutes at instant t (positive east of Greenwich). */
export function utcOffsetMinutes({ timeZone, t }: { timeZone: string; t: number }): number {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(timeZone, fmt);
  }
  const p: Record<string, number> = {};
  for (const part of fmt.formatToParts(new Date(t))) if (part.type !== "literal") p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(t / MINUTE) * MINUTE) / MINUTE);
}

export function localClock({ timeZone, t }: { timeZone: string; t: number }): { hour: number; weekday: number; day: number } {
  const local = t + utcOffsetMinutes({ timeZone, t }) * MINUTE;
  const day = Math.floor(local / DAY);
  return { hour: Math.floor(local / HOUR) % 24, weekday: (day + 4) % 7, day };
}
