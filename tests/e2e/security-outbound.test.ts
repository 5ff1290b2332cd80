import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, closeDatabase, type Db } from "@/db/client";
import { operator } from "@/lib/auth/authorize";
import { sendTestWebhook } from "@/lib/escalation/endpoints";
import { encryptCredentials } from "@/lib/security/credentials";
import { resetSecretsCache } from "@/lib/security/secrets";
import { httpSignIn } from "../security/http-session";
import { sqlite } from "../helpers/db";

// Finding 3 over real HTTP: the production server's worker sends "Send a test" and the settings
// page shows the outcome. The server allows only 127.0.0.1 (its fakes); 127.0.0.2, written as
// the decimal 2130706434, is another loopback address and must stay unreached.
const INTERNAL_BODY = "internal-admin-console-secret-7731";
const base = () => inject("baseUrl");
let db: Db;
let brandId = 0;
const receivers: { server: http.Server; hits: number; port: number }[] = [];

async function receiver(host: string) {
  const entry = { server: http.createServer(), hits: 0, port: 0 };
  entry.server.on("request", (req, res) => {
    entry.hits++;
    req.resume();
    res.writeHead(500).end(INTERNAL_BODY);
  });
  await new Promise<void>((r) => entry.server.listen(0, host, r));
  entry.port = (entry.server.address() as AddressInfo).port;
  receivers.push(entry);
  return entry;
}

function endpoint(name: string, url: string): number {
  const row = sqlite(db).prepare("INSERT INTO webhook_endpoints (brand_id, name, url, secret, enabled) VALUES (?, ?, ?, ?, 1)").run(brandId, name, url, encryptCredentials({ secret: "whsec_e2e" }));
  return Number(row.lastInsertRowid);
}

async function settled(deliveryId: number) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const row = sqlite(db).prepare("SELECT state, attempts, last_error AS error FROM webhook_deliveries WHERE id = ?").get(deliveryId) as { state: string; attempts: number; error: string | null };
    // A claim counts the attempt before it is made: settled is when its outcome is written.
    if ((row.attempts > 0 && (row.error !== null || row.state !== "queued")) || Date.now() > deadline) return row;
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(() => {
  process.env.CREDENTIALS_KEY = "e2e-credentials-key-0123456789abcdef";
  resetSecretsCache();
  db = openDatabase({ file: inject("databasePath"), runMigrations: false });
  brandId = (sqlite(db).prepare("SELECT id FROM brands WHERE slug = 'e2e-air'").get() as { id: number }).id;
});

afterAll(async () => {
  closeDatabase(db);
  for (const r of receivers) await new Promise((done) => r.server.close(done));
});

describe("outgoing webhooks stay outside the network", () => {
  it("never reaches a loopback receiver the operator did not allow, and the page shows only a fixed reason", async () => {
    const inside = await receiver("127.0.0.2");
    const id = endpoint("Inside", `http://2130706434:${inside.port}/hook`);
    const delivery = await settled(await sendTestWebhook({ db, brandId, id, actor: operator }));
    expect(inside.hits).toBe(0);
    expect(delivery).toMatchObject({ state: "failed" });
    expect(delivery.error).toMatch(/private or reserved network/);
  });

  it("shows the status of an allowed receiver's answer, never its body", async () => {
    const allowed = await receiver("127.0.0.1");
    const id = endpoint("Self-hosted", `http://127.0.0.1:${allowed.port}/hook`);
    const delivery = await settled(await sendTestWebhook({ db, brandId, id, actor: operator }));
    expect(allowed.hits).toBeGreaterThan(0);
    expect(delivery.error).toBe("HTTP 500");
    const { cookie } = await httpSignIn({ baseUrl: base(), email: inject("people").admin, password: inject("password") });
    const page = await (await fetch(`${base()}/settings/escalation?brand=e2e-air`, { headers: { cookie: cookie! } })).text();
    expect(page).toContain("HTTP 500");
    expect(page).toContain("private or reserved network");
    expect(page).not.toContain(INTERNAL_BODY);
  });
});
