import { and, eq, gt, inArray, isNull, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, escalations } from "@/db/schema";
import { skipIndex } from "@/db/inbox";

export const VIEWS = ["waiting", "mine", "unassigned", "open", "pending", "snoozed", "resolved", "noise", "escalated"] as const;
export type View = (typeof VIEWS)[number];

export const ACTIVE = ["open", "pending", "snoozed"] as const;

const c = conversations;

// What each view means, as one condition on columns that skip their indexes: it narrows a
// bounded hit list (search matches, escalations) and never drives a walk of the table.
export function viewCondition(view: View, userId: number | SQL): SQL {
  const active = inArray(skipIndex(c.status), ACTIVE);
  const request = eq(skipIndex(c.category), "request");
  switch (view) {
    case "waiting":
      return and(eq(skipIndex(c.awaitingFirstResponse), 1), request, active)!;
    case "mine":
      return and(eq(skipIndex(c.assigneeId), userId), active)!;
    case "unassigned":
      return and(isNull(skipIndex(c.assigneeId)), request, active)!;
    case "open":
      return and(eq(skipIndex(c.status), "open"), request)!;
    case "pending":
    case "snoozed":
    case "resolved":
      return eq(skipIndex(c.status), view);
    case "noise":
      return and(eq(skipIndex(c.category), "noise"), active)!;
    case "escalated":
      return and(gt(skipIndex(c.escalationLevel), 0), active)!;
  }
}

// Escalated means an escalation still waiting for someone; escalations_brand_status reads just those.
// `brandId` may be a placeholder of a prepared query.
export function unresolvedEscalations(db: Db, brandId: number | SQL) {
  return db
    .select({ conversationId: escalations.conversationId })
    .from(escalations)
    .where(and(eq(escalations.brandId, brandId), inArray(escalations.status, ["open", "acknowledged"])));
}
