import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, closeDatabase } from "@/db/client";
import { encryptCredentials } from "@/lib/security/credentials";
import { resetSecretsCache } from "@/lib/security/secrets";
import { createTemplate } from "@/lib/templates/templates";
import { startFakeMeta } from "../fakes/meta";
import { metaPageComment, signMetaPayload } from "../fakes/payloads";
import { launch, signIn } from "./browser";
import { sqlite as connectionOf } from "../helpers/db";

// An agent's day, in Chromium against the production server: a comment arrives through the real,
// signed Meta webhook, the agent answers with a template, the fake Graph API receives one reply.
const PAGE_ID = "e2e-reply-page";
const base = () => inject("baseUrl");
let browser: Browser;
let meta: Awaited<ReturnType<typeof startFakeMeta>>;
let sqlite: Database.Database;
let brandId: number;

beforeAll(async () => {
  process.env.CREDENTIALS_KEY = "e2e-credentials-key-0123456789abcdef";
  process.env.AUTH_SECRET = "e2e-auth-secret-0123456789abcdef0123456789";
  resetSecretsCache();
  meta = await startFakeMeta({ accessToken: "e2e-page-token", port: inject("metaGraphPort") });
  const db = openDatabase({ file: inject("databasePath"), runMigrations: false });
  brandId = (connectionOf(db).prepare("SELECT id FROM brands WHERE slug = 'e2e-air'").get() as { id: number }).id;
  connectionOf(db)
    .prepare("INSERT INTO channels (brand_id, kind, name, account_id, credentials, status) VALUES (?, 'facebook', 'Air Facebook', ?, ?, 'active')")
    .run(brandId, PAGE_ID, encryptCredentials({ accessToken: "e2e-page-token" }));
  const actor = { userId: null, label: "e2e" };
  await createTemplate({ db, brandId, actor, input: { title: "Refund on its way", body: "Hi {{first_name}}, {{agent}} from {{brand}} here: your refund is on its way.", language: "en", shortcut: ";refund" } });
  await createTemplate({ db, brandId, actor, input: { title: "Возврат", body: "Здравствуйте, {{name}}! Деньги уже в пути.", language: "ru" } });
  closeDatabase(db);
  sqlite = new Database(inject("databasePath"));
  sqlite.pragma("busy_timeout = 5000");
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await meta?.close();
  sqlite?.close();
});

