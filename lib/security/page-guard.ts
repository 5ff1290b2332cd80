import { contentSecurityPolicy, makeNonce } from "./csp";

// What every page request gets before Next renders it: signed-out visitors of the app's areas
// are sent to the sign-in page, and every other page a fresh script nonce in its CSP. The web
// server (scripts/serve.ts) does it itself for each request; proxy.ts does the same under
// `next dev` and for a request the server did not mark. Every page and action still checks the
// session itself: the redirect only saves a signed-out visitor a useless render.

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const SIGNED_IN_AREAS = ["/inbox", "/escalations", "/dashboard", "/settings", "/audit", "/account"];
/** Set by the web server on the requests it guarded: proxy.ts leaves those alone (its matcher says so). */
export const GUARDED_HEADER = "x-replyhour-guarded";

export type PageGuard = { redirect: string } | { nonce: string; policy: string; hsts: boolean };

function inArea(pathname: string): boolean {
  return SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

/** Pages only: API routes answer JSON or streams and set their own headers, static files need none, a prefetch renders nothing yet. */
export function isPageRequest(pathname: string, header: (name: string) => string | null | undefined): boolean {
  if (/^\/(api\/|_next\/static|_next\/image|favicon\.ico|widget\.js)/.test(pathname)) return false;
  return header("next-router-prefetch") == null && header("purpose") !== "prefetch";
}

/** The session cookies' presence, from a Cookie header (their value is checked by the page). */
export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => {
    const name = pair.slice(0, pair.indexOf("=")).trim();
    // Auth.js splits a long cookie into name.0, name.1, …
    return SESSION_COOKIES.some((cookie) => name === cookie || name === `${cookie}.0`);
  });
}

export function guardPage({ pathname, search, signedIn, https, dev = false }: { pathname: string; search: string; signedIn: boolean; https: boolean; dev?: boolean }): PageGuard {
  if (inArea(pathname) && !signedIn) return { redirect: `/login?${new URLSearchParams({ next: pathname + search })}` };
  const nonce = makeNonce();
  return { nonce, policy: contentSecurityPolicy({ nonce, dev }), hsts: https };
}
