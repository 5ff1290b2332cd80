import { database, type Db } from "@/db/client";
import { hitRateLimit } from "@/lib/limits/rate";
import { AppError, isAppError } from "@/lib/errors";

export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds != null) headers["Retry-After"] = String(error.retryAfterSeconds);
    return Response.json(
      { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
      { status: error.status, headers },
    );
  }
  console.error("request failed", error);
  return Response.json({ error: { code: "internal", message: "Something went wrong; nothing was stored." } }, { status: 500 });
}

// A file the browser saves (CSV, PDF): a person's brand data, so no shared cache may keep it.
export function downloadResponse(body: BodyInit, { type, filename }: { type: string; filename: string }): Response {
  return new Response(body, {
    headers: { "Content-Type": type, "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
  });
}

export function maxBodyBytes(): number {
  const value = Number(process.env.INGEST_MAX_BODY_BYTES);
  return Number.isFinite(value) && value > 0 ? value : 1_000_000;
}

// Reads at most `limit` bytes, then decodes strict UTF-8 and parses JSON, each failure a clear 4xx.
export async function readJsonBody(request: Request, { limit = maxBodyBytes(), requireJsonType = true } = {}): Promise<unknown> {
  const raw = await readRawBody(request, { limit });
  if (requireJsonType) {
    const type = request.headers.get("content-type") ?? "";
    if (!/^application\/(.+\+)?json\b/i.test(type)) throw new AppError("unsupported_media_type:body", "Send the body as application/json.");
  }
  return parseJson(raw);
}

export async function readRawBody(request: Request, { limit = maxBodyBytes() } = {}): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw new AppError("payload_too_large:body", `The body is larger than ${limit} bytes.`);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError("payload_too_large:body", `The body is larger than ${limit} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const decoder = new TextDecoder("utf-8", { fatal: true });

export function parseJson(raw: Buffer): unknown {
  let text: string;
  try {
    text = decoder.decode(raw);
  } catch {
    throw new AppError("bad_request:encoding", "The body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_request:json", `Malformed JSON: ${(error as Error).message}`);
  }
}

// One-minute window per token, counted in the database: the limit holds across every server.
export async function checkRateLimit({ db = database(), tokenId, now = Date.now() }: { db?: Db; tokenId: number; now?: number }): Promise<void> {
  const limit = Number(process.env.API_RATE_PER_MINUTE) || 6000;
  const hit = await hitRateLimit({ db, key: `api:token:${tokenId}`, limit, now });
  if (!hit.allowed) throw new AppError("rate_limited:token", `More than ${limit} requests a minute for this token.`, { retryAfterSeconds: hit.retryAfterSeconds });
}
