import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { Browser } from "playwright-core";
import { launch, signIn } from "./browser";

let browser: Browser;
const base = () => inject("baseUrl");

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("sign-in and roles in Chromium", () => {
  it("redirects a signed-out visit to /inbox to the sign-in page", async () => {
    const page = await browser.newPage();
    await page.goto(`${base()}/inbox`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect(page.getByRole("button", { name: "Sign in" }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("shows an error for a wrong password and keeps the e-mail", async () => {
    const page = await browser.newPage();
    await signIn(page, inject("people").agent, "not-the-password-1");
    const alert = page.locator("#login-error [role=alert]");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Wrong e-mail or password");
    expect(await page.getByLabel("E-mail").inputValue()).toBe(inject("people").agent);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.close();
  });

  for (const role of ["admin", "manager", "agent"] as const) {
    it(`signs in as ${role} and reaches the inbox, dashboard and escalations`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, inject("people")[role]);
      await page.waitForURL(/\/inbox/);
      expect(await page.getByTestId("current-user").textContent()).toBe(`E2E ${role}`);
      expect(await page.getByTestId("current-role").textContent()).toBe(role);
      await page.getByRole("link", { name: "Dashboard" }).click();
      await page.waitForURL(/\/dashboard/);
      await page.getByTestId("tile-waiting-now").waitFor();
      await page.goto(`${base()}/escalations`);
      const text = await page.locator("main").textContent();
      // Other tests may have escalated conversations by now: the queue itself is what a manager reaches.
      if (role === "agent") expect(text).toContain("No access");
      else {
        await page.getByRole("heading", { name: /^Escalations — E2E Air/ }).waitFor();
        expect(text).not.toContain("No access");
      }
      await context.close();
    });
  }

  it("keeps an agent out of admin settings", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, inject("people").agent);
    await page.waitForURL(/\/inbox/);
    await expect(page.getByRole("link", { name: "Settings" }).count()).resolves.toBe(0);
    await page.goto(`${base()}/settings/team`);
    expect(await page.locator("main").textContent()).toContain("No access");
    await page.goto(`${base()}/settings/brands`);
    expect(await page.locator("main").textContent()).toContain("No access");
    await context.close();
  });

  it("lets an admin create a teammate with a one-time password", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, inject("people").admin);
    await page.waitForURL(/\/inbox/);
    await page.goto(`${base()}/settings/team`);
    await page.getByLabel("E-mail").fill("newbie@e2e.test");
    await page.getByLabel("Name").fill("New Person");
    await page.getByRole("button", { name: "Add to brand" }).click();
    const secret = page.getByTestId("one-time-password");
    await secret.waitFor();
    const password = (await secret.textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(14);
    await context.close();
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await signIn(other, "newbie@e2e.test", password);
    await other.waitForURL(/\/inbox/);
    expect(await other.getByTestId("current-user").textContent()).toBe("New Person");
    // The one-time password opens only the form that replaces it.
    await other.getByText("You signed in with a one-time password").waitFor();
    await other.getByLabel("Current password").fill(password);
    await other.getByLabel("New password", { exact: true }).fill("Newbie-own-pass-31");
    await other.getByLabel("New password again").fill("Newbie-own-pass-31");
    await other.getByRole("button", { name: "Change password" }).click();
    // The layout re-renders without the form: the inbox opens in the same session.
    await other.getByText("You signed in with a one-time password").waitFor({ state: "detached" });
    await other.goto(`${base()}/inbox`);
    expect(await other.getByText("You signed in with a one-time password").count()).toBe(0);
    await fresh.close();
  });

  it("does not show another brand to an outsider", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "outsider@e2e.test");
    await page.waitForURL(/\/inbox/);
    await page.goto(`${base()}/inbox?brand=e2e-air`);
    expect(await page.locator("body").textContent()).not.toContain("E2E Air");
    await context.close();
  });
});
