import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase, database } from "@/db/client";
import { encode } from "next-auth/jwt";
import { roleAtLeast } from "@/lib/auth/access";
import { checkSession, startSession } from "@/lib/auth/sessions";
import { isAppError } from "@/lib/errors";
import { resetSecretsCache } from "@/lib/security/secrets";
import { tempDir } from "../helpers/db";
import { scanActions, scanRoutes } from "./authz/scan";
import { ACTION_VARIANTS, ACTIONS, ROUTES, type Access, type ActionEntry, type RouteCall } from "./authz/table";
import { dbFingerprint, makeWorld, PERSONAS, STORED, type Persona, type World } from "./authz/world";

// Only Auth.js's own routes, Next's cache and its request headers and cookie jar are substituted:
// each persona signs in with a real session row and an encrypted session cookie, and the cookie
// check in lib/auth/session.ts, the membership and role checks and every query run for real.
const session = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock("@/lib/auth/next-auth", () => ({
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: { GET: async () => new Response(null, { status: 404 }), POST: async () => new Response(null, { status: 404 }) },
}));
// The sign-in action imports Auth.js's error classes; the real package needs Next's runtime.
vi.mock("next-auth", () => ({
  AuthError: class AuthError extends Error {},
  CredentialsSignin: class CredentialsSignin extends Error {
    code = "credentials";
  },
}));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
}));

// Outside a request Next has no cookie jar: one in memory stands in (the theme switch writes it).
const cookieJar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => new Headers({ "x-forwarded-proto": "http", ...(session.cookie ? { cookie: session.cookie } : {}) }),
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
    set: (name: string, value: string) => void cookieJar.set(name, value),
    delete: (name: string) => void cookieJar.delete(name),
  }),
}));

type Outcome = "allowed" | "unauthenticated" | "forbidden" | "not_found" | `error: ${string}` | `status ${number}`;

let w: World;
beforeAll(async () => {
  closeDatabase();
  process.env.DATABASE_PATH = path.join(tempDir("replyhour-authz-"), "authz.db");
  process.env.AUTH_SECRET = "authz-auth-secret-0123456789abcdef0123";
  process.env.CREDENTIALS_KEY = "authz-credentials-key-0123456789abcdef";
  process.env.META_APP_SECRET = "authz-meta-secret";
  process.env.META_VERIFY_TOKEN = "authz-verify";
  resetSecretsCache();
  w = await makeWorld(database());
});

function expected(access: Access, persona: Persona, outsider: ActionEntry["outsider"] = "not_found"): Outcome {
  if (access === "public") return "allowed";
  if (persona === "signed-out") return "unauthenticated";
  if (access === "signed-in") return "allowed";
  if (persona === "outsider") return outsider;
  return roleAtLeast(persona, access) ? "allowed" : "forbidden";
}

