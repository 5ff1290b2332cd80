import { z } from "zod";
import { currentMembership } from "@/lib/auth/brand-context";
import { getSessionUser } from "@/lib/auth/session";
import { downloadResponse, errorResponse } from "@/lib/api/http";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";
import { weeklyReportPdf } from "@/lib/reports/weekly/pdf";
import { buildWeeklyReport } from "@/lib/reports/weekly/report";
import { plannerGap } from "@/lib/reports/weekly/staffing";

const querySchema = z.object({
  brand: z.string().max(64).optional(),
  week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

// The weekly report as a PDF: managers and admins of the brand only (buildWeeklyReport authorizes).
export async function GET(request: Request) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized:session");
    const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("bad_request:query", "Invalid report query.");
    const membership = currentMembership({ user, slug: parsed.data.brand });
    const report = await buildWeeklyReport({ actor: { kind: "member", user }, brandId: membership.brandId, week: parsed.data.week, staffingGap: plannerGap });
    const pdf = await weeklyReportPdf({ report, t: translator(user.locale), locale: user.locale });
    return downloadResponse(new Uint8Array(pdf), { type: "application/pdf", filename: `${membership.slug}-weekly-${report.week}.pdf` });
  } catch (error) {
    return errorResponse(error);
  }
}
