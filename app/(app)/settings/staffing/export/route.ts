import { z } from "zod";
import { downloadResponse, errorResponse } from "@/lib/api/http";
import { currentMembership } from "@/lib/auth/brand-context";
import { getSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { staffingCsv } from "@/lib/staffing/csv";
import { staffingPlan } from "@/lib/staffing/plan";
import { optionsFromQuery, pickQuery } from "@/lib/staffing/query";

const brandSchema = z.string().max(64).optional();

// The planner's week as CSV, with the same what-if values as the page: managers and admins only.
export async function GET(request: Request) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized:session");
    const search = Object.fromEntries(new URL(request.url).searchParams);
    const brand = brandSchema.safeParse(search.brand);
    if (!brand.success) throw new AppError("bad_request:query", "Invalid export query.");
    const membership = currentMembership({ user, slug: brand.data });
    const plan = await staffingPlan({ actor: { kind: "member", user }, brandSlug: membership.slug, options: optionsFromQuery(pickQuery(search)) });
    return downloadResponse(staffingCsv(plan), { type: "text/csv; charset=utf-8", filename: `${membership.slug}-staffing.csv` });
  } catch (error) {
    return errorResponse(error);
  }
}
