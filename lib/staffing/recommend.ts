import { serviceLevel } from "./erlang";

export type Recommendation = {
  weekday: number;
  fromHour: number;
  /** Exclusive: "Wed 18–22" covers 18:00 to 22:00. */
  toHour: number;
  moreAgents: number;
  fromServiceLevel: number;
  toServiceLevel: number;
};

type Hour = { weekday: number; hour: number; arrivalsPerHour: number; agentsAvailable: number; gap: number };

const MAX_RECOMMENDATIONS = 8;

// Agents on the rota work (1 − shrinkage) of the hour; a part agent cannot take a request.
const working = (rota: number, shrinkage: number) => Math.floor(rota * (1 - shrinkage) + 1e-9);

/**
 * Runs of consecutive short-staffed hours of one day, each with the agents to add (the largest
 * gap of the run) and the share within target before and after, weighted by arrivals.
 */
export function recommend({ hours, ahtSeconds, targetSeconds, shrinkage }: { hours: Hour[]; ahtSeconds: number; targetSeconds: number; shrinkage: number }): Recommendation[] {
  const runs: Hour[][] = [];
  let run: Hour[] = [];
  for (const h of hours) {
    const continues = run.length > 0 && run[run.length - 1].weekday === h.weekday && run[run.length - 1].hour === h.hour - 1;
    if (h.gap > 0 && h.arrivalsPerHour > 0) {
      if (!continues) {
        if (run.length) runs.push(run);
        run = [];
      }
      run.push(h);
    } else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  const level = (list: Hour[], extra: number) => {
    const arrivals = list.reduce((s, h) => s + h.arrivalsPerHour, 0);
    const within = list.reduce((s, h) => s + h.arrivalsPerHour * serviceLevel({ agents: working(h.agentsAvailable + extra, shrinkage), arrivalsPerHour: h.arrivalsPerHour, ahtSeconds, targetSeconds }), 0);
    return arrivals === 0 ? 1 : within / arrivals;
  };
  return runs
    .map((list) => {
      const moreAgents = Math.ceil(Math.max(...list.map((h) => h.gap)) - 1e-9);
      const weight = list.reduce((s, h) => s + h.arrivalsPerHour, 0);
      const rec: Recommendation = {
        weekday: list[0].weekday,
        fromHour: list[0].hour,
        toHour: list[list.length - 1].hour + 1,
        moreAgents,
        fromServiceLevel: Math.round(level(list, 0) * 1000) / 1000,
        toServiceLevel: Math.round(level(list, moreAgents) * 1000) / 1000,
      };
      return { rec, impact: weight * (rec.toServiceLevel - rec.fromServiceLevel) };
    })
    .sort((a, b) => b.impact - a.impact)
    .slice(0, MAX_RECOMMENDATIONS)
    .map((r) => r.rec)
    .sort((a, b) => a.weekday - b.weekday || a.fromHour - b.fromHour);
}
