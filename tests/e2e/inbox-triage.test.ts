import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { choose, ingestToken, launch, signIn } from "./browser";

let browser: Browser;
let token: string;
const base = () => inject("baseUrl");

beforeAll(async () => {
  browser = await launch();
  token = await ingestToken("triage");
});
afterAll(async () => {
  await browser?.close();
});

// Ten requests that only this run's search word finds, so other tests' conversations stay out of the way.
async function ingestTen(marker: string): Promise<Map<string, number>> {
  const now = Date.now();
  const events = Array.from({ length: 10 }, (_, i) => ({
    externalId: `${marker}-${i}`,
    threadId: `${marker}-thread-${i}`,
    text: `My flight ${marker} was cancelled, where is my refund? Booking ${i}`,
    createdAt: new Date(now - (10 - i) * 60_000).toISOString(),
    author: { id: `${marker}-author-${i}`, name: `Triage ${i} ${marker}` },
  }));
  const response = await fetch(`${base()}/api/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ events }),
  });
  expect(response.status).toBe(202);
  const body = (await response.json()) as { events: { externalId: string; conversationId: string }[] };
  return new Map(body.events.map((e) => [e.externalId, Number(e.conversationId)]));
}

function states(ids: number[]) {
  const db = new Database(inject("databasePath"), { readonly: true });
  const rows = db
    .prepare(`SELECT c.id, c.status, c.category, u.email AS assignee FROM conversations c LEFT JOIN users u ON u.id = c.assignee_id WHERE c.id IN (${ids.map(() => "?").join(",")})`)
    .all(...ids) as { id: number; status: string; category: string; assignee: string | null }[];
  db.close();
  return new Map(rows.map((r) => [r.id, r]));
}

const focusedRow = (page: Page) =>
  page.evaluate(() => {
    const row = document.activeElement?.closest("[role=row]");
    return row ? Number(row.getAttribute("data-conversation-id")) : null;
  });

const rowCount = (page: Page) => page.locator("[data-inbox-grid] [role=row]").count();

async function waitForRows(page: Page, n: number) {
  await expect.poll(() => rowCount(page), { timeout: 20_000 }).toBe(n);
}

describe("keyboard-only triage in Chromium", () => {
  it("triages ten conversations with j/k, Enter, a, e, m, x and bulk actions", async () => {
    const marker = `kb${Date.now().toString(36)}`;
    const ids = await ingestTen(marker);
    const all = [...ids.values()];
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, inject("people").agent);
    await page.waitForURL(/\/inbox/);

    // "/" goes to search; the query lands in the URL.
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("inbox-search");
    await page.keyboard.type(marker);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`q=${marker}`));
    await waitForRows(page, 10);

    // Escape leaves the search for the list, on the first row (the most urgent).
    await page.keyboard.press("Escape");
    const first = await focusedRow(page);
    expect(first).toBe(ids.get(`${marker}-0`));

    // "?" lists the shortcuts; Escape closes the dialog and focus comes back.
    await page.keyboard.press("Shift+?");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    // The dialog hands focus back as it unmounts, a frame after it leaves the page on a busy machine.
    await expect.poll(() => focusedRow(page)).toBe(first);

    // j/k move through the list.
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    expect(await focusedRow(page)).toBe(ids.get(`${marker}-2`));
    await page.keyboard.press("k");
    await page.keyboard.press("k");
    await page.keyboard.press("k");
    expect(await focusedRow(page)).toBe(first);

    // Enter opens it; a assigns it to me; e resolves it and it leaves the Waiting view.
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`c=${first}`));
    await page.getByRole("heading", { name: new RegExp(`Triage 0 ${marker}`) }).waitFor();
    await page.keyboard.press("a");
    await page.getByText("1 conversation assigned to you.").waitFor();
    await page.keyboard.press("e");
    await page.getByText("1 conversation resolved.").waitFor();
    await waitForRows(page, 9);

    // Focus stays in the list, on the row that took the resolved one's place; m marks it noise.
    await expect.poll(() => focusedRow(page)).toBe(ids.get(`${marker}-1`));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: new RegExp(`Triage 1 ${marker}`) }).waitFor();
    await page.keyboard.press("m");
    await page.getByText("1 conversation marked as noise.").waitFor();
    await waitForRows(page, 8);

    // x selects three rows; e resolves the selection (not the open conversation).
    await expect.poll(() => focusedRow(page)).toBe(ids.get(`${marker}-2`));
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("x");
      await page.keyboard.press("j");
    }
    expect(await page.locator("[data-inbox-grid] [role=row][aria-selected=true]").count()).toBe(3);
    await page.keyboard.press("e");
    await page.getByText("3 conversations resolved.").waitFor();
    await waitForRows(page, 5);

    // The rest: select each, assign the selection to me, then mark it noise.
    await page.keyboard.press("Home");
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("x");
      await page.keyboard.press("j");
    }
    expect(await page.locator("[data-inbox-grid] [role=row][aria-selected=true]").count()).toBe(5);
    await page.keyboard.press("a");
    await page.getByText("5 conversations assigned to you.").waitFor();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("x");
      await page.keyboard.press("k");
    }
    expect(await page.locator("[data-inbox-grid] [role=row][aria-selected=true]").count()).toBe(5);
    await page.keyboard.press("m");
    await page.getByText("5 conversations marked as noise.").waitFor();
    await page.getByText("No conversations match these filters.").waitFor({ timeout: 20_000 });

    const after = states(all);
    const byIndex = (i: number) => after.get(ids.get(`${marker}-${i}`)!)!;
    expect(byIndex(0)).toMatchObject({ status: "resolved", assignee: inject("people").agent });
    expect(byIndex(1)).toMatchObject({ category: "noise" });
    for (const i of [2, 3, 4]) expect(byIndex(i).status).toBe("resolved");
    for (const i of [5, 6, 7, 8, 9]) expect(byIndex(i)).toMatchObject({ category: "noise", assignee: inject("people").agent });
    await context.close();
  });

  it("keeps filters and search in the URL across a reload and the back button", async () => {
    const marker = `url${Date.now().toString(36)}`;
    await ingestTen(marker);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, inject("people").agent);
    await page.waitForURL(/\/inbox/);
    await page.goto(`${base()}/inbox?brand=e2e-air&view=open&q=${marker}`);
    await waitForRows(page, 10);

    await choose(page, "Category", "Request");
    await page.waitForURL(/category=request/);
    await choose(page, "Assignee", "Unassigned");
    await page.waitForURL(/assignee=none/);
    await waitForRows(page, 10);
    await choose(page, "Sentiment", "Positive");
    await page.waitForURL(/sentiment=positive/);
    await page.getByText("No conversations match these filters.").waitFor();

    await page.reload();
    await page.getByText("No conversations match these filters.").waitFor();
    expect(await page.getByRole("combobox", { name: "Sentiment", exact: true }).textContent()).toContain("Positive");
    expect(await page.getByLabel("Search conversations").inputValue()).toBe(marker);

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("sentiment="));
    await waitForRows(page, 10);
    expect(page.url()).toContain(`q=${marker}`);
    expect(page.url()).toContain("assignee=none");

    await page.getByRole("link", { name: "Reset filters" }).first().click();
    await page.waitForURL((url) => !url.search.includes("q="));
    expect(new URL(page.url()).searchParams.get("view")).toBe("open");
    await context.close();
  });
});
