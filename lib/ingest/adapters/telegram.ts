import { timingSafeEqual } from "node:crypto";
import type { InboundEventInput } from "@/lib/ingest/event";
import { type Obj, arr, compact, id, obj, short, str, text, toIso, valid } from "./read";

/** Compares the X-Telegram-Bot-Api-Secret-Token header with the secret given to setWebhook. */
export function verifyTelegramSecret({ header, secret }: { header: string | null; secret: string }): boolean {
  if (!header || !secret) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Ids: message ids are per chat, so external ids are `chatId:messageId`; a private dialogue is
 * threaded by chat id, a discussion-group comment by `chatId:threadRootId` (the channel post's copy).
 */
export function parseTelegramUpdate(update: unknown, options: { botId?: string } = {}): InboundEventInput[] {
  const u = obj(update);
  if (!u) return [];
  const edited = obj(u.edited_message);
  const message = obj(u.message) ?? edited;
  if (!message) return [];
  const event = toEvent({ message, edited: Boolean(edited), botId: options.botId });
  return valid(event) ? [event] : [];
}

function toEvent({ message, edited, botId }: { message: Obj; edited: boolean; botId?: string }): InboundEventInput | undefined {
  const chat = obj(message.chat);
  const chatId = id(chat?.id);
  const messageId = id(message.message_id);
  const from = obj(message.from);
  const senderChat = obj(message.sender_chat);
  const authorId = id(from?.id) ?? id(senderChat?.id);
  const createdAt = toIso(edited ? (message.edit_date ?? message.date) : message.date);
  if (!chat || !chatId || !messageId || !authorId || !createdAt) return undefined;
  const base = {
    externalId: `${chatId}:${messageId}`,
    author: compact({
      id: authorId,
      handle: short(from?.username) ?? short(senderChat?.username),
      name: short(displayName(from) ?? senderChat?.title, 1024),
      language: languageCode(from?.language_code),
    }),
    text: text(message.text ?? message.caption),
    createdAt,
    action: edited ? ("edit" as const) : ("create" as const),
    attachments: attachments(message),
  };
  if (chat.type === "private") {
    const own = Boolean(botId) && authorId === botId;
    return compact({ ...base, kind: "private_message" as const, threadId: chatId, direction: own ? "outbound" as const : "inbound" as const });
  }
  if (chat.type !== "supergroup" && chat.type !== "group") return undefined;
  // The channel post's own copy in the discussion group is the brand's post, not a comment.
  if (message.is_automatic_forward === true) return undefined;
  const reply = obj(message.reply_to_message);
  const replyId = id(reply?.message_id);
  // A reply to the bot's own message, in a plain group, a supergroup or a forum topic, answers the brand.
  const replyFrom = obj(reply?.from);
  const toBot = Boolean(replyId) && (botId ? id(replyFrom?.id) === botId : replyFrom?.is_bot === true);
  const rootId = id(message.message_thread_id) ?? (reply?.is_automatic_forward === true ? replyId : undefined) ?? (toBot ? replyId : undefined);
  if (!rootId) return undefined;
  const channelId = reply?.is_automatic_forward === true ? id(obj(reply.sender_chat)?.id) : undefined;
  const senderChatId = id(senderChat?.id);
  const own =
    (Boolean(botId) && authorId === botId) ||
    (senderChatId !== undefined && (senderChatId === chatId || senderChatId === channelId));
  const username = str(chat.username);
  return compact({
    ...base,
    kind: "public_comment" as const,
    threadId: `${chatId}:${rootId}`,
    inReplyTo: replyId && (replyId !== rootId || toBot) ? `${chatId}:${replyId}` : undefined,
    direction: own ? ("outbound" as const) : ("inbound" as const),
    url: messageLink({ chatId, username, messageId, rootId }),
  });
}

// Public groups link by username; private supergroups by their internal id (t.me/c/…).
function messageLink({ chatId, username, messageId, rootId }: { chatId: string; username: string | undefined; messageId: string; rootId: string }): string | undefined {
  if (username) return `https://t.me/${username}/${messageId}?thread=${rootId}`;
  if (chatId.startsWith("-100")) return `https://t.me/c/${chatId.slice(4)}/${messageId}?thread=${rootId}`;
  return undefined;
}

function languageCode(value: unknown): string | undefined {
  const code = str(value)?.toLowerCase();
  return code && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(code) ? code : undefined;
}

function displayName(from: Obj | undefined): string | undefined {
  const name = [str(from?.first_name), str(from?.last_name)].filter(Boolean).join(" ");
  return name || undefined;
}

const fileKinds = ["photo", "document", "video", "voice", "audio", "sticker", "animation", "video_note"] as const;

/** Telegram gives file ids, not URLs; the id is kept so the file can be fetched with getFile. */
function attachments(message: Obj) {
  const list = fileKinds.flatMap((kind) => {
    const value = message[kind];
    const file = kind === "photo" ? obj(arr(value).at(-1)) : obj(value);
    const fileId = id(file?.file_id);
    return fileId ? [{ kind, url: `tg-file:${fileId}` }] : [];
  });
  return list.length ? list : undefined;
}
