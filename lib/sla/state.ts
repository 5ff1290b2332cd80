import { addBusinessSeconds, businessSecondsBetween } from "./calendar";
import type { Calendar } from "./types";

export type SlaState = "on_track" | "at_risk" | "breached" | "met" | "missed";

function checkTarget({ targetSeconds, atRiskShare }: { targetSeconds: number; atRiskShare: number }): void {
  if (!Number.isFinite(targetSeconds) || targetSeconds < 0) throw new RangeError(`invalid target ${targetSeconds}`);
  if (!(atRiskShare >= 0 && atRiskShare <= 1)) throw new RangeError(`atRiskShare must be in [0, 1], got ${atRiskShare}`);
}

/** When an unanswered cycle turns at_risk and breached: the instants the scheduler fires at. */
export function slaDeadlines({
  calendar,
  startedAt,
  targetSeconds,
  atRiskShare,
}: {
  calendar: Calendar;
  startedAt: Date;
  targetSeconds: number;
  atRiskShare: number;
}): { atRiskAt: Date; dueAt: Date } {
  checkTarget({ targetSeconds, atRiskShare });
  return {
    atRiskAt: addBusinessSeconds({ calendar, from: startedAt, seconds: targetSeconds * atRiskShare }),
    dueAt: addBusinessSeconds({ calendar, from: startedAt, seconds: targetSeconds }),
  };
}

/**
 * State as of `now`; a response after `now` is not known yet, so replaying history gives the
 * state the cycle had then. A reply at exactly the target is met; unanswered at exactly the
 * target (now == dueAt) is breached, and a reply at that same instant still turns it to met.
 */
export function slaStateAt({
  startedAt,
  firstResponseAt,
  targetSeconds,
  atRiskShare,
  calendar,
  now,
}: {
  startedAt: Date;
  firstResponseAt: Date | null;
  targetSeconds: number;
  atRiskShare: number;
  calendar: Calendar;
  now: Date;
}): SlaState {
  checkTarget({ targetSeconds, atRiskShare });
  if (firstResponseAt !== null && firstResponseAt.getTime() <= now.getTime()) {
    const business = businessSecondsBetween({ calendar, from: startedAt, to: firstResponseAt });
    return business <= targetSeconds ? "met" : "missed";
  }
  const { atRiskAt, dueAt } = slaDeadlines({ calendar, startedAt, targetSeconds, atRiskShare });
  if (now.getTime() >= dueAt.getTime()) return "breached";
  if (now.getTime() >= atRiskAt.getTime()) return "at_risk";
  return "on_track";
}

export function responseSeconds({ calendar, from, to }: { calendar: Calendar; from: Date; to: Date }): {
  wall: number;
  business: number;
} {
  return {
    wall: Math.max(0, (to.getTime() - from.getTime()) / 1000),
    business: businessSecondsBetween({ calendar, from, to }),
  };
}
