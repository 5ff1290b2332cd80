import { describe, expect, it } from "vitest";
import { guardPage, hasSessionCookie, isPageRequest } from "@/lib/security/page-guard";

const none = () => undefined;

describe("the page guard (scripts/serve.ts, proxy.ts)", () => {
  it("guards pages, not API routes, static files, the widget or prefetches", () => {
    for (const path of ["/", "/login", "/inbox", "/dashboard/staffing", "/status/skyway", "/api-docs"]) expect(isPageRequest(path, none), path).toBe(true);
    for (const path of ["/api/ingest/meta", "/_next/static/chunks/a.js", "/_next/image", "/favicon.ico", "/widget.js"]) expect(isPageRequest(path, none), path).toBe(false);
    expect(isPageRequest("/inbox", (name) => (name === "next-router-prefetch" ? "1" : undefined))).toBe(false);
    expect(isPageRequest("/inbox", (name) => (name === "purpose" ? "prefetch" : undefined))).toBe(false);
    expect(isPageRequest("/inbox", (name) => (name === "purpose" ? "preview" : undefined))).toBe(true);
  });

  it("sees a session cookie by its name only, plain, secure or chunked", () => {
    expect(hasSessionCookie("theme=dark; authjs.session-token=abc")).toBe(true);
    expect(hasSessionCookie("__Secure-authjs.session-token=abc")).toBe(true);
    expect(hasSessionCookie("theme=dark;authjs.session-token.0=abc")).toBe(true);
    expect(hasSessionCookie("authjs.session-token-x=abc")).toBe(false);
    expect(hasSessionCookie("x=authjs.session-token=abc")).toBe(false);
    expect(hasSessionCookie("")).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
  });

  it("sends signed-out visitors of the app's areas to the sign-in page, with where they were going", () => {
    expect(guardPage({ pathname: "/inbox/42", search: "?brand=skyway", signedIn: false, https: false })).toEqual({ redirect: "/login?next=%2Finbox%2F42%3Fbrand%3Dskyway" });
    expect(guardPage({ pathname: "/dashboard", search: "", signedIn: false, https: true })).toEqual({ redirect: "/login?next=%2Fdashboard" });
    // Not an area: the page itself decides.
    expect("redirect" in guardPage({ pathname: "/inboxes", search: "", signedIn: false, https: false })).toBe(false);
  });

  it("gives every other page a fresh nonce in its policy, and HSTS over HTTPS only", () => {
    const a = guardPage({ pathname: "/inbox", search: "", signedIn: true, https: false });
    const b = guardPage({ pathname: "/login", search: "", signedIn: false, https: true });
    if ("redirect" in a || "redirect" in b) throw new Error("redirected");
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.policy).toContain(`'nonce-${a.nonce}'`);
    expect(a.policy).not.toContain("unsafe-eval");
    expect([a.hsts, b.hsts]).toEqual([false, true]);
    const dev = guardPage({ pathname: "/", search: "", signedIn: false, https: false, dev: true });
    expect("policy" in dev && dev.policy).toContain("'unsafe-eval'");
  });
});
