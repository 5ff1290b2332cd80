import { HOUR, DAY, localClock, trafficWeight, type LocalSlot } from "./profile";
import type { BrandState, World } from "./world";

/** When one brand's conversations start: cumulative weight per hour of the window. */
export type BrandPlan = {
  b: BrandState;
  cumulative: Float64Array;
  slots: LocalSlot[];
  target: number;
  started: number;
};

export function planBrand({ world, b, start, hours, target }: { world: World; b: BrandState; start: number; hours: number; target: number }): BrandPlan {
  const rng = world.rng;
  const { timezone, domain } = b.brand;
  const firstDay = localClock({ timeZone: timezone, t: start }).day;
  const days = Math.ceil((hours * HOUR) / DAY) + 1;
  // About one disruption day in three weeks for the airline, never on the window's first day.
  const period = 23;
  const disruptionPhase = rng.int(1, Math.max(1, Math.min(days - 2, period - 1)));
  const cumulative = new Float64Array(hours);
  const slots: LocalSlot[] = [];
  let sum = 0;
  for (let h = 0; h < hours; h++) {
    const clock = localClock({ timeZone: timezone, t: start + h * HOUR + HOUR / 2 });
    const offset = clock.day - firstDay;
    const disruption = domain === "airline" && offset % period === disruptionPhase;
    const slot = { hour: clock.hour, weekend: clock.weekday === 0 || clock.weekday === 6, disruption };
    slots.push(slot);
    sum += trafficWeight({ domain, slot: { ...slot, weekday: clock.weekday } }) * rng.lognormal(1, 0.2);
    cumulative[h] = sum;
  }
  return { b, cumulative, slots, target, started: 0 };
}

/** How many conversations should have started by the end of hour h. */
export function dueBy(plan: BrandPlan, h: number): number {
  const total = plan.cumulative[plan.cumulative.length - 1];
  return Math.round((plan.target * plan.cumulative[h]) / total);
}
