import http from "node:http";
import zlib from "node:zlib";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { httpSignIn } from "../security/http-session";

type Answer = { status: number; headers: http.IncomingHttpHeaders; raw: Buffer; body: string };

// node:http, not fetch: fetch decodes the body and would hide what came over the wire.
function get(path: string, headers: Record<string, string>): Promise<Answer> {
  const url = new URL(path, inject("baseUrl"));
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const raw: Buffer[] = [];
        response.on("data", (chunk: Buffer) => raw.push(chunk));
        response.on("end", () => {
          const bytes = Buffer.concat(raw);
          const encoding = response.headers["content-encoding"];
          const body = encoding === "br" ? zlib.brotliDecompressSync(bytes) : encoding === "gzip" ? zlib.gunzipSync(bytes) : bytes;
          resolve({ status: response.statusCode!, headers: response.headers, raw: bytes, body: body.toString() });
        });
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

const BROWSER = "gzip, deflate, br, zstd";

// The production server (scripts/serve.ts) compresses instead of Next: over HTTP, as browsers ask.
describe("response compression", () => {
  let cookie: string;
  beforeAll(async () => {
    const signedIn = await httpSignIn({ baseUrl: inject("baseUrl"), email: inject("people").manager, password: inject("password") });
    cookie = signedIn.cookie!;
    expect(cookie).toBeTruthy();
  });

  it("sends the dashboard in Brotli to a browser, gzip to a gzip-only client and as it is otherwise", async () => {
    const page = "/dashboard?brand=e2e-air";
    const br = await get(page, { cookie, "accept-encoding": BROWSER });
    const gzip = await get(page, { cookie, "accept-encoding": "gzip, deflate" });
    const plain = await get(page, { cookie });
    for (const answer of [br, gzip, plain]) {
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('name="from"');
      expect(answer.body).toMatch(/<\/html>$/);
      // proxy.ts still ran: the page's scripts carry the nonce of its CSP.
      const nonce = /'nonce-([^']+)'/.exec(String(answer.headers["content-security-policy"]))?.[1];
      expect(nonce).toBeTruthy();
      expect(answer.body).toContain(`nonce="${nonce}"`);
      expect(answer.headers.vary).toMatch(/Accept-Encoding/);
    }
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(br.raw.length).toBeLessThan(plain.raw.length / 4);
  });

  it("compresses client navigations and the app's scripts too", async () => {
    const ask = (path: string) => get(path, { cookie, rsc: "1", "accept-encoding": BROWSER });
    // Next sends a flight request without its cache-busting `_rsc` parameter to the URL with it.
    let flight = await ask("/dashboard?brand=e2e-air");
    if (flight.status === 307) flight = await ask(String(flight.headers.location));
    expect(flight.status).toBe(200);
    expect(flight.headers["content-type"]).toMatch(/text\/x-component/);
    expect(flight.headers["content-encoding"]).toBe("br");
    const login = await get("/login", { "accept-encoding": BROWSER });
    const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(login.body)?.[1];
    expect(script).toBeTruthy();
    const compressed = await get(script!, { "accept-encoding": BROWSER });
    const plain = await get(script!, {});
    expect(compressed.headers["content-encoding"]).toBe("br");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(compressed.body).toBe(plain.body);
  });

  it("passes the realtime event stream through uncompressed: the first event arrives while it stays open", async () => {
    const url = new URL("/api/realtime", inject("baseUrl"));
    const { headers, first } = await new Promise<{ headers: http.IncomingHttpHeaders; first: string }>((resolve, reject) => {
      const request = http.get(url, { headers: { cookie, accept: "text/event-stream", "accept-encoding": BROWSER } }, (response) => {
        response.once("data", (chunk: Buffer) => {
          resolve({ headers: response.headers, first: chunk.toString() });
          request.destroy();
        });
        response.on("error", () => undefined);
      });
      request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
      setTimeout(() => reject(new Error("no event within 10 s")), 10_000).unref();
    });
    expect(headers["content-type"]).toMatch(/text\/event-stream/);
    expect(headers["content-encoding"] ?? "").not.toMatch(/br|gzip/);
    expect(first).toMatch(/^retry: \d+\nid: \d+\n\n/);
  });
});
