import { type Failure, callHttp, httpFailure, isObject, joinUrl, missing } from "@/lib/outbound/clients/http";
import { graphFailure } from "@/lib/outbound/clients/meta";
import { catalogueError } from "@/lib/i18n/errors";

export type HideRequest = {
  kind: string;
  baseUrl: string;
  credentials: Record<string, string>;
  externalId: string;
  timeoutMs?: number;
};

export type HideResult = { ok: true } | Failure;

// Platforms that let a page hide a comment from everyone but its author and friends, without deleting it.
export const HIDEABLE_KINDS = new Set(["facebook", "instagram", "twitter", "youtube"]);

const UNSUPPORTED = new Set(["vk", "telegram", "email", "web", "api"]);

/** Why a channel cannot hide, as a code the catalogue words (errors.bad_request.hide.unsupported.<code>); null when it can. */
export function hideUnsupported(kind: string): string | null {
  if (HIDEABLE_KINDS.has(kind)) return null;
  return UNSUPPORTED.has(kind) ? kind : "other";
}

/** The same reason in English, for the audit log and the platform client's failure. */
export function hideUnsupportedReason(kind: string): string | null {
  const code = hideUnsupported(kind);
  return code && catalogueError("bad_request:hide", `unsupported.${code}`).message;
}

/** Hides a public comment through the platform's own moderation API. */
export async function hideOnPlatform({ kind, baseUrl, credentials, externalId, timeoutMs }: HideRequest): Promise<HideResult> {
  const token = credentials.accessToken;
  const unsupported = hideUnsupportedReason(kind);
  if (unsupported) return missing(unsupported);
  if (!token) return missing("The channel has no access token");
  const id = encodeURIComponent(externalId);
  if (kind === "facebook" || kind === "instagram") {
    // Graph: POST /{comment-id} with is_hidden (Facebook) or hide (Instagram).
    const url = `${joinUrl(baseUrl, id)}?access_token=${encodeURIComponent(token)}`;
    const call = await callHttp({ url, json: kind === "facebook" ? { is_hidden: true } : { hide: true }, timeoutMs });
    if (!call.ok) return call;
    const body = isObject(call.reply.body) ? call.reply.body : {};
    if (call.reply.status >= 200 && call.reply.status < 300 && body.success === true) return { ok: true };
    return call.reply.status < 300 ? { ok: false, retryable: false, reason: "Graph API did not confirm the hide", code: "platform_error" } : graphFailure(call.reply);
  }
  if (kind === "twitter") {
    // X API v2: PUT /2/tweets/:id/hidden — only replies to the brand's own posts can be hidden.
    const call = await callHttp({ url: joinUrl(baseUrl, `tweets/${id}/hidden`), method: "PUT", headers: { authorization: `Bearer ${token}` }, json: { hidden: true }, timeoutMs });
    if (!call.ok) return call;
    const body = isObject(call.reply.body) ? call.reply.body : {};
    const data = isObject(body.data) ? body.data : {};
    if (call.reply.status >= 200 && call.reply.status < 300 && data.hidden === true) return { ok: true };
    const detail = typeof body.detail === "string" ? body.detail : undefined;
    return httpFailure({ reply: call.reply, reason: detail });
  }
  // YouTube Data API: comments.setModerationStatus holds the comment for review (hidden from the public).
  const url = `${joinUrl(baseUrl, "comments/setModerationStatus")}?id=${id}&moderationStatus=heldForReview`;
  const call = await callHttp({ url, headers: { authorization: `Bearer ${token}` }, timeoutMs });
  if (!call.ok) return call;
  if (call.reply.status === 204 || call.reply.status === 200) return { ok: true };
  const body = isObject(call.reply.body) && isObject(call.reply.body.error) ? call.reply.body.error : {};
  return httpFailure({ reply: call.reply, reason: typeof body.message === "string" ? body.message : undefined });
}
