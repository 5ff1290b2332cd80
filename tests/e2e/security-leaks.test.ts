import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, closeDatabase } from "@/db/client";
import { channels } from "@/db/schema";
import { cliActor } from "@/lib/audit/record";
import { createToken } from "@/lib/auth/tokens";
import { createBrand } from "@/lib/brands/brands";
import { encryptCredentials } from "@/lib/security/credentials";
import { resetSecretsCache } from "@/lib/security/secrets";
import { createUser, setMembership } from "@/lib/team/users";
import { signMetaPayload } from "../fakes/payloads";
import { tempDir } from "../helpers/db";
import { httpSignIn } from "../security/http-session";
import { freePort, serverCommand } from "@/lib/ops/next-server";

// A server of its own, so its whole stdout/stderr is ours and sign-in limits hurt nobody else.
const DIST = process.env.NEXT_DIST_DIR || ".next";
const SECRETS = {
  AUTH_SECRET: "leak-auth-secret-Q7w9E2r4T6y8U0i1O3p5",
  CREDENTIALS_KEY: "leak-credentials-key-A1s3D5f7G9h0J2k4",
  META_APP_SECRET: "leak-meta-app-secret-Z8x6C4v2B0n9",
  META_VERIFY_TOKEN: "leak-meta-verify-M1n2B3v4C5x6",
};
const BOT_TOKEN = "918273:AAE-leak-bot-token-P0o9I8u7Y6t5";
const TG_SECRET = "leak-telegram-hook-secret-L1k2J3h4";
const PASSWORDS = { victim: "Victim-password-9182", admin: "Admin2-password-7364" };

let child: ChildProcess;
let log = "";
let baseUrl = "";
let apiToken = "";
let channelId = 0;
const seen: { url: string; body: string }[] = [];


beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "BUILD_ID"))) throw new Error(`No production build in ${DIST}: run \`npm run build\`.`);
  const file = path.join(tempDir("replyhour-leaks-"), "leaks.db");
  const saved = { key: process.env.CREDENTIALS_KEY, auth: process.env.AUTH_SECRET };
  process.env.CREDENTIALS_KEY = SECRETS.CREDENTIALS_KEY;
  process.env.AUTH_SECRET = SECRETS.AUTH_SECRET;
  resetSecretsCache();
  const db = openDatabase({ file });
  const brand = await createBrand({ db, slug: "leaks", name: "Leaks", actor: cliActor });
  for (const [who, role] of [["victim", "admin"], ["admin", "admin"]] as const) {
    const user = await createUser({ db, email: `${who}@leaks.test`, password: PASSWORDS[who], name: who, actor: cliActor });
    await setMembership({ db, userId: user.id, brandId: brand.id, role, actor: cliActor });
  }
  apiToken = await createToken({ db, brandId: brand.id, name: "leak", actor: cliActor });
  const [channel] = await db.transaction((tx) =>
    tx.insert(channels).values({ brandId: brand.id, kind: "telegram", name: "Leak bot", accountId: "918273", credentials: encryptCredentials({ botToken: BOT_TOKEN, webhookSecret: TG_SECRET }) }).returning({ id: channels.id }),
  );
  channelId = channel.id;
  closeDatabase(db);
  process.env.CREDENTIALS_KEY = saved.key;
  process.env.AUTH_SECRET = saved.auth;
  resetSecretsCache();

  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, serverCommand({ port, host: "127.0.0.1" }), {
    env: { ...process.env, ...SECRETS, DATABASE_PATH: file, DEMO: "0", DEMO_TRAFFIC: "0", NEXT_TELEMETRY_DISABLED: "1", TELEGRAM_API_URL: "http://127.0.0.1:9", TRUSTED_PROXIES: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode != null) throw new Error(`server exited\n${log}`);
    try {
      if ((await fetch(`${baseUrl}/login`)).status < 500) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`server did not start\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode == null) child.kill("SIGKILL");
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url.startsWith("http") ? url : `${baseUrl}${url}`, { headers, redirect: "manual" });
  const body = await response.text();
  seen.push({ url, body });
  return { response, body };
}

describe("sign-in brute force over HTTP", () => {
  // The test stands where a trusted reverse proxy would, so X-Forwarded-For names each client.
  it("slows the attacked account from addresses it never signed in from, and an address spraying accounts", async () => {
    for (let i = 0; i < 10; i++) {
      const r = await httpSignIn({ baseUrl, email: "victim@leaks.test", password: `guess-${i}`, headers: { "x-forwarded-for": `203.0.113.${i}` } });
      expect(r.cookie).toBeNull();
    }
    const locked = await httpSignIn({ baseUrl, email: "victim@leaks.test", password: PASSWORDS.victim, headers: { "x-forwarded-for": "198.51.100.7" } });
    expect(locked.cookie).toBeNull();
    expect(locked.location).toMatch(/code=limited/);
    // Spraying many accounts from one address locks that address, not the people elsewhere.
    for (let i = 0; i < 10; i++) await httpSignIn({ baseUrl, email: `nobody${i}@leaks.test`, password: "x", headers: { "x-forwarded-for": "192.0.2.50" } });
    const sprayer = await httpSignIn({ baseUrl, email: "admin@leaks.test", password: PASSWORDS.admin, headers: { "x-forwarded-for": "192.0.2.50" } });
    expect(sprayer.location).toMatch(/code=limited/);
    const other = await httpSignIn({ baseUrl, email: "admin@leaks.test", password: PASSWORDS.admin, headers: { "x-forwarded-for": "192.0.2.51" } });
    expect(other.cookie).toBeTruthy();
  }, 60_000);
});

describe("secrets never leave the server", () => {
  it("are in no page, flight payload or script the browser gets, and in no log line", async () => {
    const { cookie } = await httpSignIn({ baseUrl, email: "admin@leaks.test", password: PASSWORDS.admin });
    expect(cookie).toBeTruthy();
    // Failures that are logged or recorded: bad webhooks, bad tokens, bad bodies, a reply that cannot be sent.
    await fetch(`${baseUrl}/api/webhooks/telegram/${channelId}`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "wrong" }, body: "{}" });
    await fetch(`${baseUrl}/api/webhooks/telegram/${channelId}`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TG_SECRET }, body: "{oops" });
    await fetch(`${baseUrl}/api/webhooks/meta`, { method: "POST", headers: { "x-hub-signature-256": signMetaPayload({ body: "{}", appSecret: "nope" }).header }, body: "{}" });
    await fetch(`${baseUrl}/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`);
    await fetch(`${baseUrl}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${apiToken}x` }, body: "{}" });
    const stored = await fetch(`${baseUrl}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json" },
      body: JSON.stringify({ externalId: "918273:1", kind: "private_message", threadId: "918273", text: "hello", createdAt: new Date().toISOString(), author: { id: "1" }, channel: String(channelId) }),
    });
    expect(stored.status).toBe(202);
    const pages = ["/login", "/inbox?brand=leaks", "/dashboard?brand=leaks", "/settings/channels?brand=leaks", "/settings/team?brand=leaks", "/settings/brands?brand=leaks", "/settings/audit?brand=leaks", "/escalations?brand=leaks"];
    const scripts = new Set<string>();
    for (const page of pages) {
      const { response, body } = await get(page, { cookie: cookie! });
      expect(response.status, page).toBeLessThan(400);
      for (const m of body.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)) scripts.add(m[1]);
      await get(page, { cookie: cookie!, RSC: "1" });
    }
    expect(scripts.size).toBeGreaterThan(3);
    for (const script of scripts) await get(script);
    // Every client chunk of the build, not only those these pages load.
    const staticFiles = walk(path.join(DIST, "static")).filter((f) => /\.(js|css|json|html|txt)$/.test(f));
    const onDisk = staticFiles.map((f) => ({ url: f, body: fs.readFileSync(f, "utf8") }));
    // Give the worker a moment to try the queued reply and fail.
    await new Promise((r) => setTimeout(r, 1500));
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode != null ? r(null) : child.once("exit", r)));
    const secrets = [...Object.values(SECRETS), BOT_TOKEN, BOT_TOKEN.split(":")[1], TG_SECRET, apiToken, ...Object.values(PASSWORDS)];
    const leaks: string[] = [];
    for (const { url, body } of [...seen, ...onDisk, { url: "server log", body: log }])
      for (const secret of secrets) if (body.includes(secret)) leaks.push(`${secret.slice(0, 10)}… in ${url}`);
    expect(leaks).toEqual([]);
    expect(log.length).toBeGreaterThan(0);
  }, 120_000);
});

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
