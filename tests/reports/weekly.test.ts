import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/access";
import { cliActor } from "@/lib/audit/record";
import { createBrand } from "@/lib/brands/brands";
import type { Classification } from "@/lib/classify/types";
import { translator } from "@/lib/i18n/messages";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { brandChannels } from "@/lib/metrics/dashboard";
import { weeklyReportPdf } from "@/lib/reports/weekly/pdf";
import { buildWeeklyReport } from "@/lib/reports/weekly/report";
import { sendWeeklyReports } from "@/lib/reports/weekly/send";
import { setWeeklyReportOptIn, unsubscribeByToken, weeklyReportChoices } from "@/lib/reports/weekly/subscriptions";
import { lastWeek } from "@/lib/reports/weekly/week";
import { makeMember, onPostgres, openAgain, testDb, uniqueSlug } from "../helpers/db";
import { startSmtpCatcher } from "../helpers/smtp-catcher";

const TZ = "Europe/Sofia"; // UTC+2 in March 2026
const MONDAY_8 = Date.parse("2026-03-16T06:00:00Z"); // Monday 16 March, 08:00 in Sofia
const classify = (text: string): Classification => ({
  language: "ru", category: text.includes("?") ? "request" : "noise", complaint: false, sentiment: "neutral", sentimentScore: 0, confidence: 1, reasons: [], modelVersion: "test",
});

let catcher: Awaited<ReturnType<typeof startSmtpCatcher>>;
const saved = { url: process.env.SMTP_URL, from: process.env.SMTP_FROM, base: process.env.REPLYHOUR_URL };
beforeAll(async () => {
  catcher = await startSmtpCatcher();
  process.env.SMTP_URL = catcher.url;
  process.env.SMTP_FROM = "Replyhour <reports@replyhour.test>";
  process.env.REPLYHOUR_URL = "https://replyhour.example";
});
afterAll(async () => {
  await catcher.close();
  process.env.SMTP_URL = saved.url;
  process.env.SMTP_FROM = saved.from;
  process.env.REPLYHOUR_URL = saved.base;
});

async function seed() {
  const { db, file } = testDb();
  const brand = await createBrand({ db, slug: uniqueSlug("kofe"), name: "Кофейня «Зерно»", timezone: TZ, actor: cliActor });
  const manager = await makeMember({ db, brandId: brand.id, role: "manager" });
  const quiet = await makeMember({ db, brandId: brand.id, role: "manager" });
  const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
  const [channel] = await brandChannels({ db, brandId: brand.id });
  // Last week (9–15 March): three requests answered in 10, 30 and 120 minutes; the week before: one in 5.
  const asked = [["a", "2026-03-10T08:00:00Z", 10], ["b", "2026-03-11T09:00:00Z", 30], ["c", "2026-03-12T10:00:00Z", 120], ["d", "2026-03-03T08:00:00Z", 5]] as const;
  const items = asked.flatMap(([id, at, minutes]) => [
    { channelId: channel.id, event: inboundEventSchema.parse({ externalId: `${id}-q`, author: { id: `u-${id}` }, text: "Где мой заказ?", createdAt: at }) },
    { channelId: channel.id, userId: agent.id, event: inboundEventSchema.parse({ externalId: `${id}-a`, author: { id: "brand" }, text: "Уже смотрим", createdAt: new Date(Date.parse(at) + minutes * 60_000).toISOString(), inReplyTo: `${id}-q`, direction: "outbound" }) },
  ]);
  items.sort((x, y) => x.event.createdAt.localeCompare(y.event.createdAt));
  await ingestBatch({ db, brandId: brand.id, items, now: MONDAY_8, classifyText: classify });
  return { db, file, brand, manager, quiet, agent };
}

