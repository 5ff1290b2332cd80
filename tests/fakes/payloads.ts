import { createHmac } from "node:crypto";

// Webhook and API payload builders, shaped like the examples in each platform's documentation.
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The raw body Meta would send and its X-Hub-Signature-256 header. */
export function signMetaPayload({ body, appSecret }: { body: unknown; appSecret: string }) {
  const rawBody = Buffer.from(typeof body === "string" ? body : JSON.stringify(body));
  const header = `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
  return { rawBody, header };
}

export function metaPageComment({ pageId, postId, commentId, parentId, from, message, verb = "add", at = "2024-05-01T10:00:00Z" }: {
  pageId: string; postId: string; commentId: string; parentId?: string; from: { id: string; name: string }; message?: string; verb?: "add" | "edited" | "remove" | "hide"; at?: string;
}) {
  const value: Record<string, unknown> = {
    from,
    post: { status_type: "added_photos", is_published: true, updated_time: at.replace("Z", "+0000"), permalink_url: `https://www.facebook.com/${postId}`, promotion_status: "inactive", id: postId },
    post_id: postId,
    comment_id: commentId,
    created_time: unix(at),
    item: "comment",
    parent_id: parentId ?? postId,
    verb,
  };
  if (message !== undefined) value.message = message;
  return { object: "page", entry: [{ id: pageId, time: unix(at), changes: [{ field: "feed", value }] }] };
}

export function metaMessengerMessage({ pageId, psid, mid, text, at = "2024-05-01T10:00:00Z", echo, appId, attachments }: {
  pageId: string; psid: string; mid: string; text?: string; at?: string; echo?: boolean; appId?: string; attachments?: { type: string; url: string }[];
}) {
  const message: Record<string, unknown> = { mid };
  if (text !== undefined) message.text = text;
  if (echo) Object.assign(message, { is_echo: true, ...(appId ? { app_id: Number(appId), metadata: "replyhour" } : {}) });
  if (attachments) message.attachments = attachments.map((a) => ({ type: a.type, payload: { url: a.url } }));
  const [sender, recipient] = echo ? [pageId, psid] : [psid, pageId];
  const ms = Date.parse(at);
  return { object: "page", entry: [{ id: pageId, time: ms, messaging: [{ sender: { id: sender }, recipient: { id: recipient }, timestamp: ms, message }] }] };
}

export function instagramComment({ igAccountId, commentId, mediaId, from, text, parentId, at = "2024-05-01T10:00:00Z" }: {
  igAccountId: string; commentId: string; mediaId: string; from: { id: string; username: string; self_ig_scoped_id?: string }; text: string; parentId?: string; at?: string;
}) {
  const value: Record<string, unknown> = { from, media: { id: mediaId, media_product_type: "FEED" }, id: commentId, text };
  if (parentId) value.parent_id = parentId;
  return { object: "instagram", entry: [{ id: igAccountId, time: unix(at), changes: [{ field: "comments", value }] }] };
}

export function instagramMessage({ igAccountId, igsid, mid, text, at = "2024-05-01T10:00:00Z", echo, deleted }: {
  igAccountId: string; igsid: string; mid: string; text?: string; at?: string; echo?: boolean; deleted?: boolean;
}) {
  const message: Record<string, unknown> = { mid };
  if (text !== undefined) message.text = text;
  if (echo) message.is_echo = true;
  if (deleted) message.is_deleted = true;
  const [sender, recipient] = echo ? [igAccountId, igsid] : [igsid, igAccountId];
  const ms = Date.parse(at);
  return { object: "instagram", entry: [{ id: igAccountId, time: ms, messaging: [{ sender: { id: sender }, recipient: { id: recipient }, timestamp: ms, message }] }] };
}

type TgUser = { id: number; is_bot?: boolean; first_name: string; last_name?: string; username?: string; language_code?: string };

export function telegramPrivateMessage({ updateId = 1, chatId, from, messageId, text, at = "2024-05-01T10:00:00Z", editedAt }: {
  updateId?: number; chatId: number; from: TgUser; messageId: number; text: string; at?: string; editedAt?: string;
}) {
  const message: Record<string, unknown> = {
    message_id: messageId,
    from: { is_bot: false, ...from },
    chat: { id: chatId, first_name: from.first_name, username: from.username, type: "private" },
    date: unix(at),
    text,
  };
  if (editedAt) message.edit_date = unix(editedAt);
  return { update_id: updateId, [editedAt ? "edited_message" : "message"]: message };
}

