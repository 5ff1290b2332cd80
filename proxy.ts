import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS, makeNonce, servedOverHttps } from "@/lib/security/csp";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const SIGNED_IN_AREAS = ["/inbox", "/escalations", "/dashboard", "/settings", "/audit", "/account"];

function inArea(pathname: string): boolean {
  return SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

// Every page gets a fresh script nonce in its CSP. Signed-out visitors of the app's areas are
// only redirected here; every page and action still checks the session itself.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (inArea(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = new URL("/login", request.url);
    url.searchParams.set("next", pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  const nonce = makeNonce();
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  if (servedOverHttps(request.headers, request.nextUrl)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Pages only: API routes answer JSON or streams and set their own headers; static files need none.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|widget.js).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
