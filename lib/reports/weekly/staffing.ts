import { eq } from "drizzle-orm";
import { brands } from "@/db/schema";
import { staffingPlan } from "@/lib/staffing/plan";
import type { StaffingGapSource } from "./report";

// The staffing planner's gap for the report's week: the hours of the week that the team's
// available agents did not cover, planned from the four weeks up to the week's end.
export const plannerGap: StaffingGapSource = async ({ db, brandId, to }) => {
  const [brand] = await db.select({ slug: brands.slug }).from(brands).where(eq(brands.id, brandId)).limit(1);
  if (!brand) return null;
  const plan = await staffingPlan({ db, actor: { kind: "system", job: "weekly-report" }, brandSlug: brand.slug, options: { until: new Date(to) } });
  return { hours: plan.report.hours.filter((h) => h.gap > 0).map((h) => ({ weekday: h.weekday, hour: h.hour, gap: h.gap })) };
};
