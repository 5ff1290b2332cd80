import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { brands, calendars, slaPolicies } from "@/db/schema";
import { ALWAYS_OPEN, type Calendar } from "./calendar";
import { DEFAULT_AT_RISK_SHARE, DEFAULT_FIRST_RESPONSE_SECONDS } from "./defaults";
import { choosePolicy, type PolicyCategory, type PolicyPriority } from "./policy";
import { slaDeadlines } from "./state";

export type BrandPolicy = {
  id: number;
  isDefault: boolean;
  channelId: string | null;
  category: PolicyCategory | null;
  priority: PolicyPriority | null;
  position: number;
  firstResponseSeconds: number;
  nextResponseSeconds: number | null;
  atRiskShare: number;
  calendar: Calendar;
};

export type CycleTerms = {
  policyId: number | null;
  targetSeconds: number;
  nextResponseTargetSeconds: number | null;
  atRiskShare: number;
  calendar: Calendar;
};

export const DEFAULT_TERMS: Omit<CycleTerms, "calendar"> = {
  policyId: null,
  targetSeconds: DEFAULT_FIRST_RESPONSE_SECONDS,
  nextResponseTargetSeconds: null,
  atRiskShare: DEFAULT_AT_RISK_SHARE,
};

// Policies of one brand, read once per ingest batch or scheduler tick.
export async function loadBrandPolicies({ db, brandId }: { db: Db; brandId: number }): Promise<BrandPolicy[]> {
  const rows = await db
    .select({
      id: slaPolicies.id,
      isDefault: slaPolicies.isDefault,
      channelId: slaPolicies.channelId,
      category: slaPolicies.category,
      priority: slaPolicies.priority,
      position: slaPolicies.position,
      firstResponseSeconds: slaPolicies.firstResponseSeconds,
      nextResponseSeconds: slaPolicies.nextResponseSeconds,
      atRiskShare: slaPolicies.atRiskShare,
      timezone: calendars.timezone,
      intervals: calendars.intervals,
      holidays: calendars.holidays,
      brandTimezone: brands.timezone,
    })
    .from(slaPolicies)
    .innerJoin(brands, eq(brands.id, slaPolicies.brandId))
    .leftJoin(calendars, eq(calendars.id, slaPolicies.calendarId))
    .where(eq(slaPolicies.brandId, brandId));
  return rows.map(({ timezone, intervals, holidays, brandTimezone, channelId, ...policy }) => ({
    ...policy,
    channelId: channelId == null ? null : String(channelId),
    // The calendar editor stores weekdays 0–6 only (validateCalendar).
    calendar: timezone ? { timezone, intervals: (intervals as Calendar["intervals"]) ?? null, holidays: holidays ?? [] } : { ...ALWAYS_OPEN, timezone: brandTimezone },
  }));
}

export function termsFor({
  policies,
  channelId,
  category,
  priority,
}: {
  policies: BrandPolicy[];
  channelId: number;
  category: PolicyCategory;
  priority: PolicyPriority | null;
}): CycleTerms {
  const policy = choosePolicy({ policies, channelId: String(channelId), category, priority });
  if (!policy) return { ...DEFAULT_TERMS, calendar: ALWAYS_OPEN };
  return {
    policyId: policy.id,
    targetSeconds: policy.firstResponseSeconds,
    nextResponseTargetSeconds: policy.nextResponseSeconds,
    atRiskShare: policy.atRiskShare,
    calendar: policy.calendar,
  };
}

export function deadlinesFor({ terms, startedAt }: { terms: CycleTerms; startedAt: number }): { atRiskAt: number; dueAt: number } {
  const { atRiskAt, dueAt } = slaDeadlines({
    calendar: terms.calendar,
    startedAt: new Date(startedAt),
    targetSeconds: terms.targetSeconds,
    atRiskShare: terms.atRiskShare,
  });
  return { atRiskAt: atRiskAt.getTime(), dueAt: dueAt.getTime() };
}
