import path from "node:path";
import PDFDocument from "pdfkit";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { chartPng, reportCharts } from "./charts";
import { presentReport } from "./present";
import type { WeeklyReport } from "./report";

// DejaVu Sans from its npm package: every Cyrillic and Albanian letter, embedded (subset) in the file.
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

/** The weekly report as an A4 PDF: the same figures and charts as the page and the e-mail. */
export async function weeklyReportPdf({ report, t, locale }: { report: WeeklyReport; t: Translate; locale: Locale }): Promise<Buffer> {
  const view = presentReport({ report, t, locale });
  const charts = await Promise.all(reportCharts({ report, t, locale }).map(async (chart) => ({ chart, png: await chartPng(chart) })));
  const doc = new PDFDocument({ size: "A4", margin: 40, info: { Title: view.title, Author: "Replyhour" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("body", path.join(FONT_DIR, "DejaVuSans.ttf"));
  doc.registerFont("bold", path.join(FONT_DIR, "DejaVuSans-Bold.ttf"));
  doc.font("bold").fontSize(16).text(view.title);
  doc.font("body").fontSize(10).fillColor("#52525b").text(view.period).moveDown();
  const columns = [40, 250, 350, 450];
  const heading = [t("reports.weekly.figure"), t("reports.weekly.lastWeek"), t("reports.weekly.weekBefore"), t("reports.weekly.change")];
  const line = (cells: string[], font: "body" | "bold") => {
    const y = doc.y;
    doc.font(font).fontSize(10).fillColor("#18181b");
    cells.forEach((cell, i) => doc.text(cell, columns[i], y, { width: (columns[i + 1] ?? 555) - columns[i] - 8 }));
    doc.x = 40;
    doc.moveDown(0.4);
  };
  line(heading, "bold");
  for (const row of view.rows) line([row.label, row.current, row.previous, row.change], "body");
  doc.moveDown();
  doc.font("bold").fontSize(12).text(t("reports.weekly.busiest"), 40);
  doc.font("body").fontSize(10).text(view.busiest.length ? view.busiest.join("\n") : t("reports.weekly.busiestNone"));
  if (view.staffing) {
    doc.moveDown();
    doc.font("bold").fontSize(12).text(t("reports.weekly.staffing"));
    doc.font("body").fontSize(10).text(view.staffing.length ? view.staffing.join("\n") : t("reports.weekly.staffingNone"));
  }
  for (const { chart, png } of charts) {
    if (doc.y > 560) doc.addPage();
    doc.moveDown();
    doc.image(png, 40, doc.y, { width: 515 });
    doc.y += 515 * (240 / 600) + 8;
    doc.font("body").fontSize(8).fillColor("#71717a").text(chart.title, 40);
  }
  doc.end();
  return done;
}
