import http from "node:http";
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, closeDatabase } from "@/db/client";
import { resetSecretsCache } from "@/lib/security/secrets";
import { createChannel } from "@/lib/channels/channels";
import { webConfigsOfBrand } from "@/lib/channels/web";
import { issueVisitorToken } from "@/lib/widget/token";
import { launch, signIn } from "./browser";
import { sqlite as connectionOf } from "../helpers/db";

// A brand's site on another origin embeds the widget with its one script tag; a visitor writes,
// an agent answers from the inbox, the answer appears on the site live. A site not allowed is refused.
const base = () => inject("baseUrl");
let browser: Browser;
let sqlite: Database.Database;
let key: string;
let channelId: number;
let site: http.Server;
let stranger: http.Server;
let siteOrigin: string;
let strangerOrigin: string;

async function serveHostPage(): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><head><title>Host shop</title><style>button{background:red!important}</style></head>
      <body><h1>A shop somewhere else</h1><script src="${base()}/widget.js" data-channel="${key}" async></script></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  process.env.CREDENTIALS_KEY = "e2e-credentials-key-0123456789abcdef";
  process.env.AUTH_SECRET = "e2e-auth-secret-0123456789abcdef0123456789";
  resetSecretsCache();
  ({ server: site, origin: siteOrigin } = await serveHostPage());
  ({ server: stranger, origin: strangerOrigin } = await serveHostPage());
  const db = openDatabase({ file: inject("databasePath"), runMigrations: false });
  const brandId = (connectionOf(db).prepare("SELECT id FROM brands WHERE slug = 'e2e-air'").get() as { id: number }).id;
  const channel = await createChannel({ db, brandId, kind: "web", name: "Air website", web: { origins: [siteOrigin], mode: "chat", showResponseTime: true }, actor: { userId: null, label: "e2e" } });
  channelId = channel.id;
  key = (await webConfigsOfBrand({ db, brandId })).get(channel.id)!.publicKey;
  closeDatabase(db);
  sqlite = new Database(inject("databasePath"));
  sqlite.pragma("busy_timeout = 5000");
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  site?.close();
  stranger?.close();
  sqlite?.close();
});

const stored = () => (sqlite.prepare("SELECT count(*) AS n FROM messages WHERE channel_id = ?").get(channelId) as { n: number }).n;

async function visitor(locale: string): Promise<Page> {
  const context = await browser.newContext({ locale });
  return context.newPage();
}

describe("the website widget in Chromium", () => {
  it("carries a visitor's question to the inbox and the agent's answer back, live, across origins and reloads", async () => {
    const agent = await (await browser.newContext()).newPage();
    await signIn(agent, inject("people").agent);
    await agent.waitForURL(/\/inbox/);
    await agent.getByTestId("live-status").getByText("Live").waitFor();

    // The visitor's browser speaks Bulgarian; the widget follows it.
    const page = await visitor("bg-BG");
    await page.goto(siteOrigin);
    const launcher = page.getByRole("button", { name: "Пишете ни" });
    await launcher.click();
    expect(await launcher.getAttribute("aria-expanded")).toBe("true");
    const dialog = page.getByRole("dialog", { name: "Чат с E2E Air" });
    await dialog.waitFor();
    await dialog.getByRole("status").getByText(/Обикновено отговаряме в рамките на|На линия сме/).waitFor();
    // The host page's styles do not reach into the widget.
    const background = await dialog.getByRole("button", { name: "Изпрати" }).evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(background).not.toBe("rgb(255, 0, 0)");
    const question = `Къде е багажът ми? Полет ${Date.now() % 100000}`;
    const box = dialog.getByLabel("Вашето съобщение");
    await expect.poll(() => box.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await box.fill(question);
    await box.press("Enter");
    await dialog.getByRole("log").getByText(question).waitFor();

    // The agent sees it arrive live and answers as in any private chat.
    const row = agent.getByRole("link", { name: new RegExp(question.replace(/[?.]/g, "\\$&")) });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    const answer = "Здравейте! Багажът ви е в София, ще го доставим довечера.";
    await agent.getByLabel("Reply", { exact: true }).fill(answer);
    await agent.getByRole("button", { name: "Send", exact: true }).click();
    await agent.getByText("Reply queued").waitFor();

    // The visitor sees the answer without reloading…
    await dialog.getByRole("log").getByText(answer).waitFor({ timeout: 20_000 });
    // …and finds the conversation again after a reload, from the token kept in localStorage.
    await page.reload();
    await page.getByRole("button", { name: "Пишете ни" }).click();
    const log = page.getByRole("dialog", { name: "Чат с E2E Air" }).getByRole("log");
    await log.getByText(question).waitFor();
    await log.getByText(answer).waitFor();
    // Escape closes the panel and gives the focus back to the launcher.
    await page.keyboard.press("Escape");
    expect(await page.getByRole("button", { name: "Пишете ни" }).getAttribute("aria-expanded")).toBe("false");
    expect(stored()).toBe(2);
    await agent.context().close();
    await page.context().close();
  });

  it("opens the visitor's conversation from the link of an answer sent by e-mail, in a browser that never saw it", async () => {
    const { visitorId } = sqlite.prepare("SELECT external_id AS visitorId FROM contacts WHERE channel_id = ? ORDER BY id LIMIT 1").get(channelId) as { visitorId: string };
    const { token } = issueVisitorToken({ channelId, visitorId });
    const page = await visitor("en-US");
    await page.goto(`${siteOrigin}/#replyhour=${encodeURIComponent(token)}`);
    const log = page.getByRole("dialog", { name: "Chat with E2E Air" }).getByRole("log");
    await log.getByText("Багажът ви е в София", { exact: false }).waitFor();
    // The token leaves the address bar and stays with the site, as after a first visit.
    expect(new URL(page.url()).hash).toBe("");
    expect(await page.evaluate((k) => localStorage.getItem(`replyhour:${k}`), key)).toMatch(/^v1\./);
    await page.context().close();
  });

  it("refuses a site that is not among the allowed origins, storing nothing", async () => {
    const before = stored();
    const page = await visitor("en-US");
    await page.goto(strangerOrigin);
    await page.getByRole("button", { name: "Chat with us" }).click();
    await page.getByRole("dialog").getByText("The chat is not available on this site.").waitFor();
    // What the browser would not let the page read: the server's refusal itself.
    const refused = await fetch(`${base()}/api/widget/${key}/session`, { method: "POST", headers: { origin: strangerOrigin } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(await refused.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("not allowed") } });
    expect(stored()).toBe(before);
    await page.context().close();
  });
});
