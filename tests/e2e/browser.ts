import fs from "node:fs";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { inject } from "vitest";
import { openDatabase, closeDatabase } from "@/db/client";
import { createToken } from "@/lib/auth/tokens";
import { sqlite } from "../helpers/db";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export async function signIn(page: Page, email: string, password = inject("password")): Promise<void> {
  await page.goto(`${inject("baseUrl")}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Picks an option of the kit's Select as a person does: open the combobox named `label`, then
 * click (or, on a touch screen, tap) the option by its visible name. The list closes on choice.
 */
export async function choose(page: Page, label: string, option: string, { touch = false, within }: { touch?: boolean; within?: Locator } = {}): Promise<void> {
  const combobox = (within ?? page).getByRole("combobox", { name: label, exact: true }).first();
  if (touch) await combobox.tap();
  else await combobox.click();
  const item = page.getByRole("listbox").getByRole("option", { name: option, exact: true });
  if (touch) await item.tap();
  else await item.click();
  await page.getByRole("listbox").waitFor({ state: "detached" });
}

/** An ingest token of the e2e brand, straight in the test database. */
export async function ingestToken(name: string, slug = "e2e-air"): Promise<string> {
  const db = openDatabase({ file: inject("databasePath"), runMigrations: false });
  try {
    const brand = sqlite(db).prepare("SELECT id FROM brands WHERE slug = ?").get(slug) as { id: number };
    return await createToken({ db, brandId: brand.id, name: `${name}-${Date.now()}`, actor: { userId: null, label: "test" } });
  } finally {
    closeDatabase(db);
  }
}

/** POST /api/v1/events as the API's clients do; the test fails unless the batch is accepted. */
export async function postEvents(token: string, events: unknown[]): Promise<unknown> {
  const response = await fetch(`${inject("baseUrl")}/api/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ events }),
  });
  if (response.status !== 202) throw new Error(`events refused: ${response.status} ${await response.text()}`);
  return response.json();
}
