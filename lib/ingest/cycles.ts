import { ALWAYS_OPEN, type Calendar } from "@/lib/sla/calendar";
import { slaStateAt, responseSeconds } from "@/lib/sla/state";
import { deadlinesFor, termsFor, type CycleTerms } from "@/lib/sla/policy-store";
import type { ConversationRow, CycleRow, Statements } from "./store";

type Policies = Parameters<typeof termsFor>[0]["policies"];

// A brand has a handful of calendars; parsing the stored JSON once each keeps the hot path cheap.
const parsedCalendars = new Map<string, Calendar>();

export function cycleCalendar(cycle: CycleRow): Calendar {
  if (!cycle.calendar) return ALWAYS_OPEN;
  let calendar = parsedCalendars.get(cycle.calendar);
  if (!calendar) {
    if (parsedCalendars.size > 256) parsedCalendars.clear();
    calendar = JSON.parse(cycle.calendar) as Calendar;
    parsedCalendars.set(cycle.calendar, calendar);
  }
  return calendar;
}

// The policy terms a cycle stored when it started (DESIGN: never the policy in force today).
function storedTerms(cycle: CycleRow): CycleTerms {
  return { policyId: null, targetSeconds: cycle.target_seconds, nextResponseTargetSeconds: null, atRiskShare: cycle.at_risk_share, calendar: cycleCalendar(cycle) };
}

export function stateOf({ cycle, now }: { cycle: CycleRow; now: number }) {
  return slaStateAt({
    startedAt: new Date(cycle.started_at),
    firstResponseAt: cycle.first_response_at == null ? null : new Date(cycle.first_response_at),
    targetSeconds: cycle.target_seconds,
    atRiskShare: cycle.at_risk_share,
    calendar: cycleCalendar(cycle),
    now: new Date(now),
  });
}

export function startCycle({
  s,
  conversation,
  number,
  startedAt,
  category,
  policies,
  now,
}: {
  s: Statements;
  conversation: ConversationRow;
  number: number;
  startedAt: number;
  category: "request" | "noise";
  policies: Policies;
  now: number;
}): CycleRow {
  const terms: CycleTerms = termsFor({ policies, channelId: conversation.channel_id, category, priority: conversation.priority });
  const { atRiskAt, dueAt } = deadlinesFor({ terms, startedAt });
  const cycle = s.insertCycle.get({
    conversationId: conversation.id,
    brandId: conversation.brand_id,
    channelId: conversation.channel_id,
    number,
    category,
    startedAt,
    policyId: terms.policyId,
    targetSeconds: terms.targetSeconds,
    nextTarget: terms.nextResponseTargetSeconds,
    atRiskShare: terms.atRiskShare,
    calendar: JSON.stringify(terms.calendar),
    atRiskAt,
    dueAt,
    slaState: slaStateAt({
      startedAt: new Date(startedAt),
      firstResponseAt: null,
      targetSeconds: terms.targetSeconds,
      atRiskShare: terms.atRiskShare,
      calendar: terms.calendar,
      now: new Date(now),
    }),
    reopened: number > 1 ? 1 : 0,
    now,
  }) as CycleRow;
  return cycle;
}

export function saveCycle({ s, cycle, now, responderId = null }: { s: Statements; cycle: CycleRow; now: number; responderId?: number | null }): void {
  const terms = storedTerms(cycle);
  const calendar = terms.calendar;
  const { atRiskAt, dueAt } = deadlinesFor({ terms, startedAt: cycle.started_at });
  cycle.due_at = dueAt;
  cycle.sla_state = stateOf({ cycle, now });
  const frt =
    cycle.first_response_at == null
      ? null
      : responseSeconds({ calendar, from: new Date(cycle.started_at), to: new Date(cycle.first_response_at) });
  s.updateCycle.run({
    id: cycle.id,
    category: cycle.category,
    started_at: cycle.started_at,
    first_response_at: cycle.first_response_at,
    first_response_seconds: frt ? Math.round(frt.wall) : null,
    first_response_business_seconds: frt ? Math.round(frt.business) : null,
    first_responder_id: responderId,
    at_risk_at: atRiskAt,
    due_at: dueAt,
    sla_state: cycle.sla_state,
    awaiting_since: cycle.awaiting_since,
  });
}

// A person's reply: the first one in the cycle sets FRT; any later one closes a next-response wait.
export function applyPersonReply({ cycle, at }: { cycle: CycleRow; at: number }): { firstResponse: boolean; nrtSeconds: number | null } {
  let firstResponse = false;
  let nrtSeconds: number | null = null;
  if (at >= cycle.started_at && (cycle.first_response_at == null || at < cycle.first_response_at)) {
    cycle.first_response_at = at;
    cycle.category = "request";
    firstResponse = true;
  } else if (cycle.awaiting_since != null && at >= cycle.awaiting_since) {
    nrtSeconds = Math.round((at - cycle.awaiting_since) / 1000);
    cycle.awaiting_since = null;
  }
  return { firstResponse, nrtSeconds };
}