// A live session of the persona's own (an action may have ended the last one), in the cookie Auth.js sets over http.
const sessionIds = new Map<Persona, string>();
async function signInAs(persona: Persona) {
  if (persona === "signed-out") {
    session.cookie = null;
    return;
  }
  const userId = w.people[persona].id;
  let sid = sessionIds.get(persona);
  if (!sid || !(await checkSession({ sessionId: sid, userId }))) {
    sid = await startSession({ userId });
    sessionIds.set(persona, sid);
  }
  const token = await encode({ token: { uid: String(userId), sid }, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token", maxAge: 3600 });
  session.cookie = `authjs.session-token=${token}`;
}

function fromThrown(error: unknown): Outcome {
  if (isAppError(error)) return error.kind === "unauthorized" ? "unauthenticated" : error.kind === "forbidden" ? "forbidden" : error.kind === "not_found" ? "not_found" : `error: ${error.message}`;
  const digest = String((error as { digest?: unknown })?.digest ?? "");
  if (digest.startsWith("NEXT_REDIRECT")) return digest.includes("/login") ? "unauthenticated" : "allowed";
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "not_found";
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;403")) return "forbidden";
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;401")) return "unauthenticated";
  throw error;
}

// runAction turns AppErrors into { error: message }; the messages of lib/errors.ts and
// requireMembership tell the refusals apart from ordinary failures.
function fromResult(result: unknown): Outcome {
  const error = result && typeof result === "object" && "error" in result ? (result as { error?: unknown }).error : undefined;
  if (typeof error !== "string") return "allowed";
  if (/^Sign in first/.test(error)) return "unauthenticated";
  if (/^The brand was not found/.test(error)) return "not_found";
  if (/permission for this|needs the \w+ role|Only admins|needs a manager/.test(error)) return "forbidden";
  return `error: ${error}`;
}

async function callAction(key: string, entry: ActionEntry, persona: Persona, build = entry.form): Promise<{ outcome: Outcome; changed: boolean }> {
  const [file, name] = key.split("#");
  const fn = (await import(/* @vite-ignore */ path.resolve(file)))[name] as (...args: unknown[]) => Promise<unknown>;
  expect(typeof fn, `${key} is not an exported function`).toBe("function");
  const values = build ? await build(w, persona) : {};
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  const args = entry.noArgs ? [] : entry.args ? await entry.args(w, persona) : entry.formOnly ? [form] : [null, form];
  await signInAs(persona);
  const before = dbFingerprint(w.db);
  let outcome: Outcome;
  try {
    outcome = fromResult(await fn(...args));
  } catch (error) {
    outcome = fromThrown(error);
  }
  return { outcome, changed: dbFingerprint(w.db) !== before };
}

describe("the authorization table", () => {
  it("lists every route handler and server action of the app, and nothing else", () => {
    const routes = scanRoutes().map((r) => r.key);
    const actions = scanActions().map((a) => a.key);
    expect(routes.filter((k) => !(k in ROUTES)), "routes without an entry in tests/security/authz/table.ts").toEqual([]);
    expect(Object.keys(ROUTES).filter((k) => !routes.includes(k)), "stale route entries").toEqual([]);
    expect(actions.filter((k) => !(k in ACTIONS)), "server actions without an entry in tests/security/authz/table.ts").toEqual([]);
    expect(Object.keys(ACTIONS).filter((k) => !actions.includes(k)), "stale action entries").toEqual([]);
    expect(routes.length).toBeGreaterThan(5);
    expect(actions.length).toBeGreaterThan(5);
  });
});

const actionRows: [string, string, ActionEntry][] = [
  ...Object.entries(ACTIONS).map(([key, entry]) => [key, key, entry] as [string, string, ActionEntry]),
  ...Object.entries(ACTION_VARIANTS).map(([label, entry]) => [`${entry.action} (${label})`, entry.action, entry] as [string, string, ActionEntry]),
];

describe.each(actionRows)("server action %s", (_label, key, entry) => {
  it.each(PERSONAS.map((p) => [p]))("as %s", async (persona) => {
    const want = expected(entry.access, persona, entry.outsider);
    const { outcome, changed } = await callAction(key, entry, persona);
    if (want === "allowed" && entry.authorizedOnly) expect(["unauthenticated", "forbidden", "not_found"]).not.toContain(outcome);
    else expect(outcome).toBe(want);
    if (want !== "allowed") expect(changed, "a refused call changed the database").toBe(false);
  });

  if (entry.cross) {
    it("changes nothing when brand A's objects are named from brand B", async () => {
      const { changed } = await callAction(key, entry, "outsider", entry.cross);
      expect(changed).toBe(false);
    });
  }
});

async function callRoute(key: string, call: RouteCall, headers: Record<string, string> = {}): Promise<Response> {
  const entryFile = scanRoutes().find((r) => r.key === key)!;
  const handler = (await import(/* @vite-ignore */ path.resolve(entryFile.file)))[entryFile.method] as (r: Request, ctx: unknown) => Promise<Response>;
  const abort = new AbortController();
  const init = { ...call.init, headers: { ...(call.init?.headers as Record<string, string>), ...headers }, signal: abort.signal };
  const response = await handler(new Request(`http://localhost${call.url}`, init), { params: Promise.resolve(call.params ?? {}) });
  // Streams (server-sent events) end with the client.
  if ((response.headers.get("content-type") ?? "").includes("event-stream")) {
    abort.abort();
    await response.body?.cancel().catch(() => undefined);
  }
  return response;
}

function statusOutcome(status: number): Outcome {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  return status < 400 ? "allowed" : `status ${status}`;
}

describe.each(Object.entries(ROUTES))("route %s", (key, entry) => {
  if ("overHttpIn" in entry) {
    // Auth.js is stood in for here; its csrf and credentials endpoints are driven over real HTTP.
    it.each(entry.overHttpIn)("is driven over HTTP by %s", (file) => {
      const source = fs.readFileSync(path.resolve(file), "utf8");
      expect(source).toMatch(/httpSignIn\(/);
    });
    return;
  }
  if (entry.access === "webhook") {
    it("refuses a forged signature or a guessed secret, storing nothing", async () => {
      const before = dbFingerprint(w.db, { only: STORED });
      const response = await callRoute(key, await entry.request(w));
      expect([401, 403, 404]).toContain(response.status);
      expect((await response.json()).error.message).toBeTruthy();
      expect(dbFingerprint(w.db, { only: STORED })).toBe(before);
    });
    return;
  }
  if (entry.access === "token:read" || entry.access === "token:ingest" || entry.access === "token:write") {
    const scope = entry.access.slice("token:".length);
    // A write token is refused with a read token too, the scope tokens get by default.
    const otherScope = (): string => (scope === "read" ? w.tokens.ingestA : w.tokens.readA);
    const rightScope = (): string => ({ read: w.tokens.readA, ingest: w.tokens.ingestA, write: w.tokens.writeA })[scope]!;
    const refusals: [string, () => string | null, number][] = [
      ["no token", () => null, 401],
      ["a forged token", () => "rh_forged0000000000000000000000000000000000", 401],
      ["a token without the scope", otherScope, 403],
    ];
    it.each(refusals)("refuses %s", async (_label, token, status) => {
      const call = await entry.request(w);
      const before = dbFingerprint(w.db, { only: STORED });
      const t = token();
      const response = await callRoute(key, call, t ? { authorization: `Bearer ${t}` } : {});
      expect(response.status).toBe(status);
      expect(dbFingerprint(w.db, { only: STORED })).toBe(before);
    });
    it("serves a token with the scope", async () => {
      const response = await callRoute(key, await entry.request(w), { authorization: `Bearer ${rightScope()}` });
      expect(response.status).toBeLessThan(300);
    });
    it("keeps another brand's token away from brand A", async () => {
      const other = await entry.otherBrand(w);
      const before = dbFingerprint(w.db, { only: STORED });
      await other.expect(await callRoute(key, other.call, { authorization: `Bearer ${other.token}` }), w);
      expect(dbFingerprint(w.db, { only: STORED })).toBe(before);
    });
    return;
  }
  const access = entry.access;
  it.each(PERSONAS.map((p) => [p]))("as %s", async (persona) => {
    await signInAs(persona);
    const response = await callRoute(key, await entry.request(w));
    const want = expected(access, persona);
    // A public route must not depend on a session; a 404 for a brand without a public page is fine.
    if (access === "public") expect(response.status === 404 || response.status < 400).toBe(true);
    else expect(statusOutcome(response.status)).toBe(want);
  });
  if ("cross" in entry && entry.cross) {
    const cross = entry.cross;
    it("changes nothing when brand A's objects are named from brand B", async () => {
      const call = await cross(w);
      await signInAs("outsider");
      const before = dbFingerprint(w.db);
      const response = await callRoute(key, call);
      expect(response.status).toBeLessThan(500);
      expect(dbFingerprint(w.db)).toBe(before);
      const body = await response.text();
      for (const p of [w.people.agent, w.people.manager, w.people.admin]) expect(body).not.toContain(p.email);
    });
  }
});
