import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { ingestToken, launch, postEvents, signIn } from "./browser";

// The other brand's admin turns retention on from Settings → Brands: the first save answers how
// many texts it would erase, and only the confirmed one saves.
let browser: Browser;
const base = () => inject("baseUrl");
const DAY = 86_400_000;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const retentionOf = (slug: string) => {
  const db = new Database(inject("databasePath"), { readonly: true });
  try {
    return (db.prepare("SELECT retention_months AS months FROM brands WHERE slug = ?").get(slug) as { months: number | null }).months;
  } finally {
    db.close();
  }
};

describe("data retention in brand settings", () => {
  it("shows how many texts it would erase before saving, then saves and turns off again", async () => {
    const token = await ingestToken("retention", "e2e-other");
    const old = (n: number) => ({ externalId: `ret-${Date.now()}-${n}`, text: `An old question ${n}?`, createdAt: new Date(Date.now() - 400 * DAY - n * 1000).toISOString(), author: { id: `ret-${n}` } });
    await postEvents(token, [old(1), old(2)]);

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "outsider@e2e.test");
    await page.waitForURL(/\/inbox/);
    await page.goto(`${base()}/settings/brands?brand=e2e-other`);
    const section = page.getByRole("region", { name: "Data retention" });
    await section.getByText("Now: off").waitFor();
    await section.getByLabel("Keep message texts for (months)").fill("12");
    await section.getByRole("button", { name: "Save", exact: true }).click();
    const warning = section.getByRole("alert").filter({ hasText: "older than 12 months" });
    await warning.waitFor();
    expect(await warning.textContent()).toContain("2 messages are older than 12 months");
    expect(retentionOf("e2e-other")).toBeNull();

    await section.getByRole("button", { name: "Erase and save" }).click();
    await section.getByRole("status").filter({ hasText: "Retention saved: 12 months." }).waitFor();
    expect(retentionOf("e2e-other")).toBe(12);
    await section.getByText("Now: 12 months").waitFor();

    await section.getByLabel("Keep message texts for (months)").fill("");
    await section.getByRole("button", { name: "Save", exact: true }).click();
    await section.getByRole("status").filter({ hasText: "Retention saved: off." }).waitFor();
    expect(retentionOf("e2e-other")).toBeNull();
    await context.close();
  });
});
