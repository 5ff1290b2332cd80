import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { openDatabase, closeDatabase } from "@/db/client";
import { createChannel, setChannelPaused } from "@/lib/channels/channels";
import { launch, signIn } from "./browser";
import { sqlite } from "../helpers/db";

let browser: Browser;
const base = () => inject("baseUrl");
let channelName: string;

beforeAll(async () => {
  browser = await launch();
  const db = openDatabase({ file: inject("databasePath"), runMigrations: false });
  const brand = sqlite(db).prepare("SELECT id FROM brands WHERE slug = 'e2e-air'").get() as { id: number };
  const admin = sqlite(db).prepare("SELECT id, email FROM users WHERE email = ?").get(inject("people").admin) as { id: number; email: string };
  const actor = { userId: admin.id, label: admin.email };
  channelName = `Audit site ${Date.now()}`;
  const channel = await createChannel({ db, brandId: brand.id, kind: "web", name: channelName, actor });
  await setChannelPaused({ db, brandId: brand.id, id: channel.id, paused: true, actor });
  // Enough entries of one kind to need a second page.
  const insert = sqlite(db).prepare("INSERT INTO audit_log (brand_id, user_id, actor, action, object_type, object_id, after, created_at) VALUES (?, ?, ?, 'rule.update', 'e2e_paging', ?, ?, ?)");
  for (let i = 0; i < 57; i++) insert.run(brand.id, admin.id, admin.email, String(i), JSON.stringify({ n: i }), Date.now() - i * 1000);
  closeDatabase(db);
});

afterAll(async () => {
  await browser?.close();
});

describe("the audit log page", () => {
  it("shows an admin who did what, filters in the URL, a readable diff and keyset pages", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, inject("people").admin);
    await page.waitForURL(/\/inbox/);
    await page.goto(`${base()}/settings/audit?brand=e2e-air`);
    await page.getByRole("heading", { name: "Audit log of E2E Air" }).waitFor();
    expect(await page.getByTestId("audit-entry").count()).toBe(50);

    // Filter by object type with the keyboard-usable form; the filter lands in the URL.
    await page.getByLabel("Object type").selectOption("channel");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/objectType=channel/);
    // Only channel entries (other specs may add channels to this brand before this one runs).
    const rows = page.getByTestId("audit-entry");
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/channel\./);
    const pause = rows.filter({ hasText: "channel.pause" });
    expect(await pause.textContent()).toContain(inject("people").admin);
    expect(await pause.locator("del").textContent()).toContain("active");
    expect(await pause.locator("ins").textContent()).toContain("paused");
    // The widget spec creates its own web channel in this brand, so pick this spec's entry by name.
    expect(await rows.filter({ hasText: "channel.create" }).filter({ hasText: channelName }).count()).toBe(1);

    // A link reproduces the view; paging walks all 57 entries once.
    await page.goto(`${base()}/settings/audit?brand=e2e-air&objectType=e2e_paging`);
    expect(await rows.count()).toBe(50);
    await page.getByRole("link", { name: "Older entries →" }).click();
    await page.waitForURL(/cursor=/);
    expect(await rows.count()).toBe(7);
    expect(await page.getByRole("link", { name: "Older entries →" }).count()).toBe(0);
    await page.goto(`${base()}/settings/audit?brand=e2e-air&objectType=e2e_paging&from=2001-01-01&to=2001-01-02`);
    await page.getByText("No entries match these filters").waitFor();
    await context.close();
  });

  it("is for admins of the brand only", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, inject("people").manager);
    await page.waitForURL(/\/inbox/);
    await page.goto(`${base()}/settings/audit?brand=e2e-air`);
    expect(await page.locator("main").last().textContent()).toContain("No access");
    await context.close();
    const outsider = await browser.newContext();
    const other = await outsider.newPage();
    await signIn(other, "outsider@e2e.test");
    await other.waitForURL(/\/inbox/);
    await other.goto(`${base()}/settings/audit`);
    await other.getByRole("heading", { name: "Audit log of Other Brand" }).waitFor();
    const text = await other.locator("body").textContent();
    expect(text).not.toContain(channelName);
    expect(text).not.toContain("e2e_paging");
    await outsider.close();
  });
});
