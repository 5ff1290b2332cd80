import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import zlib from "node:zlib";

// Response compression for the web server (next.config `compress: false` turns Next's own off):
// Brotli at a low quality is smaller than gzip at level 6 and takes less CPU. What a page writes
// in one turn of the event loop goes out as one compressed piece, so streamed HTML still arrives
// in parts, without a compressor flush (and a socket write) for every small chunk React writes.

export type Encoding = "br" | "gzip" | "identity";

/** Brotli quality 3 with a 256 KB window: a 160 KB dashboard page to 17.8 KB (gzip 6: 18.3 KB) in 60 % of gzip 6's CPU. */
export const BROTLI_QUALITY = 3;
const BROTLI_WINDOW_BITS = 18;
/** gzip for clients without Brotli: level 3, 15 % larger than level 6 at about half its CPU. */
export const GZIP_LEVEL = 3;
/** Bodies smaller than this go out as they are: the framing would eat the gain. */
export const MIN_BYTES = 1024;
/** A piece is handed to the compressor before the turn ends once it grows past this. */
const MAX_PENDING_BYTES = 256 * 1024;
/** The compressor's output comes in pieces of this size: a whole compressed page is usually one. */
const OUTPUT_CHUNK_BYTES = 64 * 1024;
// Next replaces setImmediate and nextTick once loaded (to run its own queue while it renders);
// these are the plain ones, as scripts/serve.ts loads this module first.
const { setImmediate, clearImmediate } = globalThis;
const nextTick = process.nextTick.bind(process);

/** The encoding to answer with: Brotli or gzip by the client's preference (ties go to Brotli), else identity. */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : (acceptEncoding ?? "");
  const quality = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find(Boolean);
    const value = q ? Number(q[1]) : 1;
    quality.set(name, Number.isFinite(value) ? value : 0);
  }
  const of = (name: string) => quality.get(name) ?? quality.get("*") ?? 0;
  const br = of("br");
  const gzip = of("gzip");
  if (br > 0 && br >= gzip) return "br";
  if (gzip > 0) return "gzip";
  return "identity";
}

/** Text formats worth compressing. Event streams are not: each event must reach the client at once. */
export function isCompressible(contentType: string): boolean {
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (!type || type === "text/event-stream") return false;
  return type.startsWith("text/") || /^application\/(json|javascript|x-javascript|ecmascript|xml|manifest\+json|[\w.-]+\+(json|xml))$/.test(type) || type === "image/svg+xml";
}

function addVary(res: ServerResponse, field: string): void {
  const current = res.getHeader("vary");
  const list = (Array.isArray(current) ? current.join(",") : String(current ?? "")).split(",").map((v) => v.trim()).filter(Boolean);
  if (list.includes("*") || list.some((v) => v.toLowerCase() === field.toLowerCase())) return;
  res.setHeader("Vary", [...list, field].join(", "));
}

function compressor(encoding: Exclude<Encoding, "identity">): zlib.BrotliCompress | zlib.Gzip {
  if (encoding === "gzip") return zlib.createGzip({ level: GZIP_LEVEL, chunkSize: OUTPUT_CHUNK_BYTES });
  return zlib.createBrotliCompress({
    chunkSize: OUTPUT_CHUNK_BYTES,
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [zlib.constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS,
    },
  });
}

type Chunk = string | Buffer | Uint8Array;
type Callback = (error?: Error | null) => void;
type HeaderValue = string | number | string[];

const toBuffer = (chunk: Chunk, encoding?: BufferEncoding) => (typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));

// Headers given to writeHead() go in before the decision, as Node merges them (the given win).
function setGivenHeaders(res: ServerResponse, headers: OutgoingHttpHeaders | unknown[] | undefined): void {
  if (!headers) return;
  if (!Array.isArray(headers)) {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    return;
  }
  const pairs = (Array.isArray(headers[0]) ? headers : headers.flatMap((v, i) => (i % 2 ? [] : [[v, headers[i + 1]]]))) as [string, HeaderValue][];
  const grouped = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of pairs) {
    const entry = grouped.get(name.toLowerCase()) ?? { name, values: [] };
    entry.values.push(...(Array.isArray(value) ? value : [String(value)]));
    grouped.set(name.toLowerCase(), entry);
  }
  for (const { name, values } of grouped.values()) res.setHeader(name, values.length === 1 ? values[0] : values);
}

/**
 * Compresses what `res` sends when `req` accepts it and the body is a compressible text of at
 * least MIN_BYTES, unless the handler chose an encoding itself or said `no-transform`. Such
 * bodies (compressed or not) are gathered for the current turn of the event loop and sent
 * together; `res.flush()` (Next calls it after every chunk) only makes sure that happens.
 * Anything else (event streams, images, `no-transform`) passes straight through.
 */
