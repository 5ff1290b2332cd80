import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, signIn } from "./browser";

let browser: Browser;
const base = () => inject("baseUrl");
const url = () => `${base()}/settings/sla?brand=e2e-air`;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function stored<T>(sql: string): T[] {
  const db = new Database(inject("databasePath"), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe("Settings → Response targets in Chromium", () => {
  it("lets an admin add business hours and a policy, with a live preview from the SLA engine", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, inject("people").admin);
    await page.waitForURL(/\/inbox/);
    await page.goto(url());
    await page.getByRole("heading", { name: "Response targets — E2E Air" }).waitFor();

    // New calendar: Mon–Fri 09:00–17:00 is prefilled; add Saturday morning and a holiday.
    await page.getByText("Add a calendar").click();
    const calendar = page.getByRole("form", { name: "New calendar" });
    await calendar.locator("#calendar-new-name").fill("Office hours");
    expect(await calendar.locator("#calendar-new-tz").inputValue()).toBe("Europe/Amsterdam");
    const preview = page.getByTestId("calendar-new-preview");
    // With the default 1 h target, Friday 18:30 under Mon–Fri 09:00–17:00 is due Monday 10:00.
    await expect.poll(async () => (await preview.textContent()) ?? "", { timeout: 15_000 }).toMatch(/Friday evening \(Fri [^)]*18:30\) would be due Mon [^—]*10:00/);
    await calendar.getByRole("button", { name: "Add hours on Saturday" }).click();
    await calendar.getByLabel("Saturday opens (1)").fill("10:00");
    await calendar.getByLabel("Saturday closes (1)").fill("14:00");
    await calendar.getByLabel("Holiday date").fill("2026-12-25");
    await calendar.getByRole("button", { name: "Add holiday" }).click();
    await calendar.getByText("2026-12-25").waitFor();
    // The preview follows the edit: now the Saturday morning counts.
    await expect.poll(async () => (await preview.textContent()) ?? "", { timeout: 15_000 }).toMatch(/Friday evening \(Fri [^)]*18:30\) would be due Sat [^—]*11:00/);
    await calendar.getByRole("button", { name: "Add calendar" }).click();
    await page.getByText("Calendar “Office hours” was added").waitFor();
    await page.getByRole("listitem", { name: "Calendar Office hours" }).getByText("Mon–Fri 09:00–17:00 · Sat 10:00–14:00").waitFor();

    // New policy: 15 minutes for urgent conversations under those hours.
    await page.getByText("Add a policy").click();
    const policy = page.getByRole("form", { name: "New policy" });
    await policy.locator("#policy-new-name").fill("Urgent");
    await policy.locator("#policy-new-frt").fill("15");
    await policy.getByLabel("First-response target unit").selectOption("minutes");
    await policy.getByLabel("Calendar").selectOption({ label: "Office hours (Europe/Amsterdam)" });
    await policy.getByLabel("Priority").selectOption("urgent");
    await policy.getByLabel("Category").selectOption("");
    const policyPreview = page.getByTestId("policy-new-preview");
    await expect.poll(async () => (await policyPreview.textContent()) ?? "", { timeout: 15_000 }).toMatch(/Friday evening \(Fri [^)]*18:30\) would be due Sat [^—]*10:15/);
    await policy.getByRole("button", { name: "Add policy" }).click();
    await page.getByText("Policy “Urgent” was added").waitFor();
    await page.getByRole("listitem", { name: "Policy Urgent" }).getByText("Only urgent priority").waitFor();

    const [row] = stored<{ first_response_seconds: number; priority: string; category: string | null; calendar: string; intervals: string }>(
      `SELECT p.first_response_seconds, p.priority, p.category, c.name AS calendar, c.intervals FROM sla_policies p JOIN calendars c ON c.id = p.calendar_id
        WHERE p.name = 'Urgent' AND p.brand_id = (SELECT id FROM brands WHERE slug = 'e2e-air')`,
    );
    expect(row).toMatchObject({ first_response_seconds: 900, priority: "urgent", category: null, calendar: "Office hours" });
    expect(JSON.parse(row.intervals)).toContainEqual({ day: 6, start: "10:00", end: "14:00" });
    const audit = stored<{ action: string }>("SELECT action FROM audit_log WHERE action IN ('calendar.create', 'sla_policy.create')");
    expect(audit.map((a) => a.action).sort()).toEqual(["calendar.create", "sla_policy.create"]);
    await context.close();
  });

  it("shows an agent the targets without any way to change them", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, inject("people").agent);
    await page.waitForURL(/\/inbox/);
    await page.goto(url());
    await page.getByRole("heading", { name: "Response targets — E2E Air" }).waitFor();
    expect(await page.getByRole("note").textContent()).toContain("only admins of E2E Air can change them");
    await page.getByRole("listitem", { name: "Policy Default" }).waitFor();
    const settings = page.getByTestId("sla-settings");
    expect(await settings.locator("form").count()).toBe(0);
    expect(await settings.getByRole("button").count()).toBe(0);
    expect(await settings.getByText("Add a policy").count()).toBe(0);
    await context.close();
  });
});
