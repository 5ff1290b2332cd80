import { timingSafeEqual } from "node:crypto";
import type { InboundEventInput } from "@/lib/ingest/event";
import { type Obj, compact, id, num, obj, str, text, toIso, valid } from "./read";
import { vkAttachments, vkCommentEvent } from "./vk-comments";

export type VkCallbackResult =
  | { type: "confirmation" }
  | { type: "event"; events: InboundEventInput[]; skipped: number }
  | { type: "ignored" }
  | { type: "forbidden" };

export function parseVkCallback(body: unknown, options: { groupId: string; secret?: string; now?: Date }): VkCallbackResult {
  const b = obj(body);
  const type = str(b?.type);
  if (!b || !type) return { type: "ignored" };
  if (id(b.group_id) !== options.groupId) return { type: "forbidden" };
  if (type === "confirmation") return { type: "confirmation" };
  if (options.secret && !sameSecret(str(b.secret) ?? "", options.secret)) return { type: "forbidden" };
  const object = obj(b.object);
  const now = options.now ?? new Date();
  const ctx = { groupId: options.groupId, now };
  const event = object
    ? type.startsWith("message_")
      ? vkMessageEvent({ type, object, ctx })
      : vkCommentEvent({ type, object, ctx })
    : null;
  if (event === null) return { type: "ignored" };
  return valid(event) ? { type: "event", events: [event], skipped: 0 } : { type: "event", events: [], skipped: 1 };
}

function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const messageActions: Record<string, { action: InboundEventInput["action"]; outbound?: boolean }> = {
  message_new: { action: "create" },
  message_reply: { action: "create", outbound: true },
  message_edit: { action: "edit" },
};

/** Returns null for an event type we do not handle, undefined for a malformed one. */
function vkMessageEvent({ type, object, ctx }: { type: string; object: Obj; ctx: { groupId: string } }): InboundEventInput | undefined | null {
  const kind = messageActions[type];
  if (!kind) return null;
  // Since API 5.103 message_new wraps the message with client_info; message_reply/edit do not.
  const m = obj(object.message) ?? object;
  const peerId = id(m.peer_id);
  const fromId = id(m.from_id);
  const date = num(m.update_time) && kind.action === "edit" ? m.update_time : m.date;
  const createdAt = toIso(date);
  const messageId = id(m.id);
  const convId = id(m.conversation_message_id);
  const externalId = messageId && messageId !== "0" ? `msg${messageId}` : convId ? `msg${peerId}_${convId}` : undefined;
  if (!peerId || !fromId || !createdAt || !externalId) return undefined;
  const outbound = kind.outbound || m.out === 1 || fromId === `-${ctx.groupId}`;
  const replyId = id(obj(m.reply_message)?.id);
  return compact({
    externalId,
    kind: "private_message" as const,
    threadId: peerId,
    inReplyTo: replyId ? `msg${replyId}` : undefined,
    author: { id: fromId },
    text: text(m.text),
    createdAt,
    direction: outbound ? ("outbound" as const) : ("inbound" as const),
    action: kind.action,
    attachments: vkAttachments(m.attachments),
  });
}
