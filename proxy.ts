import { NextResponse, type NextRequest } from "next/server";
import { HSTS, servedOverHttps } from "@/lib/security/csp";
import { guardPage, hasSessionCookie } from "@/lib/security/page-guard";

// Under `next dev`, or a server other than scripts/serve.ts: the page guard of lib/security/page-guard.ts.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const signedIn = hasSessionCookie(request.headers.get("cookie"));
  const guard = guardPage({ pathname, search, signedIn, https: servedOverHttps(request.headers, request.nextUrl), dev: process.env.NODE_ENV === "development" });
  if ("redirect" in guard) return NextResponse.redirect(new URL(guard.redirect, request.url));
  const headers = new Headers(request.headers);
  headers.set("x-nonce", guard.nonce);
  headers.set("content-security-policy", guard.policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", guard.policy);
  if (guard.hsts) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|widget.js).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        // GUARDED_HEADER of lib/security/page-guard.ts (the matcher must be a literal)
        { type: "header", key: "x-replyhour-guarded" },
      ],
    },
  ],
};
