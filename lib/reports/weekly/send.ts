import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { brands, memberships, users, weeklyReportSends, weeklyReportSubscriptions } from "@/db/schema";
import { smtpConfig } from "@/lib/escalation/mail";
import { translator, type Locale } from "@/lib/i18n/messages";
import { localParts } from "@/lib/metrics/local-time";
import { sendSystemMail, type SystemMail } from "@/lib/outbound/clients/email";
import type { SendResult } from "@/lib/outbound/clients/types";
import { weeklyReportMail } from "./mail";
import { buildWeeklyReport, type StaffingGapSource } from "./report";
import { unsubscribeToken } from "./subscriptions";
import { lastWeek } from "./week";

const MAX_ATTEMPTS = 3;
const RETRY_AFTER_MS = 15 * 60_000;

/** From this local hour on Monday the last week's report goes out (WEEKLY_REPORT_HOUR, default 7). */
export function reportHour(): number {
  const hour = Number(process.env.WEEKLY_REPORT_HOUR ?? 7);
  return Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 7;
}

export function publicBaseUrl(): string {
  return (process.env.REPLYHOUR_URL?.trim() || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");
}

export type Mailer = (mail: SystemMail) => Promise<SendResult>;

/** The installation's own sender: SMTP_URL and SMTP_FROM, through the outbound guard. */
export const smtpMailer: Mailer = async (mail) => {
  const smtp = smtpConfig();
  if (!smtp) return { ok: false, retryable: false, reason: "E-mail is not configured: set SMTP_URL and SMTP_FROM.", code: "invalid_request" };
  return sendSystemMail({ smtpUrl: smtp.baseUrl, from: smtp.from, user: smtp.user, password: smtp.password, mail });
};

/**
 * Claims one report e-mail in a transaction: the (user, brand, week) row is unique, so of several
 * servers only one inserts it. A failed send may be claimed again a few times, later.
 */
async function claim({ db, userId, brandId, week, now }: { db: Db; userId: number; brandId: number; week: string; now: number }): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [fresh] = await tx.insert(weeklyReportSends).values({ userId, brandId, week, state: "sending", claimedAt: new Date(now) }).onConflictDoNothing().returning({ id: weeklyReportSends.id });
    if (fresh) return fresh.id;
    const [again] = await tx
      .update(weeklyReportSends)
      .set({ state: "sending", attempts: sql`${weeklyReportSends.attempts} + 1`, claimedAt: new Date(now) })
      .where(
        and(
          eq(weeklyReportSends.userId, userId),
          eq(weeklyReportSends.brandId, brandId),
          eq(weeklyReportSends.week, week),
          eq(weeklyReportSends.state, "failed"),
          lt(weeklyReportSends.attempts, MAX_ATTEMPTS),
          lt(weeklyReportSends.claimedAt, new Date(now - RETRY_AFTER_MS)),
        ),
      )
      .returning({ id: weeklyReportSends.id });
    return again?.id ?? null;
  });
}

/**
 * The worker's job: on Monday from the report hour, in each brand's time zone, every manager or
 * admin who opted in gets last week's report once. Returns how many e-mails were sent.
 */
export async function sendWeeklyReports({ db, now = Date.now(), mailer = smtpMailer, staffingGap }: { db: Db; now?: number; mailer?: Mailer; staffingGap?: StaffingGapSource }): Promise<number> {
  const hour = reportHour();
  const base = publicBaseUrl();
  let sent = 0;
  for (const brand of await db.select({ id: brands.id, slug: brands.slug, timeZone: brands.timezone }).from(brands)) {
    const local = localParts({ at: now, timeZone: brand.timeZone });
    if (local.weekday !== 0 || local.hour < hour) continue;
    const { week } = lastWeek({ now, timeZone: brand.timeZone });
    const recipients = await db
      .select({ userId: users.id, email: users.email, locale: users.locale })
      .from(weeklyReportSubscriptions)
      .innerJoin(memberships, and(eq(memberships.userId, weeklyReportSubscriptions.userId), eq(memberships.brandId, weeklyReportSubscriptions.brandId)))
      .innerJoin(users, eq(users.id, weeklyReportSubscriptions.userId))
      .where(and(eq(weeklyReportSubscriptions.brandId, brand.id), inArray(memberships.role, ["manager", "admin"]), eq(users.disabled, false)));
    if (recipients.length === 0) continue;
    let report: Awaited<ReturnType<typeof buildWeeklyReport>> | undefined;
    for (const person of recipients) {
      const id = await claim({ db, userId: person.userId, brandId: brand.id, week, now });
      if (id == null) continue;
      let result: SendResult;
      try {
        report ??= await buildWeeklyReport({ db, actor: { kind: "system", job: "weekly-report" }, brandId: brand.id, week, now, staffingGap });
        const locale = person.locale as Locale;
        const query = new URLSearchParams({ u: String(person.userId), b: String(brand.id), t: unsubscribeToken({ userId: person.userId, brandId: brand.id }) });
        const mail = await weeklyReportMail({
          report,
          t: translator(locale),
          locale,
          to: person.email,
          reportUrl: `${base}/dashboard/weekly?brand=${encodeURIComponent(brand.slug)}&week=${week}`,
          unsubscribeUrl: `${base}/reports/unsubscribe?${query}`,
          key: `weekly-${brand.id}-${person.userId}-${week}`,
        });
        result = await mailer(mail);
      } catch (error) {
        result = { ok: false, retryable: true, reason: error instanceof Error ? error.message : String(error), code: "network" };
      }
      await db.transaction(async (tx) => {
        await tx
          .update(weeklyReportSends)
          .set(result.ok ? { state: "sent", sentAt: new Date(), lastError: null } : { state: "failed", lastError: result.reason.slice(0, 500), ...(result.retryable ? {} : { attempts: MAX_ATTEMPTS }) })
          .where(eq(weeklyReportSends.id, id));
      });
      if (result.ok) sent++;
      else console.error(`weekly report for user ${person.userId} of brand ${brand.id} not sent: ${result.reason}`);
    }
  }
  return sent;
}
