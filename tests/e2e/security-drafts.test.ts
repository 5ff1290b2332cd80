import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, ingestToken, postEvents, signIn } from "./browser";
import Database from "better-sqlite3";

// Finding 13 of the security review: reply drafts stayed in the browser after sign-out and were
// offered to the next person who signed in there.
const base = () => inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("reply drafts", () => {
  it("belong to the person and are gone from the browser after sign-out", async () => {
    const externalId = `draft-${Date.now()}`;
    await postEvents(await ingestToken("drafts"), [{ externalId, text: "Where is my suitcase?", createdAt: new Date().toISOString(), author: { id: "draft-fan" } }]);
    const db = new Database(inject("databasePath"), { readonly: true });
    const conversationId = (db.prepare("SELECT conversation_id AS id FROM messages WHERE external_id = ?").get(externalId) as { id: number }).id;
    db.close();
    const url = `${base()}/inbox?brand=e2e-air&c=${conversationId}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, inject("people").agent);
    await page.waitForURL(/\/inbox/);
    await page.goto(url);
    const reply = page.getByLabel("Reply", { exact: true });
    await reply.fill("Private thoughts of the agent about this customer");
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("replyhour:draft:")));
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("replyhour:draft")))).toEqual([]);
    await signIn(page, inject("people").manager);
    await page.waitForURL(/\/inbox/);
    await page.goto(url);
    await page.getByLabel("Reply", { exact: true }).waitFor();
    expect(await page.getByLabel("Reply", { exact: true }).inputValue()).toBe("");
    await context.close();
  });
});
