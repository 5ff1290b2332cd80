import type { SystemMail } from "@/lib/outbound/clients/email";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { chartPng, reportCharts } from "./charts";
import { presentReport } from "./present";
import type { WeeklyReport } from "./report";
import { escapeHtml } from "@/lib/security/html";


/**
 * The report e-mail: an HTML table and the charts as PNG attachments shown inline by cid (mail
 * clients block remote and SVG images), a plain-text part, and a one-click unsubscribe (RFC 8058).
 */
export async function weeklyReportMail({ report, t, locale, to, reportUrl, unsubscribeUrl, key }: { report: WeeklyReport; t: Translate; locale: Locale; to: string; reportUrl: string; unsubscribeUrl: string; key: string }): Promise<SystemMail> {
  const view = presentReport({ report, t, locale });
  const charts = await Promise.all(reportCharts({ report, t, locale }).map(async (chart) => ({ chart, png: await chartPng(chart), cid: `${chart.id}.${key}@replyhour` })));
  const cell = "padding:4px 8px;border-bottom:1px solid #e4e4e7;text-align:left";
  const list = (items: string[], empty: string) => (items.length ? `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>` : `<p>${escapeHtml(empty)}</p>`);
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:Arial,sans-serif;color:#18181b;max-width:640px">`,
    `<h1 style="font-size:20px">${escapeHtml(view.title)}</h1><p style="color:#52525b">${escapeHtml(view.period)}</p>`,
    `<table style="border-collapse:collapse;width:100%"><thead><tr>${[t("reports.weekly.figure"), t("reports.weekly.lastWeek"), t("reports.weekly.weekBefore"), t("reports.weekly.change")].map((h) => `<th style="${cell}">${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>`,
    ...view.rows.map((r) => `<tr><td style="${cell}">${escapeHtml(r.label)}</td><td style="${cell}"><b>${escapeHtml(r.current)}</b></td><td style="${cell}">${escapeHtml(r.previous)}</td><td style="${cell}">${escapeHtml(r.change)}</td></tr>`),
    `</tbody></table>`,
    `<h2 style="font-size:16px">${escapeHtml(t("reports.weekly.busiest"))}</h2>${list(view.busiest, t("reports.weekly.busiestNone"))}`,
    view.staffing ? `<h2 style="font-size:16px">${escapeHtml(t("reports.weekly.staffing"))}</h2>${list(view.staffing, t("reports.weekly.staffingNone"))}` : "",
    ...charts.map(({ chart, cid }) => `<p><img src="cid:${cid}" width="600" height="240" alt="${escapeHtml(chart.title)}" style="max-width:100%;height:auto"></p>`),
    `<p><a href="${escapeHtml(reportUrl)}">${escapeHtml(t("reports.weekly.open"))}</a></p>`,
    `<p style="color:#71717a;font-size:12px">${escapeHtml(t("reports.weekly.why", { brand: report.brand.name }))} <a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(t("reports.weekly.unsubscribe"))}</a></p>`,
    `</body></html>`,
  ].join("\n");
  const text = [
    view.title,
    view.period,
    "",
    ...view.rows.map((r) => `${r.label}: ${r.current} (${t("reports.weekly.weekBefore")}: ${r.previous}, ${r.change})`),
    "",
    `${t("reports.weekly.busiest")}:`,
    ...(view.busiest.length ? view.busiest.map((b) => `- ${b}`) : [t("reports.weekly.busiestNone")]),
    ...(view.staffing ? ["", `${t("reports.weekly.staffing")}:`, ...(view.staffing.length ? view.staffing.map((s) => `- ${s}`) : [t("reports.weekly.staffingNone")])] : []),
    "",
    `${t("reports.weekly.open")}: ${reportUrl}`,
    `${t("reports.weekly.unsubscribe")}: ${unsubscribeUrl}`,
  ].join("\n");
  return {
    to,
    subject: t("reports.weekly.subject", { brand: report.brand.name, from: report.current.fromDay, to: report.current.toDay }),
    text,
    html,
    attachments: charts.map(({ chart, png, cid }) => ({ filename: `${chart.id}.png`, content: png, contentType: "image/png", cid })),
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    key,
  };
}
