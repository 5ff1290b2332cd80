import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, closeDatabase } from "@/db/client";
import { createToken } from "@/lib/auth/tokens";
import { choose, launch, signIn } from "./browser";
import { sqlite as connectionOf } from "../helpers/db";

// A manager watches the escalation queue while a negative public comment arrives through the
// API: it appears live with the bell, the manager acknowledges it, the agent's reply resolves it.
const base = () => inject("baseUrl");
let browser: Browser;
let token: string;
let sqlite: Database.Database;

beforeAll(async () => {
  const db = openDatabase({ file: inject("databasePath"), runMigrations: false });
  const brand = connectionOf(db).prepare("SELECT id FROM brands WHERE slug = 'e2e-air'").get() as { id: number };
  token = await createToken({ db, brandId: brand.id, name: `escalation-${Date.now()}`, actor: { userId: null, label: "test" } });
  closeDatabase(db);
  sqlite = new Database(inject("databasePath"), { readonly: true });
  sqlite.pragma("busy_timeout = 5000");
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  sqlite?.close();
});

async function signedIn(email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await page.waitForURL(/\/inbox/);
  return page;
}

describe("the escalation queue in Chromium", () => {
  it("shows a negative comment live, the manager acknowledges it and the agent's reply resolves it", async () => {
    const manager = await signedIn(inject("people").manager);
    await manager.goto(`${base()}/escalations?brand=e2e-air`);
    await manager.getByTestId("live-status").getByText("Live").waitFor();

    const stamp = Date.now();
    const text = `Worst airline ever, you lost my bag ${stamp} and nobody answers. Disgusting!`;
    const response = await fetch(`${base()}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ externalId: `esc-${stamp}`, text, createdAt: new Date().toISOString(), author: { id: `angry-${stamp}`, name: "Angry Flyer" } }),
    });
    expect(response.status).toBe(202);
    const conversationId = Number((await response.json()).events[0].conversationId);

    // Live: no reload between the POST and the row.
    const row = manager.getByTestId("escalation").filter({ hasText: String(stamp) });
    await row.waitFor({ timeout: 15_000 });
    await row.getByText("Rule “Negative public comment”").waitFor();
    await row.getByText("open", { exact: true }).waitFor();

    // The bell counts it and lists it, linked to the queue.
    await manager.getByTestId("notification-count").waitFor({ timeout: 15_000 });
    expect(Number(await manager.getByTestId("notification-count").textContent())).toBeGreaterThanOrEqual(1);
    await manager.getByTestId("notification-bell").click();
    const item = manager.getByTestId("notification-item").filter({ hasText: String(stamp) });
    await item.waitFor();
    expect(await item.getAttribute("href")).toMatch(/^\/escalations\?brand=e2e-air#escalation-\d+$/);
    await manager.keyboard.press("Escape");

    await row.getByRole("button", { name: "Acknowledge" }).click();
    await row.getByText("acknowledged by E2E manager").waitFor({ timeout: 15_000 });

    const agent = await signedIn(inject("people").agent);
    await agent.goto(`${base()}/inbox?brand=e2e-air&c=${conversationId}`);
    const timeline = agent.getByTestId("escalation-timeline");
    await timeline.getByText("Escalated to level 1 by rule “Negative public comment”").waitFor();
    await timeline.getByText("Acknowledged by E2E manager").waitFor();
    await agent.getByLabel("Reply", { exact: true }).fill("We are so sorry. Your bag is found and arrives tonight.");
    await agent.getByRole("button", { name: "Send", exact: true }).click();
    await agent.getByText("Reply queued").waitFor();

    // The reply resolves it: the row leaves the manager's queue live, the timeline says who.
    await row.waitFor({ state: "detached", timeout: 20_000 });
    await timeline.getByText("Resolved by E2E agent").waitFor({ timeout: 20_000 });
    const escalation = sqlite.prepare("SELECT status, acknowledged_by AS ackBy, resolved_by AS resolvedBy, note FROM escalations WHERE conversation_id = ?").get(conversationId) as Record<string, unknown>;
    const people = sqlite.prepare("SELECT id, email FROM users WHERE email IN (?, ?)").all(inject("people").manager, inject("people").agent) as { id: number; email: string }[];
    const idOf = (email: string) => people.find((p) => p.email === email)?.id;
    expect(escalation).toMatchObject({ status: "resolved", ackBy: idOf(inject("people").manager), resolvedBy: idOf(inject("people").agent) });
    expect(String(escalation.note)).toMatch(/reply/i);
    await manager.context().close();
    await agent.context().close();
  });

  it("lets a manager write a rule: field errors from validation, a dry run over recent messages, then it is listed", async () => {
    const stamp = Date.now();
    const hostile = `<img src=x onerror="window.__pwned=1"> my lawyer-${stamp} hears about this`;
    const response = await fetch(`${base()}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ externalId: `rule-${stamp}`, text: hostile, createdAt: new Date().toISOString(), author: { id: `rule-${stamp}` } }),
    });
    expect(response.status).toBe(202);
    const manager = await signedIn(inject("people").manager);
    await manager.goto(`${base()}/settings/escalation?brand=e2e-air`);
    const editor = manager.getByRole("form", { name: "New rule" });
    const type = editor.getByRole("combobox", { name: "Condition 1", exact: true });
    await choose(manager, "Condition 1", "Contains keywords", { within: editor });
    await editor.getByRole("button", { name: "Create rule" }).click();
    await editor.getByText("Add at least one keyword.").waitFor();
    await editor.getByText("A rule needs a name.").waitFor();
    expect(await type.textContent()).toContain("Contains keywords");

    await editor.getByLabel(/Keywords or phrases/).fill(`lawyer-${stamp}`);
    await editor.getByRole("button", { name: "Dry run on the last 500 messages" }).click();
    const result = manager.getByTestId("dry-run");
    await result.getByText(/^Would have matched 1 of the last \d+ messages\.$/).waitFor();
    await result.getByText(hostile).waitFor();
    expect(await manager.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await editor.getByLabel("Rule name").fill(`Lawyer ${stamp}`);
    await editor.getByRole("button", { name: "Create rule" }).click();
    await manager.getByRole("heading", { name: `Lawyer ${stamp}` }).waitFor();
    await manager.context().close();
  });
});
