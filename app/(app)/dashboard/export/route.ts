import { z } from "zod";
import { authorize } from "@/lib/auth/authorize";
import { currentMembership } from "@/lib/auth/brand-context";
import { requireActionUser } from "@/lib/auth/session";
import { downloadResponse, errorResponse } from "@/lib/api/http";
import { AppError } from "@/lib/errors";
import { brandChannels, dashboardData } from "@/lib/metrics/dashboard";
import { dashboardTable, TABLES, toCsv } from "@/lib/metrics/dashboard-tables";
import { parseRange } from "@/lib/metrics/local-time";

const querySchema = z.object({
  table: z.enum(TABLES),
  brand: z.string().max(64).optional(),
  channel: z.coerce.number().int().positive().optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

// CSV of one dashboard table for one brand: managers and admins of that brand only.
export async function GET(request: Request) {
  try {
    // A one-time password opens nothing but the form that replaces it.
    const user = await requireActionUser();
    const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("bad_request:query", "Invalid export query.");
    const { table, brand, channel, from, to } = parsed.data;
    const membership = currentMembership({ user, slug: brand });
    authorize({ actor: { kind: "member", user }, brandId: membership.brandId, needs: "manager" });
    if (channel && !(await brandChannels({ brandId: membership.brandId })).some((c) => c.id === channel)) throw new AppError("not_found:channel");
    const range = parseRange({ from, to, timeZone: membership.timezone, strict: true });
    const data = await dashboardData({ brandId: membership.brandId, timeZone: membership.timezone, range, channelId: channel ?? null });
    const filename = `${membership.slug}-${table}-${range.fromDay}-${range.toDay}.csv`;
    return downloadResponse(toCsv(dashboardTable({ data, name: table })), { type: "text/csv; charset=utf-8", filename });
  } catch (error) {
    return errorResponse(error);
  }
}
