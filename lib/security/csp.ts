// The page policy: scripts only with this response's nonce (Next.js puts it on its own scripts
// when it finds it in the request's CSP header) or loaded by one of them ('strict-dynamic').
// Styles stay inline-capable: React and Radix set style attributes, which a nonce cannot cover.
export function contentSecurityPolicy({ nonce, dev = false }: { nonce: string; dev?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Remote images appear only where the page lets them: a mail's sandboxed frame keeps its own
    // stricter policy until the agent asks for that message's images.
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export const HSTS = "max-age=31536000; includeSubDomains";

// HTTPS as the browser saw it: Next sets X-Forwarded-Proto from the socket unless a proxy in front did.
export function servedOverHttps(headers: Headers, url: URL): boolean {
  const proto = headers.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  return proto ? proto === "https" : url.protocol === "https:";
}
