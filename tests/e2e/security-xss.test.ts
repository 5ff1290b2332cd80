import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openDatabase, closeDatabase } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { createToken } from "@/lib/auth/tokens";
import { createUser, setMembership } from "@/lib/team/users";
import { launch, signIn } from "./browser";
import { sqlite } from "../helpers/db";

// Hostile comment texts, contact names, a teammate's name, an escalation reason and audit
// values, rendered on every page that shows them: nothing may run, nothing may be injected.
const PAYLOADS = [
  `<script>window.__pwned=1;alert(1)</script>`,
  `<img src=x onerror="window.__pwned=2;alert(2)">`,
  `<svg onload="window.__pwned=3;alert(3)"><circle r=9></circle></svg>`,
  `<a href="javascript:window.__pwned=4">click me</a>`,
  `"><iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>`,
  `\u202e<img src=x onerror=alert(6)>\u202c gnp.exe`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(7)>`,
  `<details open ontoggle="window.__pwned=8">`,
  `＜script＞alert(9)＜/script＞ \u200b\u2066zero-width\u2069`,
  `javascript:window.__pwned=10`,
  `<style>@import "javascript:alert(11)";</style><b onmouseover=alert(12)>hover</b>`,
];
const MARK = "XSSPROBE";

let browser: Browser;
const conversations: number[] = [];
const base = () => inject("baseUrl");

beforeAll(async () => {
  browser = await launch();
  const db = openDatabase({ file: inject("databasePath"), runMigrations: false });
  const brand = sqlite(db).prepare("SELECT id FROM brands WHERE slug = 'e2e-air'").get() as { id: number };
  const token = await createToken({ db, brandId: brand.id, name: `xss-${Date.now()}`, actor: { userId: null, label: "test" } });
  const mate = await createUser({ db, email: `xss-${Date.now()}@e2e.test`, password: "e2e-password-42", name: `${PAYLOADS[1]} Mate`, actor: { userId: null, label: "test" } });
  await setMembership({ db, userId: mate.id, brandId: brand.id, role: "agent", actor: { userId: null, label: "test" } });
  const events = PAYLOADS.map((payload, i) => ({
    externalId: `${MARK}-${Date.now()}-${i}`,
    text: `${MARK} ${i} complaint, terrible service! ${payload}`,
    createdAt: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
    author: { id: `xss-author-${i}`, name: `${payload} Name${i}`, handle: `@${payload}` },
    url: i % 2 ? "javascript:window.__pwned=20" : `https://example.com/${encodeURIComponent(payload)}`,
    attachments: [{ kind: "image", url: "javascript:alert(21)" }, { kind: "image", url: `x" onerror="window.__pwned=22` }],
  }));
  const response = await fetch(`${base()}/api/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ events }),
  });
  expect(response.status).toBe(202);
  const body = (await response.json()) as { events: { conversationId: string }[] };
  conversations.push(...body.events.map((e) => Number(e.conversationId)));
  sqlite(db).prepare(`UPDATE conversations SET assignee_id = ? WHERE id IN (${conversations.join(",")})`).run(mate.id);
  for (const [i, id] of conversations.slice(0, 4).entries())
    sqlite(db)
      .prepare("INSERT INTO escalations (brand_id, conversation_id, level, reason, cues, status, created_at) VALUES (?, ?, 1, ?, ?, 'open', ?)")
      .run(brand.id, id, `${MARK} ${PAYLOADS[i]}`, JSON.stringify([PAYLOADS[i + 1]]), Date.now());
  await db.transaction((tx) => recordAudit(tx, { actor: { userId: mate.id, label: PAYLOADS[0] }, brandId: brand.id, action: "conversation.assign", objectType: "conversation", objectId: conversations[0], before: { note: PAYLOADS[2] }, after: { note: PAYLOADS[3] } }));
  closeDatabase(db);
});

afterAll(async () => {
  await browser?.close();
});

async function probe(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("load");
  await page.getByTestId("current-user").waitFor();
  // Let failed images fire their error events and the client hydrate.
  await page.waitForTimeout(500);
  return page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __xss: string[] };
    const links = [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!.trim().toLowerCase());
    return {
      pwned: w.__pwned ?? null,
      dialogs: w.__xss,
      handlers: document.querySelectorAll("[onerror],[onload],[ontoggle],[onclick],[onmouseover],[onfocus]").length,
      frames: document.querySelectorAll("iframe, object, embed").length,
      jsLinks: links.filter((h) => h.startsWith("javascript:") && !h.includes("react has blocked")).length,
      fakeImages: document.querySelectorAll('img[src="x"], img[src^="javascript"], image[href^="javascript"]').length,
      text: document.body.innerText,
    };
  });
}

async function asUser(email: string, urls: string[]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: string[] };
    w.__xss = [];
    window.alert = (m?: unknown) => void w.__xss.push(String(m));
    window.confirm = (m?: string) => (w.__xss.push(String(m)), false);
    window.prompt = ((m?: string) => (w.__xss.push(String(m)), null)) as typeof window.prompt;
  });
  await signIn(page, email);
  await page.waitForURL(/\/inbox/);
  const results: Record<string, Awaited<ReturnType<typeof probe>>> = {};
  for (const url of urls) results[url] = await probe(page, `${base()}${url}`);
  await context.close();
  return { results, dialogs };
}

describe("hostile content in Chromium", () => {
  it("runs nothing and injects nothing on the inbox, conversations, escalation queue, dashboard and audit log", async () => {
    const people = inject("people");
    const managerUrls = [
      "/inbox?brand=e2e-air",
      ...conversations.slice(0, 6).map((c) => `/inbox?brand=e2e-air&c=${c}`),
      "/escalations?brand=e2e-air",
      "/dashboard?brand=e2e-air",
    ];
    const manager = await asUser(people.manager, managerUrls);
    const admin = await asUser(people.admin, ["/settings/audit?brand=e2e-air", `/inbox?brand=e2e-air&c=${conversations[6]}`, "/settings/team?brand=e2e-air"]);
    for (const { results, dialogs } of [manager, admin]) {
      expect(dialogs).toEqual([]);
      for (const [url, r] of Object.entries(results)) {
        expect({ url, pwned: r.pwned, dialogs: r.dialogs, handlers: r.handlers, frames: r.frames, jsLinks: r.jsLinks, fakeImages: r.fakeImages }).toEqual({ url, pwned: null, dialogs: [], handlers: 0, frames: 0, jsLinks: 0, fakeImages: 0 });
      }
    }
    // The hostile text is there, shown as text.
    expect(manager.results[`/inbox?brand=e2e-air&c=${conversations[0]}`].text).toContain("<script>window.__pwned=1;alert(1)</script>");
    expect(manager.results[`/inbox?brand=e2e-air&c=${conversations[1]}`].text).toContain(`<img src=x onerror="window.__pwned=2;alert(2)">`);
    expect(manager.results["/escalations?brand=e2e-air"].text).toContain(MARK);
    expect(admin.results["/settings/audit?brand=e2e-air"].text).toContain("<a href=\"javascript:window.__pwned=4\">click me</a>");
  }, 120_000);
});
