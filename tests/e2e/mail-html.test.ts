import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, closeDatabase } from "@/db/client";
import { channels } from "@/db/schema";
import { mailToEvent } from "@/lib/ingest/adapters/email/parse";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { resetSecretsCache } from "@/lib/security/secrets";
import { launch, signIn } from "./browser";
import { sqlite } from "../helpers/db";

// An HTML mail in Chromium: the formatted view loads nothing from elsewhere until the agent
// presses "Show remote images" (by keyboard), and then only that message's images.
const base = () => inject("baseUrl");
let browser: Browser;
let images: http.Server;
const hits: string[] = [];
let conversationId: number;

beforeAll(async () => {
  process.env.CREDENTIALS_KEY = "e2e-credentials-key-0123456789abcdef";
  process.env.AUTH_SECRET = "e2e-auth-secret-0123456789abcdef0123456789";
  resetSecretsCache();
  images = http.createServer((request, response) => {
    hits.push(request.url ?? "");
    response.writeHead(200, { "content-type": "image/gif" }).end(Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64"));
  });
  await new Promise<void>((resolve) => images.listen(0, "127.0.0.1", resolve));
  const remote = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  const db = openDatabase({ file: inject("databasePath"), runMigrations: false });
  const brandId = (sqlite(db).prepare("SELECT id FROM brands WHERE slug = 'e2e-air'").get() as { id: number }).id;
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId, kind: "email", name: "E2E mailbox", accountId: "support@e2e-air.example" }).returning());
  const raw = [
    "From: Nora Mailer <nora@customer.example>",
    "To: support@e2e-air.example",
    "Subject: Seat upgrade",
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <html-e2e-${Date.now()}@customer.example>`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/alternative; boundary="e2e"',
    "",
    "--e2e",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Can I upgrade my seat on KL1234?",
    "",
    "On Mon, 1 Jun 2026, Support <support@e2e-air.example> wrote:",
    "> Thank you for flying with us.",
    "--e2e",
    "Content-Type: text/html; charset=utf-8",
    "",
    `<p>Can I <b>upgrade</b> my seat on KL1234?</p><img src="${remote}/pixel.gif" alt="Company logo"><script>fetch("${remote}/script")</script>`,
    "--e2e--",
    "",
  ].join("\r\n");
  const event = await mailToEvent({ mail: { source: Buffer.from(raw), uid: 1, uidValidity: "1", mailboxUrl: "imap://mail.e2e-air.example:143/INBOX" }, mailboxAddress: "support@e2e-air.example" });
  const [outcome] = await ingestBatch({ db, brandId, items: [{ event: inboundEventSchema.parse(event), channelId: channel.id }] });
  conversationId = Number(outcome.conversationId);
  closeDatabase(db);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => images?.close(resolve));
});

describe("an HTML mail in the inbox", () => {
  it("shows the quoted history collapsed and the formatted mail without remote images until the agent asks", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, inject("people").agent);
    await page.waitForURL(/\/inbox/);
    await page.goto(`${base()}/inbox?brand=e2e-air&c=${conversationId}`);
    const pane = page.getByRole("region", { name: "Conversation", exact: true });
    await pane.getByText("Can I upgrade my seat on KL1234?", { exact: true }).waitFor();

    const quoted = pane.locator("details", { has: page.getByText("Quoted text and signature") });
    expect(await quoted.getAttribute("open")).toBeNull();
    expect(await quoted.getByText("Thank you for flying with us.").isVisible()).toBe(false);

    const formatted = pane.getByText("Formatted mail (HTML)");
    await formatted.focus();
    await page.keyboard.press("Enter");
    const frame = page.frameLocator('iframe[title="Formatted mail"]');
    await frame.getByText("[Company logo]").waitFor();
    await frame.getByText("upgrade", { exact: true }).waitFor();
    await page.waitForTimeout(1000);
    expect(hits).toEqual([]);

    const toggle = page.getByRole("button", { name: "Show remote images" });
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await toggle.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Hide remote images" }).waitFor();
    expect(await page.getByRole("button", { name: "Hide remote images" }).getAttribute("aria-pressed")).toBe("true");
    const deadline = Date.now() + 10_000;
    while (!hits.includes("/pixel.gif") && Date.now() < deadline) await page.waitForTimeout(100);
    expect(hits).toEqual(["/pixel.gif"]);
    await frame.locator('img[alt="Company logo"]').waitFor();
    await page.close();
  });
});
