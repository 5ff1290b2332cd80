import { callHttp, httpFailure, isObject, joinUrl, missing } from "./http";
import type { ReplyRequest, SendResult } from "./types";

// POST /2/tweets has no idempotency key; X rejects an identical text as duplicate content.
export async function sendReply({ baseUrl, request }: { baseUrl: string; request: ReplyRequest }): Promise<SendResult> {
  const token = request.channel.credentials.accessToken;
  if (!token) return missing("The channel has no OAuth 2.0 user access token");
  const replyTo = request.inReplyToExternalId ?? request.conversation.externalThreadId;
  if (!replyTo) return missing("No post to reply to");
  const call = await callHttp({
    url: joinUrl(baseUrl, "tweets"),
    headers: { authorization: `Bearer ${token}` },
    json: { text: request.text, reply: { in_reply_to_tweet_id: replyTo } },
    timeoutMs: request.timeoutMs,
  });
  if (!call.ok) return call;
  const { reply } = call;
  const body = isObject(reply.body) ? reply.body : {};
  const data = isObject(body.data) ? body.data : undefined;
  if ((reply.status === 201 || reply.status === 200) && typeof data?.id === "string") {
    return { ok: true, externalId: data.id, sentAt: new Date() };
  }
  return xFailure({ reply, now: Date.now() });
}

/** Problem details: `{ title, detail, type, status, reason? }`; 429 carries x-rate-limit-reset. */
export function xFailure({ reply, now }: { reply: Parameters<typeof httpFailure>[0]["reply"]; now: number }): Extract<SendResult, { ok: false }> {
  const body = isObject(reply.body) ? reply.body : {};
  const reason = [body.title, body.detail].filter((s) => typeof s === "string").join(": ") || `HTTP ${reply.status}`;
  if (reply.status === 429) {
    const reset = Number(reply.headers.get("x-rate-limit-reset"));
    const wait = Number.isFinite(reset) && reset > 0 ? Math.max(1, Math.ceil(reset - now / 1000)) : httpFailure({ reply }).retryAfterSeconds;
    return { ok: false, retryable: true, retryAfterSeconds: wait, reason, code: "rate_limited" };
  }
  const problem = `${body.reason ?? ""} ${body.type ?? ""} ${body.title ?? ""} ${body.required_enrollment ?? ""}`.toLowerCase();
  if (reply.status === 402 || (reply.status === 403 && /client-not-enrolled|client-forbidden|client forbidden|access level|enrollment/.test(problem))) {
    return { ok: false, retryable: false, reason, code: "access_tier" };
  }
  if (reply.status === 403 && /duplicate/i.test(String(body.detail ?? ""))) return { ok: false, retryable: false, reason, code: "duplicate" };
  return httpFailure({ reply, reason });
}
