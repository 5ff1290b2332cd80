import { createHash } from "node:crypto";
import { callHttp, httpFailure, isObject, joinUrl, missing } from "./http";
import type { ReplyRequest, SendResult } from "./types";

export const VK_API_VERSION = "5.199";

type Call = { method: string; params: Record<string, string>; toId: (response: unknown) => string | undefined };

/** Thread and comment ids follow the VK adapter: `wall-1_2`, `wall-1_2?reply=3`, `topic-1_2?post=3`. */
export async function sendReply({ baseUrl, request }: { baseUrl: string; request: ReplyRequest }): Promise<SendResult> {
  const token = request.channel.credentials.accessToken;
  if (!token) return missing("The channel has no access token");
  const call = request.conversation.kind === "private_message" ? messageCall(request) : commentCall(request);
  if (!call) return missing("No VK post or dialogue to reply to");
  const params = { ...call.params, access_token: token, v: VK_API_VERSION };
  const http = await callHttp({ url: joinUrl(baseUrl, call.method), form: params, timeoutMs: request.timeoutMs });
  if (!http.ok) return http;
  const body = isObject(http.reply.body) ? http.reply.body : undefined;
  const error = isObject(body?.error) ? body.error : undefined;
  if (error) return vkFailure({ code: Number(error.error_code), reason: String(error.error_msg ?? "VK API error") });
  if (http.reply.status !== 200 || !body || !("response" in body)) return httpFailure({ reply: http.reply });
  const externalId = call.toId(body.response);
  return externalId
    ? { ok: true, externalId, sentAt: new Date() }
    : { ok: false, retryable: false, reason: "VK answered without an id", code: "platform_error" };
}

/** VK dedupes messages.send on random_id (a signed 32-bit integer), so it comes from the key. */
export function vkRandomId(idempotencyKey: string): number {
  return createHash("sha256").update(idempotencyKey).digest().readInt32BE(0);
}

function messageCall(request: ReplyRequest): Call | undefined {
  const peerId = request.conversation.externalThreadId ?? request.conversation.contactExternalId;
  if (!/^-?\d+$/.test(peerId)) return undefined;
  const params: Record<string, string> = { peer_id: peerId, random_id: String(vkRandomId(request.idempotencyKey)), message: request.text };
  const replyTo = /^msg(\d+)$/.exec(request.inReplyToExternalId ?? "")?.[1];
  if (replyTo) params.reply_to = replyTo;
  return { method: "messages.send", params, toId: (r) => (typeof r === "number" ? `msg${r}` : undefined) };
}

const commentMethods: Record<string, { method: string; item: string }> = {
  wall: { method: "wall.createComment", item: "post_id" },
  photo: { method: "photos.createComment", item: "photo_id" },
  video: { method: "video.createComment", item: "video_id" },
  topic: { method: "board.createComment", item: "topic_id" },
};

function commentCall(request: ReplyRequest): Call | undefined {
  const source = request.conversation.externalThreadId ?? request.inReplyToExternalId ?? "";
  const thread = /^(wall|photo|video|topic)(-?\d+)_(\d+)/.exec(source);
  if (!thread) return undefined;
  const [, prefix, owner, item] = thread;
  const spec = commentMethods[prefix];
  const threadId = `${prefix}${owner}_${item}`;
  const replyParam = prefix === "topic" ? "post" : "reply";
  // guid is VK's own guard against posting the same comment twice.
  const params: Record<string, string> = { [spec.item]: item, message: request.text, guid: request.idempotencyKey };
  if (prefix === "topic") params.group_id = owner.replace(/^-/, "");
  else params.owner_id = owner;
  const parent = new RegExp(`^${threadId}\\?(?:reply|post)=(\\d+)$`).exec(request.inReplyToExternalId ?? "")?.[1];
  if (parent && prefix !== "topic") params.reply_to_comment = parent;
  const toId = (r: unknown) => {
    const commentId = typeof r === "number" ? r : isObject(r) ? r.comment_id : undefined;
    return typeof commentId === "number" ? `${threadId}?${replyParam}=${commentId}` : undefined;
  };
  return { method: spec.method, params, toId };
}

function vkFailure({ code, reason }: { code: number; reason: string }): Extract<SendResult, { ok: false }> {
  if (code === 6) return { ok: false, retryable: true, retryAfterSeconds: 1, reason, code: "rate_limited" };
  if (code === 9) return { ok: false, retryable: true, retryAfterSeconds: 60, reason, code: "flood" };
  if (code === 1 || code === 10) return { ok: false, retryable: true, reason, code: "server_error" };
  if (code === 5) return { ok: false, retryable: false, reason, code: "unauthorized" };
  if (code === 15 || code === 901 || code === 902 || code === 212 || code === 213) return { ok: false, retryable: false, reason, code: "forbidden" };
  return { ok: false, retryable: false, reason, code: "platform_error" };
}
