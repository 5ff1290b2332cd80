import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { ingestToken, launch, postEvents, signIn } from "./browser";

let browser: Browser;
let token: string;

beforeAll(async () => {
  browser = await launch();
  token = await ingestToken("inbox");
});
afterAll(async () => {
  await browser?.close();
});

const post = (events: unknown[]) => postEvents(token, events);

describe("the agent inbox in Chromium", () => {
  it("shows a new comment live, replies, and the SLA turns met", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, inject("people").agent);
    await page.waitForURL(/\/inbox/);
    await page.getByTestId("live-status").getByText("Live").waitFor();
    const externalId = `live-${Date.now()}`;
    await post([{ externalId, text: "Where is my refund for booking XK42? It has been two weeks", createdAt: new Date().toISOString(), author: { id: "cust-live", name: "Live Customer" } }]);
    const row = page.getByRole("link", { name: /Live Customer/ });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await page.getByRole("heading", { name: /Live Customer/ }).waitFor();
    await page.getByLabel("Reply", { exact: true }).fill("Hi! Your refund was sent today.");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByText("Reply queued").waitFor();
    await page.getByText(/Cycle 1 \(request\).*first reply after/).waitFor({ timeout: 20_000 });
    const db = new Database(inject("databasePath"), { readonly: true });
    const cycle = db
      .prepare(
        `SELECT r.sla_state, r.first_response_at FROM response_cycles r JOIN messages m ON m.conversation_id = r.conversation_id
          WHERE m.external_id = ?`,
      )
      .get(externalId) as { sla_state: string; first_response_at: number };
    const replies = db.prepare("SELECT count(*) AS n FROM messages m WHERE m.direction = 'outbound' AND m.text = ?").get("Hi! Your refund was sent today.") as { n: number };
    db.close();
    expect(cycle.sla_state).toBe("met");
    expect(replies.n).toBe(1);
    await context.close();
  });

  it("shows hostile comment text as text and runs nothing", async () => {
    const hostile = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> help?`;
    await post([{ externalId: `xss-${Date.now()}`, text: hostile, createdAt: new Date().toISOString(), author: { id: "cust-xss", name: `<img src=x onerror="window.__pwned=3">Mallory` } }]);
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page, inject("people").agent);
    await page.waitForURL(/\/inbox/);
    await page.getByRole("link", { name: /Mallory/ }).first().click();
    await page.getByText("window.__pwned = 1", { exact: false }).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("article img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
