import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ingestToken, launch, postEvents, signIn } from "./browser";
import { overflowingElements, seriousViolations, sidewaysOverflow } from "./axe";

// axe-core on every main page, as an admin sees it, at a laptop's and a phone's width.
const base = () => inject("baseUrl");
const WIDTHS = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;
let browser: Browser;
let conversationId: number;

beforeAll(async () => {
  browser = await launch();
  const stamp = Date.now();
  // A negative public comment: it is escalated by the default rule, so the queue and the timeline have content.
  const accepted = (await postEvents(await ingestToken("axe"), [
    { externalId: `axe-${stamp}`, text: `Terrible service, my bag ${stamp} is lost and nobody answers!`, createdAt: new Date().toISOString(), author: { id: `axe-${stamp}`, name: "Axel Checker", handle: "axel" } },
  ])) as { events: { conversationId: string }[] };
  conversationId = Number(accepted.events[0].conversationId);
});

afterAll(async () => {
  await browser?.close();
});

const PAGES = () => [
  ["inbox", "/inbox?brand=e2e-air"],
  ["conversation", `/inbox?brand=e2e-air&view=all&c=${conversationId}`],
  ["escalations", "/escalations?brand=e2e-air"],
  ["dashboard", "/dashboard?brand=e2e-air"],
  ...["brands", "team", "channels", "sla", "templates", "escalation", "audit", "staffing"].map((p) => [`settings/${p}`, `/settings/${p}?brand=e2e-air`]),
  // Push settings per device, and the page the service worker shows offline.
  ["account", "/account"],
  ["offline", "/offline"],
];

async function settle(page: Page, path: string): Promise<void> {
  await page.goto(`${base()}${path}`);
  await page.locator("main:visible, section:visible, article:visible").first().waitFor();
  // Client components (charts, live timers) render after hydration.
  await page.waitForTimeout(500);
}

describe("accessibility in Chromium", () => {
  for (const { name, viewport } of WIDTHS) {
    it(`has no serious or critical axe violation on any main page (${name}, ${viewport.width} px), and nothing scrolls sideways`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await signIn(page, inject("people").admin);
      await page.waitForURL(/\/inbox/);
      const found: Record<string, unknown> = {};
      const overflow: Record<string, { px: number; elements: string[] }> = {};
      for (const [label, path] of PAGES()) {
        await settle(page, path);
        const violations = await seriousViolations(page);
        if (violations.length) found[label] = violations;
        const sideways = await sidewaysOverflow(page);
        if (sideways > 0) overflow[label] = { px: sideways, elements: await overflowingElements(page) };
      }
      expect(found).toEqual({});
      expect(overflow).toEqual({});
      await context.close();
    }, 180_000);
  }

  it("finds the same nothing in the dark theme on a phone", async () => {
    const context = await browser.newContext({ viewport: WIDTHS[1].viewport, colorScheme: "dark" });
    const page = await context.newPage();
    await signIn(page, inject("people").admin);
    await page.waitForURL(/\/inbox/);
    const found: Record<string, unknown> = {};
    for (const [label, path] of PAGES().slice(0, 4)) {
      await settle(page, path);
      const violations = await seriousViolations(page);
      if (violations.length) found[label] = violations;
    }
    expect(found).toEqual({});
    await context.close();
  }, 120_000);
});
