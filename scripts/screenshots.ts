import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { parseArgs, runCli } from "./lib/args";

// Refreshes docs/screenshots from a fresh demo installation: `npm run screenshots` (needs Chromium).
const OUT = path.join("docs", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

async function waitFor(url: string, deadline = Date.now() + 180_000): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer from ${url}`);
}

// `npm run screenshots -- --only phone-push,dark-dashboard` writes only the named images.
const only = (() => {
  const value = parseArgs(process.argv.slice(2)).flags.only;
  return typeof value === "string" ? new Set(value.split(",").map((n) => n.trim())) : null;
})();

function shot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  if (only && !only.has(name)) return Promise.resolve();
  return page.screenshot({ path: path.join(OUT, `${name}.png`), ...options });
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replyhour-shots-"));
  const port = String(3900 + Math.floor(Math.random() * 90));
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, DATABASE_PATH: path.join(dir, "demo.db"), PORT: port, DEMO_TRAFFIC: "0" },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/login`);
    const logins = JSON.parse(fs.readFileSync(path.join(dir, "demo-logins.json"), "utf8")) as { role: string; email: string; password: string }[];
    const manager = logins.find((l) => l.role === "manager")!;
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 })).newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("E-mail").fill(manager.email);
    await page.getByLabel("Password").fill(manager.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/inbox/);
    fs.mkdirSync(OUT, { recursive: true });
    await page.waitForTimeout(1500);
    await shot(page, "inbox");
    const first = page.locator('a[href*="c="]').first();
    await first.click();
    await page.waitForURL(/c=/);
    await page.waitForTimeout(1500);
    await shot(page, "conversation");
    await page.goto(`${base}/dashboard`);
    await page.waitForTimeout(2500);
    await shot(page, "dashboard", { fullPage: false });
    await page.goto(`${base}/escalations`);
    await page.waitForTimeout(1000);
    await shot(page, "escalations");
    // The phone layout (one pane at a time) and the dark theme, from the same sign-in.
    const cookies = await page.context().cookies();
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await phone.addCookies(cookies);
    const small = await phone.newPage();
    await small.goto(`${base}/inbox`);
    await small.waitForTimeout(1500);
    await shot(small, "phone-inbox");
    await small.locator('a[href*="c="]').first().click();
    await small.waitForURL(/c=/);
    await small.waitForTimeout(1500);
    await shot(small, "phone-conversation");
    const dark = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, colorScheme: "dark" });
    await dark.addCookies(cookies);
    const night = await dark.newPage();
    await night.goto(`${base}/inbox`);
    await night.locator('a[href*="c="]').first().click();
    await night.waitForURL(/c=/);
    await night.waitForTimeout(1500);
    await shot(night, "dark-conversation");
    await night.goto(`${base}/dashboard`);
    await night.waitForTimeout(2500);
    await shot(night, "dark-dashboard");
    // Push settings on the account page, on a phone in the dark theme.
    const darkPhone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: "dark" });
    await darkPhone.addCookies(cookies);
    const account = await darkPhone.newPage();
    await account.goto(`${base}/account`);
    await account.getByRole("heading", { name: "Notifications on your devices" }).scrollIntoViewIfNeeded();
    await account.waitForTimeout(1000);
    await shot(account, "phone-push");
    await browser.close();
    process.stderr.write(`screenshots written to ${OUT}\n`);
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    void output;
  }
}

void runCli(main);
