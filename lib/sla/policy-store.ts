import type Database from "better-sqlite3";
import { ALWAYS_OPEN, type Calendar } from "./calendar";
import { choosePolicy, type PolicyCategory, type PolicyPriority } from "./policy";
import { slaDeadlines } from "./state";

type PolicyRow = {
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
  targetSeconds: 3600,
  nextResponseTargetSeconds: null,
  atRiskShare: 0.75,
};

// Policies of one brand, read once per ingest batch or scheduler tick.
export function loadBrandPolicies({ sqlite, brandId }: { sqlite: Database.Database; brandId: number }): PolicyRow[] {
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.is_default AS isDefault, p.channel_id AS channelId, p.category, p.priority, p.position,
              p.first_response_seconds AS firstResponseSeconds, p.next_response_seconds AS nextResponseSeconds,
              p.at_risk_share AS atRiskShare, c.timezone AS tz, c.intervals, c.holidays, b.timezone AS brandTz
         FROM sla_policies p JOIN brands b ON b.id = p.brand_id
         LEFT JOIN calendars c ON c.id = p.calendar_id
        WHERE p.brand_id = ?`,
    )
    .all(brandId) as (Omit<PolicyRow, "calendar" | "isDefault" | "channelId"> & {
    isDefault: number;
    channelId: number | null;
    tz: string | null;
    intervals: string | null;
    holidays: string | null;
    brandTz: string;
  })[];
  return rows.map((r) => ({
    id: r.id,
    isDefault: !!r.isDefault,
    channelId: r.channelId == null ? null : String(r.channelId),
    category: r.category,
    priority: r.priority,
    position: r.position,
    firstResponseSeconds: r.firstResponseSeconds,
    nextResponseSeconds: r.nextResponseSeconds,
    atRiskShare: r.atRiskShare,
    calendar: r.tz
      ? { timezone: r.tz, intervals: r.intervals ? JSON.parse(r.intervals) : null, holidays: r.holidays ? JSON.parse(r.holidays) : [] }
      : { ...ALWAYS_OPEN, timezone: r.brandTz },
  }));
}

export function termsFor({
  policies,
  channelId,
  category,
  priority,
}: {
  policies: PolicyRow[];
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
