import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { chooseEncoding, compressResponse, isCompressible, MIN_BYTES } from "@/lib/ops/compression";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let server: http.Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function serve(handler: Handler): Promise<number> {
  server = http.createServer((req, res) => {
    compressResponse(req, res);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server!.address() as AddressInfo).port;
}

type Received = { status: number; headers: http.IncomingHttpHeaders; raw: Buffer; body: string };

// A raw client (fetch would decode for us and hide what came over the wire).
function get(port: number, { acceptEncoding, method = "GET", onText }: { acceptEncoding?: string; method?: string; onText?: (text: string) => void } = {}): Promise<Received> {
  return new Promise((resolve, reject) => {
    const request = http.request({ port, host: "127.0.0.1", method, headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } }, (response) => {
      const raw: Buffer[] = [];
      const decoded: Buffer[] = [];
      const encoding = response.headers["content-encoding"];
      const decoder = encoding === "br" ? zlib.createBrotliDecompress() : encoding === "gzip" ? zlib.createGunzip() : undefined;
      const take = (chunk: Buffer) => {
        decoded.push(chunk);
        onText?.(Buffer.concat(decoded).toString());
      };
      decoder?.on("data", take);
      response.on("data", (chunk: Buffer) => {
        raw.push(chunk);
        if (decoder) decoder.write(chunk);
        else take(chunk);
      });
      response.on("end", () => {
        const done = () => resolve({ status: response.statusCode!, headers: response.headers, raw: Buffer.concat(raw), body: Buffer.concat(decoded).toString() });
        if (decoder) decoder.end(done);
        else done();
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

const page = "<!doctype html><p>" + "Wie viele Leute brauchen wir am Mittwoch um 18 Uhr? ".repeat(200) + "</p>";

describe("chooseEncoding", () => {
  it("prefers Brotli, then gzip, by the client's qualities", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, deflate")).toBe("gzip");
    expect(chooseEncoding("br;q=0.5, gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.1")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*, br;q=0")).toBe("gzip");
  });

  it("answers identity when nothing it can make is accepted", () => {
    expect(chooseEncoding(undefined)).toBe("identity");
    expect(chooseEncoding("")).toBe("identity");
    expect(chooseEncoding("identity")).toBe("identity");
    expect(chooseEncoding("deflate, zstd")).toBe("identity");
    expect(chooseEncoding("gzip;q=0, br;q=0")).toBe("identity");
  });
});

describe("isCompressible", () => {
  it("takes text and JSON, not event streams or images", () => {
    expect(isCompressible("text/html; charset=utf-8")).toBe(true);
    expect(isCompressible("text/x-component")).toBe(true);
    expect(isCompressible("application/json")).toBe(true);
    expect(isCompressible("application/manifest+json")).toBe(true);
    expect(isCompressible("application/javascript; charset=utf-8")).toBe(true);
    expect(isCompressible("image/svg+xml")).toBe(true);
    expect(isCompressible("text/event-stream; charset=utf-8")).toBe(false);
    expect(isCompressible("image/png")).toBe(false);
    expect(isCompressible("application/pdf")).toBe(false);
    expect(isCompressible("")).toBe(false);
  });
});

describe("compressResponse", () => {
  const html: Handler = (_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Vary", "rsc");
    res.end(page);
  };

  it("answers a page in Brotli when asked, gzip when that is all, and as it is otherwise", async () => {
    const port = await serve(html);
    const br = await get(port, { acceptEncoding: "gzip, deflate, br, zstd" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-length"]).toBeUndefined();
    expect(br.raw.length).toBeLessThan(page.length / 10);
    expect(br.body).toBe(page);
    const gzip = await get(port, { acceptEncoding: "gzip, deflate" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.body).toBe(page);
    const plain = await get(port, {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["content-length"]).toBe(String(Buffer.byteLength(page)));
    expect(plain.body).toBe(page);
    // A cache in between must keep the encodings apart; the handler's own Vary stays.
    for (const answer of [br, gzip, plain]) expect(answer.headers.vary).toBe("rsc, Accept-Encoding");
  });

  it("leaves small bodies, HEAD, an encoding the handler chose and no-transform alone", async () => {
    const port = await serve((req, res) => {
      const url = req.url ?? "";
      res.setHeader("Content-Type", "text/plain");
      if (url === "/small") return res.end("x".repeat(MIN_BYTES - 1));
      if (url === "/own") res.setHeader("Content-Encoding", "gzip");
      if (url === "/no-transform") res.setHeader("Cache-Control", "no-cache, no-transform");
      res.end(url === "/own" ? zlib.gzipSync(page) : page);
    });
    const request = (path: string, method = "GET") =>
      new Promise<Received>((resolve, reject) => {
        http
          .request({ port, host: "127.0.0.1", path, method, headers: { "accept-encoding": "br, gzip" } }, (response) => {
            const raw: Buffer[] = [];
            response.on("data", (c: Buffer) => raw.push(c));
            response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, raw: Buffer.concat(raw), body: Buffer.concat(raw).toString() }));
          })
          .on("error", reject)
          .end();
      });
    const small = await request("/small");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body).toHaveLength(MIN_BYTES - 1);
    const head = await request("/page", "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
    const own = await request("/own");
    expect(own.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(own.raw).toString()).toBe(page);
    const untouched = await request("/no-transform");
    expect(untouched.headers["content-encoding"]).toBeUndefined();
    expect(untouched.body).toBe(page);
  });

  it("sends each event of an event stream as it is written, uncompressed", async () => {
    let next: (() => void) | undefined;
    const port = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache" });
      res.write("data: one\n\n");
      next = () => res.end("data: two\n\n");
    });
    const seen: string[] = [];
    const answer = await get(port, {
      acceptEncoding: "gzip, deflate, br",
      onText: (text) => {
        seen.push(text);
        // The second event is written only once the first has arrived.
        if (text === "data: one\n\n") next?.();
      },
    });
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.headers.vary).toBeUndefined();
    expect(seen[0]).toBe("data: one\n\n");
    expect(answer.body).toBe("data: one\n\ndata: two\n\n");
  });

  it("streams a compressed page in parts: what is written before a wait arrives before it ends", async () => {
    let rest: (() => void) | undefined;
    const shell = "<!doctype html><main>" + "<p>Loading the figures…</p>".repeat(100);
    const port = await serve((_req, res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.flushHeaders();
      // As Next writes: many small chunks, each followed by flush().
      for (const piece of shell.match(/.{1,50}/gs)!) {
        res.write(piece);
        (res as http.ServerResponse & { flush: () => void }).flush();
      }
      rest = () => res.end("<p>Figures</p></main>");
    });
    let shellArrived = false;
    const answer = await get(port, {
      acceptEncoding: "br",
      onText: (text) => {
        if (!shellArrived && text === shell) {
          shellArrived = true;
          rest?.();
        }
      },
    });
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(shellArrived).toBe(true);
    expect(answer.body).toBe(shell + "<p>Figures</p></main>");
  });

  it("keeps to backpressure: a large body written as fast as allowed arrives whole", async () => {
    const piece = Buffer.from(Array.from({ length: 4096 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 95))).join(""));
    const count = 2000;
    const port = await serve((_req, res) => {
      res.setHeader("Content-Type", "application/json");
      let sent = 0;
      const pump = () => {
        while (sent < count) {
          sent++;
          if (!res.write(piece)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    });
    const answer = await get(port, { acceptEncoding: "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.body.length).toBe(piece.length * count);
    expect(answer.body.slice(-piece.length)).toBe(piece.toString());
  });

  it("keeps the headers given to writeHead, repeated ones included", async () => {
    const port = await serve((_req, res) => {
      res.writeHead(201, "Made", ["Content-Type", "text/html", "Set-Cookie", "a=1", "Set-Cookie", "b=2"]);
      res.end(page);
    });
    const answer = await get(port, { acceptEncoding: "br" });
    expect(answer.status).toBe(201);
    expect(answer.headers["set-cookie"]).toEqual(["a=1", "b=2"]);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.body).toBe(page);
  });
});
