import { type Failure, type HttpReply, callHttp, httpFailure, isObject, joinUrl, missing } from "./http";
import type { ReplyRequest, SendResult } from "./types";

// Graph API has no idempotency key: the outbox must not resend after an ambiguous failure
// without checking; a timeout is still reported retryable, as the platform may not have posted.
const rateLimitCodes = new Set([4, 17, 32, 613, 80001, 80006]);
const windowErrors = new Set(["10:2018278", "10:2534022", "551:1545041"]);

export async function sendReply({ baseUrl, request }: { baseUrl: string; request: ReplyRequest }): Promise<SendResult> {
  const token = request.channel.credentials.accessToken;
  if (!token) return missing("The channel has no access token");
  const target = route(request);
  if ("ok" in target) return target;
  const url = `${joinUrl(baseUrl, target.path)}?access_token=${encodeURIComponent(token)}`;
  const call = await callHttp({ url, json: target.body, timeoutMs: request.timeoutMs });
  if (!call.ok) return call;
  const { reply } = call;
  const body = isObject(reply.body) ? reply.body : {};
  if (reply.status >= 200 && reply.status < 300) {
    const externalId = typeof body.id === "string" ? body.id : typeof body.message_id === "string" ? body.message_id : undefined;
    if (externalId) return { ok: true, externalId, sentAt: new Date() };
    return { ok: false, retryable: false, reason: "Graph API answered without an id", code: "platform_error" };
  }
  return graphFailure(reply);
}

function route(request: ReplyRequest): { path: string; body: unknown } | Failure {
  const { channel, conversation, inReplyToExternalId: parent, text } = request;
  const id = (value: string) => encodeURIComponent(value);
  if (conversation.kind === "private_message") {
    const recipient = { id: conversation.contactExternalId };
    if (channel.kind === "instagram") return { path: `${id(channel.accountId)}/messages`, body: { recipient, message: { text } } };
    return { path: `${id(channel.accountId)}/messages`, body: { recipient, messaging_type: "RESPONSE", message: { text } } };
  }
  if (channel.kind === "instagram") {
    if (parent) return { path: `${id(parent)}/replies`, body: { message: text } };
    if (conversation.externalThreadId) return { path: `${id(conversation.externalThreadId)}/comments`, body: { message: text } };
    return missing("No Instagram comment or media to reply to");
  }
  const target = parent ?? conversation.externalThreadId;
  return target ? { path: `${id(target)}/comments`, body: { message: text } } : missing("No comment or post to reply to");
}

/** Graph errors: `{ error: { message, type, code, error_subcode, is_transient } }`. */
export function graphFailure(reply: HttpReply): Failure {
  const error = isObject(reply.body) && isObject(reply.body.error) ? reply.body.error : undefined;
  if (!error) return httpFailure({ reply });
  const code = typeof error.code === "number" ? error.code : undefined;
  const subcode = typeof error.error_subcode === "number" ? error.error_subcode : undefined;
  const reason = typeof error.message === "string" ? error.message : `Graph API error ${code ?? reply.status}`;
  if (windowErrors.has(`${code}:${subcode}`)) return { ok: false, retryable: false, reason, code: "outside_24h_window" };
  if (code !== undefined && rateLimitCodes.has(code)) {
    return { ok: false, retryable: true, retryAfterSeconds: httpFailure({ reply }).retryAfterSeconds ?? 60, reason, code: "rate_limited" };
  }
  if (code === 1 || code === 2 || error.is_transient === true || reply.status >= 500) {
    return { ok: false, retryable: true, reason, code: "server_error" };
  }
  if (code === 190) return { ok: false, retryable: false, reason, code: "unauthorized" };
  if (code === 10 || (code !== undefined && code >= 200 && code < 300)) return { ok: false, retryable: false, reason, code: "forbidden" };
  return { ok: false, retryable: false, reason, code: "platform_error" };
}