async function comment({ commentId, name, message }: { commentId: string; name: string; message: string }): Promise<number> {
  const body = metaPageComment({ pageId: PAGE_ID, postId: `${PAGE_ID}_${commentId}`, commentId, from: { id: `fan-${commentId}`, name }, message, at: new Date().toISOString() });
  const { rawBody, header } = signMetaPayload({ body, appSecret: "e2e-meta-secret" });
  const response = await fetch(`${base()}/api/webhooks/meta`, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": header }, body: new Uint8Array(rawBody) });
  expect(response.status).toBe(200);
  return (sqlite.prepare("SELECT conversation_id AS id FROM messages WHERE external_id = ?").get(commentId) as { id: number }).id;
}

async function until<T>(read: () => T, ok: (value: T) => boolean, what: string, timeoutMs = 25_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function agentPage(email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL(/\/inbox/);
  return page;
}

describe("replying in Chromium", () => {
  it("answers a live comment with a template: one reply reaches the platform and the SLA is met", async () => {
    const page = await agentPage(inject("people").agent);
    await page.getByTestId("live-status").getByText("Live").waitFor();
    const commentId = `reply-${Date.now()}`;
    await comment({ commentId, name: "Rita Customer", message: "Where is my refund for booking ZX9? Still nothing" });
    const row = page.getByRole("link", { name: /Rita Customer/ });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await page.getByRole("heading", { name: /Rita Customer/ }).waitFor();

    const reply = page.getByLabel("Reply", { exact: true });
    const expected = "Hi Rita, E2E from E2E Air here: your refund is on its way.";
    // A shortcut expands on Space…
    await reply.click();
    await reply.pressSequentially(";refund");
    await page.keyboard.press("Space");
    expect(await reply.inputValue()).toBe(expected);
    // …and "/" at the start opens the searchable picker, filtered as the agent types.
    await reply.fill("");
    await reply.press("/");
    const picker = page.getByRole("dialog", { name: "Insert a template" });
    const search = picker.getByRole("combobox", { name: "Search templates" });
    await search.waitFor();
    expect(await picker.getByRole("option").count()).toBe(2);
    await search.fill("refund way");
    expect(await picker.getByRole("option").count()).toBe(1);
    await search.press("Enter");
    expect(await reply.inputValue()).toBe(expected);

    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByText("Reply queued").waitFor();
    await until(() => meta.posted.length, (n) => n >= 1, "the fake Graph API to receive the reply");
    await page.getByText(/Cycle 1 \(request\).*first reply after/).waitFor({ timeout: 20_000 });
    const cycle = sqlite
      .prepare("SELECT r.sla_state FROM response_cycles r JOIN messages m ON m.conversation_id = r.conversation_id WHERE m.external_id = ?")
      .get(commentId) as { sla_state: string };
    expect(cycle.sla_state).toBe("met");
    expect(meta.posted).toEqual([{ target: commentId, edge: "comments", id: expect.any(String), body: { message: expected } }]);
    const requests = meta.requests.filter((r) => r.method === "POST");
    expect(requests).toHaveLength(1);
    await page.context().close();
  });

  it("shows two agents on one conversation to each other, typing live, and asks before a second reply", async () => {
    const conversationId = await comment({ commentId: `both-${Date.now()}`, name: "Boris Traveller", message: "My suitcase is broken, who pays for it?" });
    const agent = await agentPage(inject("people").agent);
    const manager = await agentPage(inject("people").manager);
    const url = `${base()}/inbox?brand=e2e-air&c=${conversationId}`;
    await agent.goto(url);
    await manager.goto(url);
    await agent.getByTestId("presence").getByText("E2E manager is viewing").waitFor({ timeout: 15_000 });
    await manager.getByTestId("presence").getByText("E2E agent is viewing").waitFor({ timeout: 15_000 });

    const agentReply = agent.getByLabel("Reply", { exact: true });
    await agentReply.click();
    await agentReply.pressSequentially("Hello Boris, let me check");
    await manager.getByTestId("presence").getByText("E2E agent is typing…").waitFor({ timeout: 15_000 });

    await manager.getByLabel("Reply", { exact: true }).fill("We cover it: send us a photo, please.");
    await manager.getByRole("button", { name: "Send", exact: true }).click();
    await manager.getByText("Reply queued").waitFor();

    await agent.getByRole("button", { name: "Send", exact: true }).click();
    const notice = agent.getByRole("alertdialog");
    await notice.getByText("E2E manager replied while you were writing").waitFor();
    await notice.getByText("We cover it: send us a photo, please.").waitFor();
    const outbound = () => (sqlite.prepare("SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND direction = 'outbound'").get(conversationId) as { n: number }).n;
    expect(outbound()).toBe(1);
    await notice.getByRole("button", { name: "Send anyway" }).click();
    await agent.getByText("Reply queued").waitFor();
    expect(outbound()).toBe(2);
    // Leaving the conversation takes the agent off the manager's screen at once: the page's leave
    // request, or the end of its live stream when a navigation cuts that request off; well before
    // the 30 s expiry that a closed laptop waits for.
    await agent.goto(`${base()}/inbox?brand=e2e-air`);
    await manager.getByTestId("presence").getByText("E2E agent").waitFor({ state: "detached", timeout: 12_000 });
    await agent.context().close();
    await manager.context().close();
  }, 120_000);

  it("lets a manager add, preview and delete a template in Settings; unknown variables are refused", async () => {
    const manager = await agentPage(inject("people").manager);
    await manager.goto(`${base()}/settings/templates?brand=e2e-air`);
    await manager.getByLabel("Title").fill("Lost bag");
    await manager.getByLabel("Text").fill("Sorry {{first_name}}, order {{order_id}} is found.");
    await manager.getByRole("alert").getByText("Unknown: {{order_id}}").waitFor();
    await manager.getByRole("button", { name: "Add template" }).click();
    await manager.getByRole("alert").getByText(/Unknown variable \{\{order_id\}\}/).waitFor();
    await manager.getByLabel("Text").fill("Sorry {{first_name}}, {{agent}} found your bag.");
    await manager.getByTestId("template-preview").getByText("Sorry Anna, E2E found your bag.").waitFor();
    await manager.getByRole("button", { name: "Add template" }).click();
    await manager.getByRole("status").getByText("Added “Lost bag”.").waitFor();
    const row = manager.getByRole("row", { name: /Lost bag/ });
    await row.waitFor();
    await row.getByRole("button", { name: "Delete Lost bag" }).click();
    await row.getByRole("button", { name: "Delete", exact: true }).click();
    await row.waitFor({ state: "detached" });
    await manager.context().close();

    const agent = await agentPage(inject("people").agent);
    await agent.goto(`${base()}/settings/templates?brand=e2e-air`);
    await agent.getByRole("row", { name: /Refund on its way/ }).waitFor();
    expect(await agent.getByRole("button", { name: "Add template" }).count()).toBe(0);
    expect(await agent.getByRole("link", { name: /^Edit / }).count()).toBe(0);
    await agent.context().close();
  });
});
