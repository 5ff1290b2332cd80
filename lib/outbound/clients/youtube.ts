import { callHttp, httpFailure, isObject, joinUrl, missing, secondsUntilPacificMidnight } from "./http";
import type { ReplyRequest, SendResult } from "./types";

// comments.insert takes no idempotency key; YouTube allows replies to top-level comments only,
// so the parent is the thread (its top-level comment) whatever the agent replied to.
export async function sendReply({ baseUrl, request }: { baseUrl: string; request: ReplyRequest }): Promise<SendResult> {
  const token = request.channel.credentials.accessToken;
  if (!token) return missing("The channel has no OAuth access token");
  const parentId = request.conversation.externalThreadId ?? request.inReplyToExternalId;
  if (!parentId) return missing("No YouTube comment thread to reply to");
  const call = await callHttp({
    url: `${joinUrl(baseUrl, "comments")}?part=snippet`,
    headers: { authorization: `Bearer ${token}` },
    json: { snippet: { parentId, textOriginal: request.text } },
    timeoutMs: request.timeoutMs,
  });
  if (!call.ok) return call;
  const { reply } = call;
  const body = isObject(reply.body) ? reply.body : {};
  if (reply.status === 200 && typeof body.id === "string") {
    const snippet = isObject(body.snippet) ? body.snippet : {};
    const published = typeof snippet.publishedAt === "string" ? new Date(snippet.publishedAt) : new Date();
    return { ok: true, externalId: body.id, sentAt: Number.isNaN(published.getTime()) ? new Date() : published };
  }
  return youtubeFailure({ reply });
}

/** Google errors: `{ error: { code, message, errors: [{ domain, reason, message }] } }`. */
export function youtubeFailure({ reply }: { reply: Parameters<typeof httpFailure>[0]["reply"] }): Extract<SendResult, { ok: false }> {
  const error = isObject(reply.body) && isObject(reply.body.error) ? reply.body.error : {};
  const first = Array.isArray(error.errors) && isObject(error.errors[0]) ? error.errors[0] : {};
  const reason = typeof error.message === "string" ? error.message : `HTTP ${reply.status}`;
  const why = typeof first.reason === "string" ? first.reason : "";
  if (why === "quotaExceeded" || why === "dailyLimitExceeded") {
    // The daily quota resets at midnight Pacific time: retrying sooner cannot succeed.
    return { ok: false, retryable: false, retryAfterSeconds: secondsUntilPacificMidnight(), reason, code: "quota_exceeded" };
  }
  if (why === "rateLimitExceeded" || why === "userRateLimitExceeded") {
    return { ok: false, retryable: true, retryAfterSeconds: httpFailure({ reply }).retryAfterSeconds ?? 60, reason, code: "rate_limited" };
  }
  return httpFailure({ reply, reason });
}
