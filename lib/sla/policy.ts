export type PolicyCategory = "request" | "noise";
export type PolicyPriority = "low" | "normal" | "high" | "urgent";

/** What choosePolicy reads; any row with these fields can be passed (ids may be numbers). */
export type PolicyCriteria = {
  id: string | number;
  isDefault: boolean;
  channelId: string | null;
  category: PolicyCategory | null;
  priority: PolicyPriority | null;
  position: number;
};

export type SlaPolicy = PolicyCriteria & {
  firstResponseSeconds: number;
  nextResponseSeconds: number;
  atRiskShare: number;
  calendarId: string | null;
};

function specificity(policy: PolicyCriteria): number {
  return [policy.channelId, policy.category, policy.priority].filter((value) => value !== null).length;
}

function matches(
  policy: PolicyCriteria,
  input: { channelId: string; category: PolicyCategory; priority: PolicyPriority | null },
): boolean {
  return (
    (policy.channelId === null || policy.channelId === input.channelId) &&
    (policy.category === null || policy.category === input.category) &&
    (policy.priority === null || policy.priority === input.priority)
  );
}

/**
 * The non-default policy whose every set condition matches and that sets the most conditions
 * wins; ties go to the lower position, then the id. Otherwise the default; null only when the
 * brand has no default (a data error the caller should report).
 */
export function choosePolicy<P extends PolicyCriteria>({
  policies,
  channelId,
  category,
  priority,
}: {
  policies: readonly P[];
  channelId: string;
  category: PolicyCategory;
  priority: PolicyPriority | null;
}): P | null {
  const candidates = policies
    .filter((policy) => !policy.isDefault && matches(policy, { channelId, category, priority }))
    .sort(
      (a, b) =>
        specificity(b) - specificity(a) || a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  if (candidates.length > 0) return candidates[0];
  const defaults = policies.filter((policy) => policy.isDefault).sort((a, b) => a.position - b.position);
  return defaults[0] ?? null;
}
