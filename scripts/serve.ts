import http from "node:http";
import { compressResponse } from "@/lib/ops/compression";
import { HSTS } from "@/lib/security/csp";
import { GUARDED_HEADER, guardPage, hasSessionCookie, isPageRequest } from "@/lib/security/page-guard";
import { parseArgs } from "./lib/args";

// The production web server: Next's request handler behind our own response compression
// (Brotli at a low quality, writes gathered per turn; see lib/ops/compression.ts). `npm start`,
// the bench and the end-to-end tests all start this, through serverCommand() in lib/ops/next-server.ts.

const { flags } = parseArgs(process.argv.slice(2));
const port = Number(flags.port ?? process.env.PORT ?? 3000);
const hostname = typeof flags.hostname === "string" ? flags.hostname : undefined;
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${flags.port}"`);

// tsx turns source maps on; Next's own files would then each keep theirs (80 MB more). Off, as
// under `next start`.
process.setSourceMapsEnabled(false);
// As `next start` does; React picks its production build by this when first loaded.
(process.env as Record<string, string>).NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// The page guard here rather than in proxy.ts: Next's proxy costs a page 1–2 ms of CPU
// (a request and a response object of its own, headers copied both ways).
function guard(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  delete req.headers[GUARDED_HEADER];
  const target = req.url ?? "/";
  let url: URL;
  try {
    url = new URL(target.startsWith("/") ? `http://localhost${target}` : target);
  } catch {
    res.writeHead(400).end();
    return false;
  }
  const { pathname, search } = url;
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  if (!isPageRequest(pathname, header)) return true;
  const https = (header("x-forwarded-proto")?.split(",")[0].trim().toLowerCase() ?? "http") === "https";
  const page = guardPage({ pathname, search, signedIn: hasSessionCookie(header("cookie")), https });
  if ("redirect" in page) {
    res.writeHead(307, { Location: page.redirect }).end();
    return false;
  }
  req.headers["x-nonce"] = page.nonce;
  req.headers["content-security-policy"] = page.policy;
  req.headers[GUARDED_HEADER] = "1";
  res.setHeader("Content-Security-Policy", page.policy);
  if (page.hsts) res.setHeader("Strict-Transport-Security", HSTS);
  return true;
}

const server = http.createServer((req, res) => {
  if (!guard(req, res)) return;
  compressResponse(req, res);
  handle(req, res).catch((error: unknown) => {
    console.error(`Failed to handle request for ${req.url}`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("error", (error) => {
  console.error("Failed to start the web server:", error);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `${address.address}:${address.port}` : String(address);
  console.log(`Web server ready on ${shown}`);
});

// Finish the requests under way for up to 5 s (open event streams never finish), then leave.
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  void Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000).unref())])
    .then(() => app.close())
    .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
