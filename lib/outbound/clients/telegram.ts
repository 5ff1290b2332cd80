import { callHttp, httpFailure, isObject, joinUrl, missing, retryAfterSeconds } from "./http";
import type { ReplyRequest, SendResult } from "./types";

/**
 * Ids match the Telegram adapter: messages `chatId:messageId`, a private thread is the chat id,
 * a discussion thread `chatId:rootMessageId`. The Bot API has no idempotency key.
 */
export async function sendReply({ baseUrl, request }: { baseUrl: string; request: ReplyRequest }): Promise<SendResult> {
  const token = request.channel.credentials.botToken;
  if (!token) return missing("The channel has no bot token");
  const target = replyTarget(request);
  if (!target) return missing("No Telegram chat to reply in");
  const body: Record<string, unknown> = { chat_id: target.chatId, text: request.text };
  if (target.messageId) body.reply_parameters = { message_id: Number(target.messageId), allow_sending_without_reply: true };
  const call = await callHttp({ url: joinUrl(baseUrl, `bot${token}/sendMessage`), json: body, timeoutMs: request.timeoutMs });
  if (!call.ok) return call;
  const { reply } = call;
  const data = isObject(reply.body) ? reply.body : {};
  const result = isObject(data.result) ? data.result : undefined;
  if (data.ok === true && result && typeof result.message_id === "number") {
    const sentAt = typeof result.date === "number" ? new Date(result.date * 1000) : new Date();
    return { ok: true, externalId: `${target.chatId}:${result.message_id}`, sentAt };
  }
  const reason = typeof data.description === "string" ? data.description : `HTTP ${reply.status}`;
  const params = isObject(data.parameters) ? data.parameters : {};
  if (reply.status === 429 || data.error_code === 429) {
    const wait = typeof params.retry_after === "number" ? params.retry_after : retryAfterSeconds(reply.headers);
    return { ok: false, retryable: true, retryAfterSeconds: wait, reason, code: "rate_limited" };
  }
  return httpFailure({ reply, reason });
}

function replyTarget(request: ReplyRequest): { chatId: string; messageId?: string } | undefined {
  const parse = (value: string | null) => {
    const m = value ? /^(-?\d+):(\d+)$/.exec(value) : null;
    return m ? { chatId: m[1], messageId: m[2] } : undefined;
  };
  const { conversation } = request;
  const replyTo = parse(request.inReplyToExternalId);
  if (replyTo) return replyTo;
  const thread = parse(conversation.externalThreadId);
  if (thread) return thread;
  const chatId = conversation.externalThreadId ?? conversation.contactExternalId;
  return /^-?\d+$/.test(chatId) ? { chatId } : undefined;
}