describe("weekly report", () => {
  it("figures last week against the week before, for managers only", async () => {
    const { db, brand, manager, agent } = await seed();
    const user = (await loadSessionUser({ db, userId: manager.id }))!;
    const report = await buildWeeklyReport({ db, actor: { kind: "member", user }, brandId: brand.id, now: MONDAY_8 });
    expect(report.week).toBe("2026-03-09");
    expect(report.current).toMatchObject({ requests: 3, answered: 3, medianSeconds: 1800, p90Seconds: 7200, withinTargetShare: 2 / 3, breaches: 1 });
    expect(report.current.breachesByHour[12]).toBe(1); // 10:00 UTC is 12:00 in Sofia
    expect(report.previous).toMatchObject({ requests: 1, medianSeconds: 300, breaches: 0 });
    expect(report.staffing).toBeNull();
    const withGap = await buildWeeklyReport({ db, actor: { kind: "member", user }, brandId: brand.id, now: MONDAY_8, staffingGap: async () => ({ hours: [{ weekday: 3, hour: 18, gap: 2 }] }) });
    expect(withGap.staffing?.hours).toHaveLength(1);
    const agentUser = (await loadSessionUser({ db, userId: agent.id }))!;
    await expect(buildWeeklyReport({ db, actor: { kind: "member", user: agentUser }, brandId: brand.id })).rejects.toMatchObject({ status: 403 });
    const other = await createBrand({ db, slug: uniqueSlug(), name: "Other", actor: cliActor });
    await expect(buildWeeklyReport({ db, actor: { kind: "member", user }, brandId: other.id })).rejects.toMatchObject({ status: 404 });
    expect(lastWeek({ now: Date.parse("2026-03-15T21:59:00Z"), timeZone: TZ }).week).toBe("2026-03-02"); // still Sunday in Sofia
  });

  it("e-mails each opted-in manager once on Monday morning, even with two workers racing, and unsubscribes by its link", async () => {
    const { db, file, brand, manager, quiet, agent } = await seed();
    const user = (await loadSessionUser({ db, userId: manager.id }))!;
    await setWeeklyReportOptIn({ db, user, brandId: brand.id, subscribed: true });
    expect(await weeklyReportChoices({ db, user })).toEqual([{ brandId: brand.id, name: brand.name, subscribed: true }]);
    const agentUser = (await loadSessionUser({ db, userId: agent.id }))!;
    await expect(setWeeklyReportOptIn({ db, user: agentUser, brandId: brand.id, subscribed: true })).rejects.toMatchObject({ status: 403 });
    const before = catcher.mails.length;
    // Sunday evening: nothing yet.
    expect(await sendWeeklyReports({ db, now: MONDAY_8 - 12 * 3_600_000 })).toBe(0);
    // On PostgreSQL a second connection pool, as a second server has; SQLite serves one process.
    const second = onPostgres() ? openAgain(file) : db;
    const [a, b] = await Promise.all([sendWeeklyReports({ db, now: MONDAY_8 }), sendWeeklyReports({ db: second, now: MONDAY_8 + 1000 })]);
    expect(a + b).toBe(1);
    expect(await sendWeeklyReports({ db, now: MONDAY_8 + 3_600_000 })).toBe(0);
    const mails = catcher.mails.slice(before);
    expect(mails.map((m) => m.to)).toEqual([[manager.email]]);
    expect(mails.some((m) => m.to.includes(quiet.email))).toBe(false);
    const mail = mails[0].parsed;
    expect(mail.subject).toBe("Кофейня «Зерно»: weekly report, 2026-03-09 – 2026-03-15");
    expect(mail.text).toContain("Requests: 3");
    const images = mail.attachments.filter((x) => x.contentType === "image/png");
    expect(images).toHaveLength(2);
    for (const image of images) {
      expect(image.content.subarray(1, 4).toString()).toBe("PNG");
      expect(image.cid).toBeTruthy();
    }
    // mailparser puts an inline image in place of each cid: reference it could resolve.
    expect(String(mail.html).match(/src="data:image\/png;base64,/g)).toHaveLength(2);
    const raw = mails[0].raw.toString();
    expect(raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const link = /^List-Unsubscribe:\s*<([^>]+)>/m.exec(raw)![1].replace(/\s+/g, "");
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe("https://replyhour.example/reports/unsubscribe");
    const params = { userId: Number(url.searchParams.get("u")), brandId: Number(url.searchParams.get("b")), token: url.searchParams.get("t")! };
    expect(await unsubscribeByToken({ db, ...params, token: params.token.slice(0, -2) + "xx" })).toBeNull();
    expect(await unsubscribeByToken({ db, ...params, brandId: params.brandId + 1 })).toBeNull();
    expect(await unsubscribeByToken({ db, ...params })).toEqual({ brand: brand.name });
    expect(await sendWeeklyReports({ db, now: MONDAY_8 + 7 * 86_400_000 })).toBe(0);
  });

  it("is a PDF with DejaVu Sans embedded for a Cyrillic brand name", async () => {
    const { db, brand, manager } = await seed();
    const user = (await loadSessionUser({ db, userId: manager.id }))!;
    const report = await buildWeeklyReport({ db, actor: { kind: "member", user }, brandId: brand.id, now: MONDAY_8 });
    const pdf = await weeklyReportPdf({ report, t: translator("ru"), locale: "ru" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toContain("/FontFile2");
    // The subset font maps its glyphs back to Unicode, so the Cyrillic name can be copied out.
    expect(raw).toContain("/ToUnicode");
    expect(raw).toContain("/Subtype /Image");
  });
});
