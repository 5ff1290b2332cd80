import { ALWAYS_OPEN, type Calendar } from "@/lib/sla/calendar";
import { slaStateAt, responseSeconds } from "@/lib/sla/state";
import { deadlinesFor, termsFor, type BrandPolicy, type CycleTerms } from "@/lib/sla/policy-store";
import type { ConversationRow, CycleRow } from "./queries";
import type { CycleSave, IngestStore } from "./store";

// Where saveCycle writes: the batch's store (lib/ingest/store.ts), or a prepared statement.
export type CycleWriter = { updateCycle: { execute(values: CycleSave): Promise<unknown> } };

// A response cycle: from a customer's first waiting message to the brand's first reply (FRT),
// with its SLA deadlines. The pipeline's cycle stage and a sent reply change cycles through these.

// A brand has a handful of calendars; one object per stored JSON text keeps the compiled
// calendar cached (it is cached per object) and the hot path cheap.
const parsedCalendars = new Map<string, Calendar>();

export function cycleCalendar(cycle: { calendar: string | null }): Calendar {
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
  return { policyId: null, targetSeconds: cycle.targetSeconds, nextResponseTargetSeconds: null, atRiskShare: cycle.atRiskShare, calendar: cycleCalendar(cycle) };
}

export function stateOf({ cycle, now }: { cycle: CycleRow; now: number }) {
  return slaStateAt({
    startedAt: new Date(cycle.startedAt),
    firstResponseAt: cycle.firstResponseAt == null ? null : new Date(cycle.firstResponseAt),
    targetSeconds: cycle.targetSeconds,
    atRiskShare: cycle.atRiskShare,
    calendar: cycleCalendar(cycle),
    now: new Date(now),
  });
}

export async function startCycle({
  store,
  conversation,
  number,
  startedAt,
  category,
  policies,
  now,
}: {
  store: IngestStore;
  conversation: ConversationRow;
  number: number;
  startedAt: number;
  category: "request" | "noise";
  policies: BrandPolicy[];
  now: number;
}): Promise<CycleRow> {
  const terms = termsFor({ policies, channelId: conversation.channelId, category, priority: conversation.priority });
  const { atRiskAt, dueAt } = deadlinesFor({ terms, startedAt });
  const { targetSeconds, atRiskShare } = terms;
  const calendar = JSON.stringify(terms.calendar);
  const slaState = slaStateAt({ startedAt: new Date(startedAt), firstResponseAt: null, targetSeconds, atRiskShare, calendar: terms.calendar, now: new Date(now) });
  const id = await store.insertCycle({
    conversationId: conversation.id,
    brandId: conversation.brandId,
    channelId: conversation.channelId,
    number,
    category,
    startedAt,
    policyId: terms.policyId,
    targetSeconds,
    nextTarget: terms.nextResponseTargetSeconds,
    atRiskShare,
    calendar,
    atRiskAt,
    dueAt,
    slaState,
    reopened: number > 1 ? 1 : 0,
    now,
  });
  const cycle: CycleRow = {
    id,
    conversationId: conversation.id,
    number,
    category,
    startedAt,
    firstResponseAt: null,
    targetSeconds,
    atRiskShare,
    calendar,
    dueAt,
    slaState,
    awaitingSince: null,
    resolvedAt: null,
  };
  store.addCycle(cycle);
  return cycle;
}

// Writes the cycle back with its deadlines and SLA state recomputed from its stored terms.
export async function saveCycle({ q, brandId, cycle, now, responderId = null }: { q: CycleWriter; brandId: number; cycle: CycleRow; now: number; responderId?: number | null }): Promise<void> {
  const terms = storedTerms(cycle);
  const { atRiskAt, dueAt } = deadlinesFor({ terms, startedAt: cycle.startedAt });
  cycle.dueAt = dueAt;
  cycle.slaState = stateOf({ cycle, now });
  const frt =
    cycle.firstResponseAt == null
      ? null
      : responseSeconds({ calendar: terms.calendar, from: new Date(cycle.startedAt), to: new Date(cycle.firstResponseAt) });
  await q.updateCycle.execute({
    id: cycle.id,
    brandId,
    category: cycle.category,
    startedAt: cycle.startedAt,
    firstResponseAt: cycle.firstResponseAt,
    firstResponseSeconds: frt ? Math.round(frt.wall) : null,
    firstResponseBusinessSeconds: frt ? Math.round(frt.business) : null,
    responderId,
    atRiskAt,
    dueAt,
    slaState: cycle.slaState,
    awaitingSince: cycle.awaitingSince,
  });
}

export type ReplyClock = Pick<CycleRow, "startedAt" | "firstResponseAt" | "awaitingSince" | "category">;

// A person's reply: the first one in the cycle sets FRT; any later one closes a next-response wait.
export function applyPersonReply({ cycle, at }: { cycle: ReplyClock; at: number }): { firstResponse: boolean; nrtSeconds: number | null } {
  let firstResponse = false;
  let nrtSeconds: number | null = null;
  if (at >= cycle.startedAt && (cycle.firstResponseAt == null || at < cycle.firstResponseAt)) {
    cycle.firstResponseAt = at;
    cycle.category = "request";
    firstResponse = true;
  } else if (cycle.awaitingSince != null && at >= cycle.awaitingSince) {
    nrtSeconds = Math.round((at - cycle.awaitingSince) / 1000);
    cycle.awaitingSince = null;
  }
  return { firstResponse, nrtSeconds };
}
