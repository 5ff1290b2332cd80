import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, closeDatabase, type Db } from "@/db/client";
import { cliActor } from "@/lib/audit/record";
import { createUser, removeMembership, setMembership, setPassword, setUserDisabled } from "@/lib/team/users";
import { httpSignIn } from "../security/http-session";
import { sqlite } from "../helpers/db";

// Finding 1 and 4 of the security review, over real HTTP against the production build: a cookie
// stops working at sign-out, password reset and deactivation, and GET /api/auth/session never
// renews an ended one; an open live stream stops when access ends.
const base = () => inject("baseUrl");
const PASSWORD = "Session-pass-4821";
let db: Db;
let brandId = 0;
let otherBrandId = 0;

async function person(): Promise<{ id: number; email: string; cookie: string }> {
  const email = `sess-${crypto.randomBytes(4).toString("hex")}@e2e.test`;
  const user = await createUser({ db, email, password: PASSWORD, name: "Session person", actor: cliActor });
  await setMembership({ db, userId: user.id, brandId, role: "agent", actor: cliActor });
  await setMembership({ db, userId: user.id, brandId: otherBrandId, role: "agent", actor: cliActor });
  const { cookie } = await httpSignIn({ baseUrl: base(), email, password: PASSWORD });
  expect(cookie, "could not sign in").toBeTruthy();
  return { id: user.id, email, cookie: cookie! };
}

async function sessionOf(cookie: string): Promise<{ body: unknown; renewed: boolean }> {
  const response = await fetch(`${base()}/api/auth/session`, { headers: { cookie } });
  const renewed = response.headers.getSetCookie().some((c) => /authjs\.session-token=[^;]+/.test(c) && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c));
  return { body: await response.json(), renewed };
}

async function inboxStatus(cookie: string): Promise<string> {
  const response = await fetch(`${base()}/inbox`, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  return response.status === 200 ? "open" : (response.headers.get("location") ?? String(response.status));
}

async function expectEnded(cookie: string) {
  const { body, renewed } = await sessionOf(cookie);
  expect(body).toBeNull();
  expect(renewed).toBe(false);
  expect(await inboxStatus(cookie)).toMatch(/\/login/);
}

function addChange(brand: number): number {
  const row = sqlite(db)
    .prepare("INSERT INTO changes (brand_id, kind, created_at, seq) VALUES (?, 'e2e.session', ?, (SELECT coalesce(max(seq), 0) + 1 FROM changes)) RETURNING seq")
    .get(brand, Date.now()) as { seq: number };
  return row.seq;
}

// Reads the stream in the background; `ids` collects change ids, `ended` settles when the server closes it.
function openStream(cookie: string) {
  const ids: number[] = [];
  const controller = new AbortController();
  const ready = fetch(`${base()}/api/realtime?after=${addChange(brandId) - 1}`, { headers: { cookie }, signal: controller.signal });
  let text = "";
  const ended = (async () => {
    const response = await ready;
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text;
      text += decoder.decode(value, { stream: true });
      for (const m of text.matchAll(/^id: (\d+)\nevent: change/gm)) if (!ids.includes(Number(m[1]))) ids.push(Number(m[1]));
    }
  })().catch((error: Error) => {
    // The test stopping the stream is not a failure.
    if (error.name === "AbortError") return text;
    throw error;
  });
  return { ids, ended, stop: () => controller.abort() };
}

async function until(check: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return check();
}

beforeAll(async () => {
  db = openDatabase({ file: inject("databasePath"), runMigrations: false });
  brandId = (sqlite(db).prepare("SELECT id FROM brands WHERE slug = 'e2e-air'").get() as { id: number }).id;
  otherBrandId = (sqlite(db).prepare("SELECT id FROM brands WHERE slug = 'e2e-other'").get() as { id: number }).id;
});

afterAll(() => closeDatabase(db));

describe("sessions end over HTTP", () => {
  it("a signed-out cookie no longer works and is not renewed", async () => {
    const { cookie } = await person();
    expect((await sessionOf(cookie)).body).toMatchObject({ user: {} });
    expect(await inboxStatus(cookie)).toBe("open");
    const csrf = await fetch(`${base()}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = [cookie, ...csrf.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
    const out = await fetch(`${base()}/api/auth/signout`, { method: "POST", redirect: "manual", headers: { cookie: jar, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken }) });
    await out.arrayBuffer();
    // The copy of the cookie kept by someone else is dead too.
    await expectEnded(cookie);
  });

  it("an admin's password reset and a deactivation end the cookie at once", async () => {
    const reset = await person();
    await setPassword({ db, userId: reset.id, password: "Reset-pass-99182", mustChangePassword: true, actor: cliActor });
    await expectEnded(reset.cookie);
    const gone = await person();
    await setUserDisabled({ db, userId: gone.id, disabled: true, brandId, actor: cliActor });
    await expectEnded(gone.cookie);
  });

  it("lists the sessions on the account page", async () => {
    const { cookie } = await person();
    const response = await fetch(`${base()}/account`, { headers: { cookie } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain("This browser");
    expect(html).toContain("Sign out everywhere");
  });
});

// Finding 8: a one-time password must be replaced before it opens anything.
describe("a one-time password over HTTP", () => {
  it("opens no export, stream or presence until the person chooses their own", async () => {
    const email = `otp-${crypto.randomBytes(4).toString("hex")}@e2e.test`;
    const user = await createUser({ db, email, password: PASSWORD, name: "One-time", mustChangePassword: true, actor: cliActor });
    await setMembership({ db, userId: user.id, brandId, role: "manager", actor: cliActor });
    const { cookie } = await httpSignIn({ baseUrl: base(), email, password: PASSWORD });
    expect(cookie).toBeTruthy();
    const get = async (path: string) => {
      const response = await fetch(`${base()}${path}`, { headers: { cookie: cookie! }, redirect: "manual" });
      await response.body?.cancel();
      return response.status;
    };
    expect(await get("/dashboard/export?table=daily&brand=e2e-air")).toBe(403);
    expect(await get("/api/realtime")).toBe(403);
    expect(await get(`/api/presence?brandId=${brandId}&conversationId=1`)).toBe(403);
    // Every page shows the change form instead of what was asked for.
    const inbox = await fetch(`${base()}/inbox`, { headers: { cookie: cookie! } });
    const html = await inbox.text();
    expect(html).toContain("You signed in with a one-time password");
    expect(html).toContain('name="current"');
  });
});

describe("the live stream outlives no access", () => {
  it("stops delivering a brand the user is removed from", async () => {
    const { id, cookie } = await person();
    const stream = openStream(cookie);
    const seen = addChange(otherBrandId);
    expect(await until(() => stream.ids.includes(seen))).toBe(true);
    await removeMembership({ db, userId: id, brandId: otherBrandId, actor: cliActor });
    await new Promise((r) => setTimeout(r, 800));
    const hidden = addChange(otherBrandId);
    const still = addChange(brandId);
    expect(await until(() => stream.ids.includes(still))).toBe(true);
    expect(stream.ids).not.toContain(hidden);
    stream.stop();
  });

  it("closes when the user is deactivated", async () => {
    const { id, cookie } = await person();
    const stream = openStream(cookie);
    const seen = addChange(brandId);
    expect(await until(() => stream.ids.includes(seen))).toBe(true);
    await setUserDisabled({ db, userId: id, disabled: true, brandId, actor: cliActor });
    const text = await Promise.race([stream.ended, new Promise<string>((r) => setTimeout(() => r("still open"), 5000))]);
    expect(text).toContain("event: signed-out");
    stream.stop();
  });
});
