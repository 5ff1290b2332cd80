import type { Browser, BrowserContext, Page, Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, closeDatabase } from "@/db/client";
import { savePushSubscription } from "@/lib/push/subscriptions";
import { ingestToken, launch, postEvents, signIn } from "./browser";
import { browserKeys, startPushService, type PushService } from "../helpers/push-service";
import { sqlite } from "../helpers/db";

// The installable app: manifest, icons, the service worker and its offline page; then a manager's
// device gets a push for an escalation (from a local push service that decrypts it) and tapping
// the notification opens the conversation.
const base = () => inject("baseUrl");
let browser: Browser;
let service: PushService;

beforeAll(async () => {
  browser = await launch();
  service = await startPushService();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

// The parts of a service worker's global scope the test uses (the DOM lib does not declare them).
type WorkerScope = EventTarget & {
  registration: { getNotifications: () => Promise<Notification[]> };
  PushEvent: new (type: string, init: { data: string }) => Event;
  NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
};

async function signedIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL(/\/inbox/);
  return page;
}

/** The page is controlled by the registered worker; the worker itself, for evaluate(). */
async function controlled(context: BrowserContext, page: Page): Promise<Worker> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 10_000 });
  return context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
}

describe("the installable web app", () => {
  it("serves a manifest with its icons, a service worker for the whole site and a public offline page", async () => {
    const manifest = await fetch(`${base()}/manifest.webmanifest`);
    expect(manifest.status).toBe(200);
    const body = (await manifest.json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string; purpose: string }[] };
    expect(body).toMatchObject({ name: "Replyhour", start_url: "/inbox", display: "standalone" });
    expect(body.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
    for (const icon of body.icons) {
      const png = await fetch(`${base()}${icon.src}`);
      expect(png.headers.get("content-type")).toBe("image/png");
      const bytes = Buffer.from(await png.arrayBuffer());
      // The PNG's own header names its size.
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
    }
    const sw = await fetch(`${base()}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get("content-type")).toMatch(/javascript/);
    expect(sw.headers.get("cache-control")).toMatch(/no-cache/);
    expect(sw.headers.get("service-worker-allowed")).toBe("/");
    const offline = await fetch(`${base()}/offline`, { redirect: "manual", headers: { "accept-language": "bg" } });
    expect(offline.status).toBe(200);
    expect(await offline.text()).toContain("Няма връзка с мрежата");
  });

  it("offline, a page shows the offline notice and a new page the offline page, never a kept copy", async () => {
    const context = await browser.newContext();
    const page = await signedIn(context, inject("people").agent);
    await controlled(context, page);
    await context.setOffline(true);
    await page.getByTestId("offline-notice").waitFor();
    expect(await page.getByTestId("offline-notice").textContent()).toMatch(/not live/);
    await page.goto(`${base()}/inbox?brand=e2e-air`).catch(() => undefined);
    await page.getByRole("heading", { name: "You are offline" }).waitFor();
    expect(await page.getByTestId("live-status").count()).toBe(0);
    await context.setOffline(false);
    await page.getByTestId("offline-retry").click();
    await page.waitForURL(/\/inbox/);
    await page.getByTestId("live-status").waitFor();
    await context.close();
  });
});

describe("push in Chromium", () => {
  it("a manager's device gets the escalation as a push; tapping it opens the conversation", async () => {
    const keys = browserKeys();
    const endpoint = service.endpoint(keys);
    const db = openDatabase({ file: inject("databasePath"), runMigrations: false });
    try {
      const manager = sqlite(db).prepare("SELECT id FROM users WHERE email = ?").get(inject("people").manager) as { id: number };
      await savePushSubscription({ db, userId: manager.id, input: { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth }, label: "Manager's phone", kinds: ["escalation"], quietStart: null, quietEnd: null, timezone: "UTC" } });
    } finally {
      closeDatabase(db);
    }

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await context.grantPermissions(["notifications"], { origin: base() });
    const page = await signedIn(context, inject("people").manager);
    const worker = await controlled(context, page);

    const stamp = Date.now();
    const token = await ingestToken("pwa");
    const accepted = (await postEvents(token, [
      { externalId: `pwa-${stamp}`, text: `Worst airline ever ${stamp}, you lost my bag and nobody answers. Disgusting!`, createdAt: new Date().toISOString(), author: { id: `pwa-${stamp}`, name: "Angry Flyer" } },
    ])) as { events: { conversationId: number }[] };
    const conversationId = Number(accepted.events[0].conversationId);

    // The worker sends it to the push service, which checks VAPID and decrypts it.
    const deadline = Date.now() + 20_000;
    while (!service.received.some((r) => r.path === new URL(endpoint).pathname) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(service.refused).toEqual([]);
    const push = service.received.find((r) => r.path === new URL(endpoint).pathname);
    expect(push?.payload).toMatchObject({ title: "Escalation · E2E Air", url: `/inbox?brand=e2e-air&c=${conversationId}` });

    // What the browser does on arrival: the worker's push handler shows the notification.
    const shown = await worker.evaluate(async (data) => {
      const scope = self as unknown as WorkerScope;
      scope.dispatchEvent(new scope.PushEvent("push", { data }));
      for (let i = 0; i < 50; i++) {
        const [n] = await scope.registration.getNotifications();
        if (n) return { title: n.title, body: n.body, url: (n.data as { url: string }).url };
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    }, JSON.stringify(push!.payload));
    expect(shown).toMatchObject({ title: "Escalation · E2E Air", url: `${base()}/inbox?brand=e2e-air&c=${conversationId}` });
    expect(shown!.body).toContain(String(stamp));

    // Tapping it: the open window goes to the conversation.
    await page.goto(`${base()}/account`);
    await worker.evaluate(async () => {
      const scope = self as unknown as WorkerScope;
      const [notification] = await scope.registration.getNotifications();
      scope.dispatchEvent(new scope.NotificationEvent("notificationclick", { notification }));
    });
    await page.waitForURL(new RegExp(`/inbox\\?brand=e2e-air&c=${conversationId}$`), { timeout: 15_000 });
    await page.getByTestId("conversation-customer").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).first().textContent()).toContain("Angry Flyer");
    await context.close();
  });
});
