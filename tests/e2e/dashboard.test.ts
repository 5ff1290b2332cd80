import { operator } from "@/lib/auth/authorize";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { openDatabase, type Db, closeDatabase } from "@/db/client";
import type { Classification } from "@/lib/classify/types";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { figureSentence } from "@/lib/metrics/badge";
import { formatDuration } from "@/lib/metrics/format";
import type { PublicFigure } from "@/lib/metrics/live";
import { parseRange } from "@/lib/metrics/local-time";
import { responseTimeReport } from "@/lib/metrics/report";
import { launch, signIn } from "./browser";
import { sqlite } from "../helpers/db";

const SLUG = "e2e-air";
const MIN = 60_000;
const base = () => inject("baseUrl");
const request = (): Classification => ({
  language: "en", category: "request", complaint: false, sentiment: "neutral", sentimentScore: 0, confidence: 1, reasons: [], modelVersion: "test",
});

let browser: Browser;
let db: Db;
let brand: { id: number; timezone: string };

beforeAll(async () => {
  browser = await launch();
  db = openDatabase({ file: inject("databasePath"), runMigrations: false });
  brand = sqlite(db).prepare("SELECT id, timezone FROM brands WHERE slug = ?").get(SLUG) as typeof brand;
  const channel = sqlite(db).prepare("SELECT id FROM channels WHERE brand_id = ? AND kind = 'api'").get(brand.id) as { id: number };
  const now = Date.now();
  // Three requests answered in the last hour after 10, 20 and 30 minutes.
  const events = [50, 40, 30].flatMap((ago, i) => [
    { externalId: `dash-q${i}`, author: { id: `dash-u${i}` }, text: "Where is my bag?", createdAt: new Date(now - ago * MIN).toISOString() },
    { externalId: `dash-a${i}`, author: { id: "e2e-air" }, text: "Found it", createdAt: new Date(now - ago * MIN + (i + 1) * 10 * MIN).toISOString(), inReplyTo: `dash-q${i}`, direction: "outbound" as const },
  ]);
  events.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  await ingestBatch({ db, brandId: brand.id, items: events.map((e) => ({ event: inboundEventSchema.parse(e), channelId: channel.id })), now, classifyText: request });
});

afterAll(async () => {
  if (db) closeDatabase(db);
  await browser?.close();
});

describe("manager dashboard in Chromium", () => {
  it("shows range figures that match the database, and exports CSV", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, inject("people").manager);
    await page.waitForURL(/\/inbox/);
    await page.goto(`${base()}/dashboard?brand=${SLUG}`);
    await page.getByTestId("tile-waiting-now").waitFor();
    const range = parseRange({ timeZone: brand.timezone });
    const expected = (await responseTimeReport({ actor: operator, db, brandSlug: SLUG, from: new Date(range.from), to: new Date(range.to) })).overall;
    expect(expected.answered).toBeGreaterThanOrEqual(3);
    const summary = await page.getByTestId("range-summary").textContent();
    expect(summary).toContain(`${expected.answered} answered, median ${formatDuration({ seconds: expected.medianSeconds!, locale: "en" })}`);
    expect(summary).toContain(`${expected.unanswered} requests without a reply`);
    await expect(page.getByRole("heading", { name: "First response by day" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: "Agents" }).isVisible()).resolves.toBe(true);
    // A chart switches to its numbers as a table, and back with the arrow keys.
    const daily = page.getByRole("region", { name: "First response by day" });
    // The chart is drawn in the browser, once the page has hydrated.
    await daily.locator("svg.recharts-surface").first().waitFor();
    const asTable = daily.getByRole("tab", { name: "Table" });
    await asTable.click();
    const shown = daily.getByRole("tabpanel").getByRole("table");
    await shown.waitFor();
    expect(await shown.getByRole("row").count()).toBeGreaterThan(1);
    await asTable.press("ArrowLeft");
    await expect.poll(() => daily.getByRole("tab", { name: "Chart" }).getAttribute("aria-selected")).toBe("true");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "daily", exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^e2e-air-daily-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, "utf8").split("\r\n");
    expect(csv[0]).toBe("day,answered,unanswered,median_seconds,p90_seconds,within_target_share");
    const answered = csv.slice(1).filter(Boolean).reduce((n, line) => n + Number(line.split(",")[1]), 0);
    expect(answered).toBe(expected.answered);
    await context.close();
  });

  it("shows an agent the tiles only and refuses them the export", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, inject("people").agent);
    await page.waitForURL(/\/inbox/);
    await page.goto(`${base()}/dashboard?brand=${SLUG}`);
    await page.getByTestId("tile-waiting-now").waitFor();
    await expect(page.getByRole("heading", { name: "First response by day" }).count()).resolves.toBe(0);
    const response = await context.request.get(`${base()}/dashboard/export?table=daily&brand=${SLUG}`);
    expect(response.status()).toBe(403);
    const signedOut = await fetch(`${base()}/dashboard/export?table=daily&brand=${SLUG}`, { redirect: "manual" });
    expect([302, 303, 307, 401]).toContain(signedOut.status);
    await context.close();
  });
});

describe("public live figure", () => {
  it("is 404 until the brand enables it, then the status page and badge show it", async () => {
    const api = `${base()}/api/public/brands/${SLUG}/response-time`;
    sqlite(db).prepare("UPDATE brands SET public_status = 0 WHERE id = ?").run(brand.id);
    for (const url of [api, `${api}.svg`, `${base()}/status/${SLUG}`]) expect((await fetch(url)).status).toBe(404);
    expect(await (await fetch(api)).json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });

    sqlite(db).prepare("UPDATE brands SET public_status = 1 WHERE id = ?").run(brand.id);
    const response = await fetch(api);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const figure = (await response.json()) as PublicFigure;
    expect(Object.keys(figure).sort()).toEqual(["basis", "brand", "displaySeconds", "medianSeconds", "oldestWaitingSeconds", "sampleSize", "targetSeconds", "updatedAt", "waitingMedianSeconds"]);
    expect(figure.sampleSize).toBeGreaterThanOrEqual(3);
    expect(figure.basis === "60m" || figure.basis === "24h").toBe(true);
    expect(figure.displaySeconds).toBeGreaterThanOrEqual(figure.medianSeconds!);

    const badge = await fetch(`${api}.svg`);
    expect(badge.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(await badge.text()).toContain(figureSentence({ figure }));

    const page = await browser.newPage();
    await page.goto(`${base()}/status/${SLUG}`);
    expect(await page.getByTestId("live-figure").textContent()).toBe(figureSentence({ figure }));
    await expect(page.getByRole("button", { name: "Sign out" }).count()).resolves.toBe(0);
    await page.close();
  });
});
