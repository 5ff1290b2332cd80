import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch } from "./browser";
import { overflowingElements, seriousViolations, sidewaysOverflow } from "./axe";

// The API reference, signed out, on a phone and from the keyboard alone.
const base = () => inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe("the API reference page", () => {
  it("lists every operation of the document, reads on a phone and works from the keyboard", async () => {
    const doc = (await (await fetch(`${base()}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const response = await page.goto(`${base()}/api/docs`);
    expect(response?.status()).toBe(200);
    for (const [path, methods] of Object.entries(doc.paths))
      for (const method of Object.keys(methods)) await page.getByRole("heading", { level: 2, name: `${method.toUpperCase()} ${path}`, exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const sideways = await sidewaysOverflow(page);
    expect(sideways, (await overflowingElements(page)).join(", ")).toBe(0);

    // Tab to the reply operation in the list and follow it with Enter.
    const link = page.getByRole("navigation", { name: "Operations" }).getByRole("link", { name: /POST \/api\/v1\/conversations\/\{id\}\/replies/ });
    for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#post-api-v1-conversations-id-replies");

    // A schema opens from the keyboard.
    const summary = page.locator("#schema-ReplyBody summary");
    await summary.focus();
    await page.keyboard.press("Enter");
    expect(await page.locator("#schema-ReplyBody").evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    await context.close();
  }, 60_000);
});
