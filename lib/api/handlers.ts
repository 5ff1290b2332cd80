import crypto from "node:crypto";
import type { z } from "zod";
import { authenticateBearer, type TokenPrincipal } from "@/lib/auth/tokens";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { checkRateLimit, errorResponse, readJsonBody } from "./http";
import type { Answer } from "./idempotency";
import type { Operation } from "./operations";
import { idempotencyKeySchema, idParam } from "./schemas";

type Params = { params: Promise<{ id?: string }> };

export function fieldsOf(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

async function principalFor(request: Request, op: Operation): Promise<TokenPrincipal> {
  const token = await authenticateBearer({ header: request.headers.get("authorization") });
  await checkRateLimit({ tokenId: token.tokenId });
  authorize({ actor: { kind: "token", token }, brandId: token.brandId, needs: { scope: op.scope } });
  return token;
}

async function pathId(ctx: Params, object: "conversation" | "message"): Promise<number> {
  const parsed = idParam.safeParse((await ctx.params).id);
  if (!parsed.success) throw new AppError(`not_found:${object}`);
  return Number(parsed.data);
}

// A weak ETag over the body: a client that sends it back gets 304 while nothing changed.
export function jsonWithEtag(request: Request, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const etag = `W/"${crypto.createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const sent = request.headers.get("if-none-match");
  const common = { ETag: etag, "Cache-Control": "private, no-cache", ...headers };
  if (sent && sent.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*")) return new Response(null, { status: 304, headers: common });
  return new Response(text, { status: 200, headers: { "content-type": "application/json", ...common } });
}

/** GET: token with the operation's scope → query → lib → JSON with an ETag. */
export async function readRoute<Q extends z.ZodObject>(
  request: Request,
  ctx: Params | undefined,
  op: Operation & { query?: Q },
  read: (input: { token: TokenPrincipal; id: number; query: z.output<Q> }) => Promise<unknown>,
): Promise<Response> {
  try {
    const token = await principalFor(request, op);
    let query = {} as z.output<Q>;
    if (op.query) {
      const parsed = op.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success) throw new AppError("bad_request:query", "Invalid filter.", { fields: fieldsOf(parsed.error) });
      query = parsed.data;
    }
    const id = ctx ? await pathId(ctx, "conversation") : 0;
    return jsonWithEtag(request, await read({ token, id, query }));
  } catch (error) {
    return errorResponse(error);
  }
}

type WriteInput<S extends z.ZodType> = { token: TokenPrincipal; id: number; body: z.output<S>; raw: unknown; path: string; idempotencyKey: string | null };

/**
 * A write: the token and its write scope before the body is read, then the body against the
 * operation's schema, then lib (which authorizes the token's member and runs it once per key).
 */
export async function writeRoute<S extends z.ZodType>(
  request: Request,
  ctx: Params,
  op: Operation & { body: S },
  object: "conversation" | "message",
  write: (input: WriteInput<S>) => Promise<Answer & { replayed: boolean }>,
): Promise<Response> {
  try {
    const token = await principalFor(request, op);
    const id = await pathId(ctx, object);
    const header = request.headers.get("idempotency-key");
    const key = header == null ? null : idempotencyKeySchema.safeParse(header);
    if (key && !key.success) throw new AppError("bad_request:idempotency_key", "Invalid Idempotency-Key header.", { fields: fieldsOf(key.error).map((f) => ({ ...f, path: "Idempotency-Key" })) });
    const raw = await readJsonBody(request);
    const parsed = op.body.safeParse(raw);
    if (!parsed.success) throw new AppError("bad_request:body", `Invalid body: ${fieldsOf(parsed.error).map((f) => `${f.path || "body"}: ${f.message}`).slice(0, 3).join("; ")}`, { fields: fieldsOf(parsed.error) });
    const answer = await write({ token, id, body: parsed.data, raw, path: new URL(request.url).pathname, idempotencyKey: key?.data ?? null });
    return Response.json(answer.body, { status: answer.status, headers: answer.replayed ? { "Idempotent-Replayed": "true" } : {} });
  } catch (error) {
    return errorResponse(error);
  }
}
