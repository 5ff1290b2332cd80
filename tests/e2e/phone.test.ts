import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { choose, ingestToken, launch, postEvents, signIn } from "./browser";
import { overflowingElements, sidewaysOverflow } from "./axe";

// An agent on a 390×844 phone: views → list → conversation → back, one pane at a time, led by the URL.
const base = () => inject("baseUrl");
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
let browser: Browser;
let sqlite: Database.Database;

beforeAll(async () => {
  browser = await launch();
  sqlite = new Database(inject("databasePath"), { readonly: true });
  sqlite.pragma("busy_timeout = 5000");
});

afterAll(async () => {
  await browser?.close();
  sqlite?.close();
});

describe("the phone layout in Chromium", () => {
  it("switches to the dark theme from the header menu and keeps it on the next page", async () => {
    const context = await browser.newContext({ ...PHONE, colorScheme: "light" });
    const page = await context.newPage();
    await signIn(page, inject("people").agent);
    await page.waitForURL(/\/inbox/);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe("rgb(255, 255, 255)");
    await page.getByRole("button", { name: "Menu" }).tap();
    await page.getByRole("button", { name: "Theme" }).click();
    await page.getByRole("menuitemradio", { name: "Dark" }).click();
    await expect.poll(background).not.toBe("rgb(255, 255, 255)");
    await page.waitForTimeout(500);
    await page.goto(`${base()}/dashboard`);
    expect(await page.evaluate(() => document.documentElement.className)).toBe("dark");
    expect(await background()).not.toBe("rgb(255, 255, 255)");
    await context.close();
  });

  it("lets an agent triage and answer a conversation at 390×844", async () => {
    const marker = `ph${Date.now().toString(36)}`;
    const accepted = (await postEvents(await ingestToken("phone"), [
      { externalId: `${marker}-1`, text: `Hello, my booking ${marker} shows the wrong date, can you fix it?`, createdAt: new Date().toISOString(), author: { id: `${marker}-a`, name: `Pia Phone ${marker}`, handle: `pia_${marker}` } },
    ])) as { events: { conversationId: string }[] };
    const conversationId = Number(accepted.events[0].conversationId);
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await signIn(page, inject("people").agent);
    await page.waitForURL(/\/inbox/);

    // The header folds into a menu; the main navigation is behind it.
    const mainNav = page.getByRole("navigation", { name: "Main" });
    expect(await mainNav.isVisible()).toBe(false);
    await page.getByRole("button", { name: "Menu" }).tap();
    await mainNav.getByRole("link", { name: "Inbox" }).waitFor();
    await page.getByRole("button", { name: "Close menu" }).tap();
    expect(await mainNav.isVisible()).toBe(false);

    // Views: a disclosure above the list, not a sidebar.
    await page.getByTestId("inbox-views-menu").locator("summary").tap();
    await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: /^Open/ }).tap();
    await page.waitForURL(/view=open/);
    expect(await page.getByRole("region", { name: "Conversation", exact: true }).isVisible()).toBe(false);
    await page.getByRole("searchbox", { name: "Search conversations" }).fill(marker);
    await page.getByRole("searchbox", { name: "Search conversations" }).press("Enter");
    await page.waitForURL(new RegExp(`q=${marker}`));
    const sideways = await sidewaysOverflow(page);
    expect(sideways, `overflowing: ${(await overflowingElements(page)).join(" | ")}`).toBe(0);

    // List → conversation: the list gives way to the conversation, the URL names it.
    await page.getByRole("link", { name: new RegExp(`Pia Phone ${marker}`) }).tap();
    await page.waitForURL(new RegExp(`c=${conversationId}`));
    await page.getByRole("heading", { name: new RegExp(`Pia Phone ${marker}`) }).waitFor();
    expect(await page.locator("[data-inbox-grid]").isVisible()).toBe(false);
    expect(await sidewaysOverflow(page)).toBe(0);
    // The header names the customer: handle and channel, not only the channel.
    expect(await page.getByTestId("conversation-customer").innerText()).toMatch(new RegExp(`@pia_${marker}\\s+on API`));

    // Triage: take it and raise its priority.
    await page.getByRole("button", { name: "Assign to me" }).tap();
    await page.getByRole("button", { name: "Assigned to you" }).waitFor();
    await choose(page, "Priority", "Priority: high", { touch: true });
    await expect
      .poll(() => sqlite.prepare("SELECT c.priority, u.email FROM conversations c JOIN users u ON u.id = c.assignee_id WHERE c.id = ?").get(conversationId), { timeout: 10_000 })
      .toEqual({ priority: "high", email: inject("people").agent });

    // Answer it.
    const reply = page.getByLabel("Reply", { exact: true });
    await reply.tap();
    await reply.fill("Sorry about that, Pia: the date is fixed now.");
    await page.getByRole("button", { name: "Send", exact: true }).tap();
    await page.getByText("Reply queued").waitFor();
    const outbound = sqlite.prepare("SELECT text FROM messages WHERE conversation_id = ? AND direction = 'outbound'").all(conversationId);
    expect(outbound).toEqual([{ text: "Sorry about that, Pia: the date is fixed now." }]);
    expect(await sidewaysOverflow(page)).toBe(0);

    // Back: the same list, filters kept.
    await page.getByTestId("inbox-back").tap();
    await page.waitForURL((url) => !url.searchParams.has("c") && url.searchParams.get("q") === marker && url.searchParams.get("view") === "open");
    await page.locator("[data-inbox-grid]").waitFor();
    await context.close();

    // The same link opens the same screen on a laptop, list and conversation side by side.
    const desktop = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(desktop, inject("people").agent);
    await desktop.waitForURL(/\/inbox/);
    await desktop.goto(`${base()}/inbox?brand=e2e-air&view=open&q=${marker}&c=${conversationId}`);
    await desktop.getByRole("heading", { name: new RegExp(`Pia Phone ${marker}`) }).waitFor();
    expect(await desktop.locator("[data-inbox-grid]").isVisible()).toBe(true);
    expect(await desktop.getByTestId("inbox-back").isVisible()).toBe(false);
    await desktop.context().close();
  });
});