/** A comment in a channel's linked discussion group, under the group's copy of the channel post. */
export function telegramDiscussionComment({ updateId = 2, group, channel, rootMessageId, messageId, from, senderChat, text, replyTo, at = "2024-05-01T10:00:00Z", editedAt }: {
  updateId?: number; group: { id: number; title: string; username?: string }; channel: { id: number; title: string; username?: string };
  rootMessageId: number; messageId: number; from: TgUser; senderChat?: { id: number; title: string; type: "channel" | "supergroup" };
  text: string; replyTo?: { messageId: number; from: TgUser; text: string }; at?: string; editedAt?: string;
}) {
  const chat = { ...group, type: "supergroup" };
  const root = {
    message_id: rootMessageId,
    from: { id: 777000, is_bot: false, first_name: "Telegram" },
    sender_chat: { ...channel, type: "channel" },
    chat,
    date: unix(at) - 600,
    forward_origin: { type: "channel", chat: { ...channel, type: "channel" }, message_id: 42, date: unix(at) - 600 },
    is_automatic_forward: true,
    text: "Our new post",
  };
  const parent = replyTo
    ? { message_id: replyTo.messageId, from: replyTo.from, chat, date: unix(at) - 60, message_thread_id: rootMessageId, reply_to_message: root, text: replyTo.text }
    : root;
  const message: Record<string, unknown> = { message_id: messageId, from: { is_bot: false, ...from }, chat, date: unix(at), message_thread_id: rootMessageId, reply_to_message: parent, text };
  if (senderChat) message.sender_chat = senderChat;
  if (editedAt) message.edit_date = unix(editedAt);
  return { update_id: updateId, [editedAt ? "edited_message" : "message"]: message };
}

export function vkCallback({ type, groupId, secret, object, eventId = "a1b2c3d4e5f6", v = "5.199" }: {
  type: string; groupId: number; secret?: string; object?: Record<string, unknown>; eventId?: string; v?: string;
}) {
  const body: Record<string, unknown> = { group_id: groupId, type, event_id: eventId, v };
  if (object) body.object = object;
  if (secret !== undefined) body.secret = secret;
  return body;
}

export function vkWallReply({ id, fromId, postId, ownerId, text, at = "2024-05-01T10:00:00Z", replyToComment, replyToUser }: {
  id: number; fromId: number; postId: number; ownerId: number; text: string; at?: string; replyToComment?: number; replyToUser?: number;
}) {
  const object: Record<string, unknown> = { id, from_id: fromId, post_id: postId, owner_id: ownerId, post_owner_id: ownerId, parents_stack: replyToComment ? [replyToComment] : [], date: unix(at), text, thread: { count: 0 } };
  if (replyToComment) Object.assign(object, { reply_to_comment: replyToComment, reply_to_user: replyToUser ?? fromId });
  return object;
}

export function vkMessageNew({ id, peerId, fromId, text, at = "2024-05-01T10:00:00Z", conversationMessageId = 1 }: {
  id: number; peerId: number; fromId: number; text: string; at?: string; conversationMessageId?: number;
}) {
  return {
    message: { date: unix(at), from_id: fromId, id, out: 0, attachments: [], conversation_message_id: conversationMessageId, fwd_messages: [], important: false, is_hidden: false, peer_id: peerId, random_id: 0, text },
    client_info: { button_actions: ["text", "vkpay", "open_app", "location", "open_link", "callback"], keyboard: true, inline_keyboard: true, carousel: true, lang_id: 0 },
  };
}

type YtAuthor = { channelId: string; name: string; handle?: string };

export function youtubeComment({ id, videoId, channelId, author, text, publishedAt, updatedAt, parentId }: {
  id: string; videoId: string; channelId: string; author: YtAuthor; text: string; publishedAt: string; updatedAt?: string; parentId?: string;
}) {
  const snippet: Record<string, unknown> = {
    channelId, videoId, textDisplay: text, textOriginal: text,
    authorDisplayName: author.handle ?? author.name,
    authorProfileImageUrl: "https://yt3.ggpht.com/a/default-user=s48-c-k-c0x00ffffff-no-rj",
    authorChannelUrl: `http://www.youtube.com/${author.handle ?? `channel/${author.channelId}`}`,
    authorChannelId: { value: author.channelId },
    canRate: true, viewerRating: "none", likeCount: 0, publishedAt, updatedAt: updatedAt ?? publishedAt,
  };
  if (parentId) snippet.parentId = parentId;
  return { kind: "youtube#comment" as const, etag: `etag-${id}`, id, snippet };
}

export function youtubeThread({ top, replies = [] }: { top: ReturnType<typeof youtubeComment>; replies?: ReturnType<typeof youtubeComment>[] }) {
  const s = top.snippet;
  return {
    kind: "youtube#commentThread" as const,
    etag: `etag-thread-${top.id}`,
    id: top.id,
    snippet: { channelId: s.channelId, videoId: s.videoId, topLevelComment: top, canReply: true, totalReplyCount: replies.length, isPublic: true },
    ...(replies.length ? { replies: { comments: replies } } : {}),
  };
}

export function xUser({ id, username, name, followers = 0 }: { id: string; username: string; name: string; followers?: number }) {
  return { id, name, username, public_metrics: { followers_count: followers, following_count: 10, tweet_count: 100, listed_count: 0 } };
}

export function xTweet({ id, authorId, text, conversationId, replyTo, inReplyToUserId, at = "2024-05-01T10:00:00.000Z" }: {
  id: string; authorId: string; text: string; conversationId?: string; replyTo?: string; inReplyToUserId?: string; at?: string;
}) {
  const tweet: Record<string, unknown> & { id: string; text: string; author_id: string; conversation_id: string; created_at: string } = {
    id, text, author_id: authorId, conversation_id: conversationId ?? id, created_at: at, edit_history_tweet_ids: [id],
  };
  if (replyTo) tweet.referenced_tweets = [{ type: "replied_to", id: replyTo }];
  if (inReplyToUserId) tweet.in_reply_to_user_id = inReplyToUserId;
  return tweet;
}
