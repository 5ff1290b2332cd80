import { describe, expect, it } from "vitest";
import { inboundEventSchema } from "@/lib/ingest/event";
import { parseTelegramUpdate, verifyTelegramSecret } from "@/lib/ingest/adapters/telegram";
import { telegramDiscussionComment, telegramPrivateMessage } from "@/tests/fakes/payloads";

const user = { id: 111, first_name: "Olga", last_name: "K", username: "olgak" };
const group = { id: -1001234567890, title: "Brand chat", username: "brandchat" };
const channel = { id: -1009876543210, title: "Brand", username: "brand" };

describe("verifyTelegramSecret", () => {
  it("accepts only the exact secret", () => {
    expect(verifyTelegramSecret({ header: "abc_DEF-123", secret: "abc_DEF-123" })).toBe(true);
    expect(verifyTelegramSecret({ header: "abc_DEF-124", secret: "abc_DEF-123" })).toBe(false);
    expect(verifyTelegramSecret({ header: null, secret: "abc_DEF-123" })).toBe(false);
    expect(verifyTelegramSecret({ header: "", secret: "" })).toBe(false);
  });
});

describe("parseTelegramUpdate", () => {
  it("makes a private message thread per chat", () => {
    const [event] = parseTelegramUpdate(telegramPrivateMessage({ chatId: 111, from: user, messageId: 5, text: "Привет! Где заказ?" }));
    expect(event).toMatchObject({
      externalId: "111:5", kind: "private_message", threadId: "111", author: { id: "111", handle: "olgak", name: "Olga K" },
      text: "Привет! Где заказ?", createdAt: "2024-05-01T10:00:00.000Z", direction: "inbound", action: "create",
    });
    expect(() => inboundEventSchema.parse(event)).not.toThrow();
  });

  it("maps edited_message to an edit at the edit time", () => {
    const [event] = parseTelegramUpdate(telegramPrivateMessage({ chatId: 111, from: user, messageId: 5, text: "fixed", editedAt: "2024-05-01T10:05:00Z" }));
    expect(event).toMatchObject({ externalId: "111:5", action: "edit", text: "fixed", createdAt: "2024-05-01T10:05:00.000Z" });
  });

  it("threads discussion-group comments by the channel post and replies to their parent", () => {
    const [top] = parseTelegramUpdate(telegramDiscussionComment({ group, channel, rootMessageId: 300, messageId: 301, from: user, text: "When is the sale?" }));
    expect(top).toMatchObject({ externalId: `${group.id}:301`, kind: "public_comment", threadId: `${group.id}:300`, direction: "inbound" });
    expect(top.inReplyTo).toBeUndefined();
    const [reply] = parseTelegramUpdate(telegramDiscussionComment({ group, channel, rootMessageId: 300, messageId: 302, from: { id: 222, first_name: "Ivan" }, text: "+1", replyTo: { messageId: 301, from: user, text: "When is the sale?" } }));
    expect(reply).toMatchObject({ threadId: `${group.id}:300`, inReplyTo: `${group.id}:301` });
    expect(() => inboundEventSchema.parse(reply)).not.toThrow();
  });

  it("marks the bot's and the channel's own comments outbound", () => {
    const bot = { id: 999, is_bot: true, first_name: "Brand bot", username: "brand_bot" };
    const [byBot] = parseTelegramUpdate(telegramDiscussionComment({ group, channel, rootMessageId: 300, messageId: 303, from: bot, text: "Tomorrow!" }), { botId: "999" });
    expect(byBot.direction).toBe("outbound");
    const [asChannel] = parseTelegramUpdate(telegramDiscussionComment({ group, channel, rootMessageId: 300, messageId: 304, from: { id: 136817688, first_name: "Channel" }, senderChat: { id: channel.id, title: channel.title, type: "channel" }, text: "Tomorrow!" }));
    expect(asChannel.direction).toBe("outbound");
    const [ownDm] = parseTelegramUpdate(telegramPrivateMessage({ chatId: 111, from: bot, messageId: 6, text: "echo" }), { botId: "999" });
    expect(ownDm.direction).toBe("outbound");
  });

  it("ignores the automatic forward of the channel post, channel posts and plain group chatter", () => {
    const update = telegramDiscussionComment({ group, channel, rootMessageId: 300, messageId: 301, from: user, text: "x" });
    const root = (update.message as { reply_to_message: unknown }).reply_to_message;
    expect(parseTelegramUpdate({ update_id: 3, message: root })).toEqual([]);
    expect(parseTelegramUpdate({ update_id: 4, channel_post: { message_id: 1, chat: { id: channel.id, type: "channel" }, date: 1, text: "post" } })).toEqual([]);
    expect(parseTelegramUpdate({ update_id: 5, message: { message_id: 9, from: user, chat: { ...group, type: "supergroup" }, date: 1714557600, text: "hi all" } })).toEqual([]);
  });

  it("never throws on hostile input", () => {
    for (const update of [null, 1, "x", [], { message: null }, { message: { chat: {} } }, { message: { message_id: 1, chat: { id: 1, type: "private" }, date: "soon" } }, { edited_message: [] }]) {
      expect(parseTelegramUpdate(update)).toEqual([]);
    }
  });
});
