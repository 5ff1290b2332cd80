import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { httpSignIn } from "../security/http-session";

// Every page of the app, found on disk, fetched over HTTP with real session cookies as each
// persona. A page without an entry fails the test; the roles follow DESIGN.md.
type Access = "public" | "signed-in" | "agent" | "manager" | "admin";
const PAGES: Record<string, Access> = {
  "/": "signed-in",
  "/login": "public",
  "/status/[slug]": "public",
  "/demo/site": "public",
  "/api/docs": "public",
  // The service worker keeps it for when the network is away; it holds no data.
  "/offline": "public",
  "/inbox": "agent",
  "/dashboard": "agent",
  // Agents get the page's "no access" notice, never the figures (checked in lib too).
  "/dashboard/weekly": "manager",
  "/escalations": "manager",
  "/settings": "signed-in",
  "/account": "signed-in",
  "/settings/brands": "admin",
  "/settings/channels": "admin",
  "/settings/team": "admin",
  "/settings/audit": "admin",
  // Read by every member; editing is checked by role inside (and by the action matrix).
  "/settings/sla": "agent",
  "/settings/templates": "agent",
  "/settings/escalation": "manager",
  "/settings/staffing": "manager",
};

function scanPages(dir = "app"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith("_") ? [] : scanPages(full);
    if (!/^page\.(tsx|ts|jsx|js)$/.test(e.name)) return [];
    return ["/" + full.split(path.sep).slice(1, -1).filter((s) => !/^\(.*\)$/.test(s)).join("/")];
  });
}

const RANK = { agent: 1, manager: 2, admin: 3 } as const;
const personas = ["signed-out", "outsider", "agent", "manager", "admin"] as const;
const cookies: Record<string, string | null> = { "signed-out": null };
const base = () => inject("baseUrl");

beforeAll(async () => {
  const people = inject("people");
  for (const p of ["agent", "manager", "admin"] as const) cookies[p] = (await httpSignIn({ baseUrl: base(), email: people[p], password: inject("password") })).cookie;
  cookies.outsider = (await httpSignIn({ baseUrl: base(), email: "outsider@e2e.test", password: inject("password") })).cookie;
  for (const p of personas.slice(1)) expect(cookies[p], `${p} could not sign in`).toBeTruthy();
});

describe("pages by role", () => {
  it("has an entry for every page", () => {
    const pages = scanPages();
    expect(pages.filter((p) => !(p in PAGES))).toEqual([]);
    expect(Object.keys(PAGES).filter((p) => !pages.includes(p))).toEqual([]);
  });

  for (const [page, access] of Object.entries(PAGES)) {
    for (const persona of personas) {
      it(`${page} as ${persona}`, async () => {
        const url = `${base()}${page.replace("[slug]", "e2e-air")}?brand=e2e-air`;
        const response = await fetch(url, { redirect: "manual", headers: cookies[persona] ? { cookie: cookies[persona]! } : {} });
        const body = response.status === 200 ? await response.text() : "";
        const location = response.headers.get("location") ?? "";
        if (access === "public") {
          expect(location).not.toMatch(/\/login/);
          return expect(response.status).toBeLessThan(500);
        }
        if (persona === "signed-out") {
          // Follow the redirects ("/" goes by way of /inbox): they must end at the sign-in page.
          let next = location;
          for (let hop = 0; hop < 5 && next && !/\/login/.test(next); hop++) next = (await fetch(new URL(next, base()), { redirect: "manual" })).headers.get("location") ?? "";
          expect(response.status).toBeGreaterThanOrEqual(300);
          expect(response.status).toBeLessThan(400);
          return expect(next).toMatch(/\/login/);
        }
        if (access === "signed-in") return expect(location).not.toMatch(/\/login/);
        if (persona === "outsider") {
          // Another brand does not exist for them: 404, and nothing of it on the page.
          expect(response.status).toBe(404);
          return;
        }
        expect(response.status).toBe(200);
        if (RANK[persona] >= RANK[access]) expect(body).not.toContain("No access");
        else expect(body).toContain("No access");
      });
    }
  }
});