export function compressResponse(req: IncomingMessage, res: ServerResponse): void {
  const accepted = chooseEncoding(req.headers["accept-encoding"]);
  const write = res.write.bind(res) as (chunk: Chunk, encoding?: BufferEncoding | Callback, callback?: Callback) => boolean;
  const end = res.end.bind(res) as (chunk?: Chunk, encoding?: BufferEncoding | (() => void), callback?: () => void) => ServerResponse;
  const writeHead = res.writeHead.bind(res) as (status: number, message?: string) => ServerResponse;
  const flushHeaders = res.flushHeaders.bind(res);
  let decided = false;
  let gather = false;
  let stream: zlib.BrotliCompress | zlib.Gzip | undefined;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const tail: Buffer[] = [];
  let scheduled: NodeJS.Immediate | undefined;
  let ended = false;

  const decide = (bodyBytes?: number) => {
    if (decided) return;
    decided = true;
    if (!isCompressible(String(res.getHeader("content-type") ?? ""))) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(String(res.getHeader("cache-control") ?? ""))) return;
    addVary(res, "Accept-Encoding");
    gather = true;
    if (accepted === "identity" || req.method === "HEAD") return;
    const status = res.statusCode;
    if (status < 200 || status === 204 || status === 206 || status === 304 || res.hasHeader("content-range")) return;
    if (String(res.getHeader("content-encoding") ?? "identity").trim().toLowerCase() !== "identity") return;
    const length = res.hasHeader("content-length") ? Number(res.getHeader("content-length")) : bodyBytes;
    if (length !== undefined && length < MIN_BYTES) return;
    res.setHeader("Content-Encoding", accepted);
    res.removeHeader("Content-Length");
    const output = (stream = compressor(accepted));
    output.on("data", (data: Buffer) => {
      // The last of it goes out with the response's end, in one write.
      if (ended) tail.push(data);
      else if (!write(data)) output.pause();
    });
    // Node's own 'drain' on the response (its socket drained) lets the compressor go on; the
    // compressor's drain is the response's when the socket is not the one holding things up.
    res.on("drain", () => output.resume());
    output.on("drain", () => {
      if (!res.writableNeedDrain) res.emit("drain");
    });
    output.on("error", (error) => res.destroy(error));
    res.once("close", () => {
      if (!res.writableFinished) output.destroy();
    });
  };

  const takePending = () => {
    const piece = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    return piece;
  };

  const send = (flush: boolean) => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    if (pendingBytes === 0 || res.destroyed) return;
    const piece = takePending();
    if (!stream) {
      write(piece);
      return;
    }
    stream.write(piece);
    if (flush) stream.flush(accepted === "br" ? zlib.constants.BROTLI_OPERATION_FLUSH : zlib.constants.Z_SYNC_FLUSH);
  };

  const schedule = () => {
    if (gather && !scheduled && !ended) scheduled = setImmediate(() => send(true));
  };

  res.writeHead = function (status: number, ...rest: unknown[]) {
    const message = typeof rest[0] === "string" ? (rest.shift() as string) : undefined;
    setGivenHeaders(res, rest[0] as OutgoingHttpHeaders | unknown[] | undefined);
    res.statusCode = status;
    decide();
    return writeHead(status, message);
  } as ServerResponse["writeHead"];

  res.write = function (chunk: Chunk, encoding?: BufferEncoding | Callback, callback?: Callback) {
    decide();
    if (!gather || ended) return write(chunk, encoding, callback);
    if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
    const buffer = toBuffer(chunk, encoding);
    if (buffer.length) {
      pending.push(buffer);
      pendingBytes += buffer.length;
    }
    if (pendingBytes >= MAX_PENDING_BYTES) send(false);
    schedule();
    if (callback) nextTick(callback);
    return !(res.writableNeedDrain || stream?.writableNeedDrain);
  } as ServerResponse["write"];

  res.end = function (chunk?: Chunk | (() => void), encoding?: BufferEncoding | (() => void), callback?: () => void) {
    if (typeof chunk === "function") [callback, chunk] = [chunk, undefined];
    if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
    const last = chunk === undefined || chunk === null ? undefined : toBuffer(chunk, encoding);
    decide(res.headersSent ? undefined : pendingBytes + (last?.length ?? 0));
    if (!gather || ended) return end(last, callback);
    if (last?.length) {
      pending.push(last);
      pendingBytes += last.length;
    }
    ended = true;
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    if (!stream) return end(pendingBytes ? takePending() : undefined, callback);
    const output = stream;
    output.once("end", () => end(tail.length ? Buffer.concat(tail) : undefined, callback));
    output.end(pendingBytes ? takePending() : undefined);
    return res;
  } as ServerResponse["end"];

  // Next flushes the headers before the first chunk; a gathered body's headers are only fixed
  // then, and go out with its first piece: one socket write instead of two.
  res.flushHeaders = function () {
    decide();
    if (!gather) return flushHeaders();
    if (!res.headersSent) res.writeHead(res.statusCode);
  };

  // Next calls this after each chunk it streams; the gathered chunks go out once the turn ends.
  (res as ServerResponse & { flush: () => void }).flush = schedule;
}
