import { beforeAll, describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { parseTelegramUpdate } from "@/lib/ingest/adapters/telegram";
import { parseVkCallback } from "@/lib/ingest/adapters/vk";
import { inboundEventSchema, type InboundEventInput } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { withLanguageHint } from "@/lib/ingest/stages/classify";
import { classify } from "@/lib/classify";
import { resetSecretsCache } from "@/lib/security/secrets";
import { vkCallback, vkWallReply } from "@/tests/fakes/payloads";
import { makeBrand, testDb, row } from "../helpers/db";

beforeAll(() => {
  process.env.AUTH_SECRET = "details-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "details-credentials-key-0123456789abcdef";
  resetSecretsCache();
});

const AT = 1714557600; // 2024-05-01T10:00:00Z
const bot = { id: 999, is_bot: true, first_name: "Brand bot", username: "brand_bot" };
const olga = { id: 111, is_bot: false, first_name: "Olga", username: "olgak", language_code: "uk" };

function groupReply({ chat, threadId, topic = false, botMessage = 50 }: { chat: Record<string, unknown>; threadId?: number; topic?: boolean; botMessage?: number }) {
  const botMsg: Record<string, unknown> = { message_id: botMessage, from: bot, chat, date: AT - 60, text: "Hello! How can we help?" };
  if (threadId) Object.assign(botMsg, { message_thread_id: threadId, is_topic_message: topic || undefined });
  const message: Record<string, unknown> = { message_id: botMessage + 1, from: olga, chat, date: AT, text: "Де посилка? 77", reply_to_message: botMsg };
  if (threadId) Object.assign(message, { message_thread_id: threadId, is_topic_message: topic || undefined });
  return { update_id: 9, message };
}

describe("Telegram: a reply to the bot's message in a group", () => {
  const plain = { id: -4001, title: "Brand chat", type: "group" };
  const supergroup = { id: -1001234567890, title: "Brand chat", type: "supergroup" };
  const forum = { id: -1005550001, title: "Brand forum", type: "supergroup", is_forum: true, username: "brandforum" };

  it("is taken in with its link to the bot's message, in a plain group, a supergroup and a forum topic", () => {
    const [inGroup] = parseTelegramUpdate(groupReply({ chat: plain }), { botId: "999" });
    expect(inGroup).toMatchObject({ externalId: "-4001:51", kind: "public_comment", inReplyTo: "-4001:50", direction: "inbound", author: { id: "111", language: "uk" } });
    // A supergroup names the reply thread after the bot's message; the link must survive that.
    const [inSupergroup] = parseTelegramUpdate(groupReply({ chat: supergroup, threadId: 50 }), { botId: "999" });
    expect(inSupergroup).toMatchObject({ inReplyTo: "-1001234567890:50", url: "https://t.me/c/1234567890/51?thread=50" });
    const [inTopic] = parseTelegramUpdate(groupReply({ chat: forum, threadId: 7, topic: true }), { botId: "999" });
    expect(inTopic).toMatchObject({ threadId: "-1005550001:7", inReplyTo: "-1005550001:50", url: "https://t.me/brandforum/51?thread=7" });
    // Without the bot's id configured, a reply to a bot is still taken in.
    expect(parseTelegramUpdate(groupReply({ chat: plain }))[0]).toMatchObject({ inReplyTo: "-4001:50" });
    // A reply to someone else in a plain group is chatter.
    const toPerson = groupReply({ chat: plain });
    (toPerson.message.reply_to_message as Record<string, unknown>).from = { id: 222, is_bot: false, first_name: "Ivan" };
    expect(parseTelegramUpdate(toPerson, { botId: "999" })).toEqual([]);
  });

  it("joins the conversation of the bot's message in the inbox", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "telegram", name: "Bot", accountId: "999" }).returning());
    const ingest = (events: InboundEventInput[]) => ingestBatch({ db, brandId: brand.id, items: events.map((e) => ({ event: inboundEventSchema.parse(e), channelId: channel.id })), now: (AT + 60) * 1000 });
    const [question] = await ingest([{ externalId: "-4001:49", threadId: "-4001:49", author: { id: "111" }, text: "@brand_bot where is my parcel?", createdAt: new Date((AT - 120) * 1000).toISOString() }]);
    await ingest([{ externalId: "-4001:50", inReplyTo: "-4001:49", author: { id: "999" }, text: "Hello! How can we help?", direction: "outbound", createdAt: new Date((AT - 60) * 1000).toISOString() }]);
    const [answer] = await ingest(parseTelegramUpdate(groupReply({ chat: plain }), { botId: "999" }));
    expect(answer.conversationId).toBe(question.conversationId);
    expect(await row(db, "SELECT in_reply_to_external_id AS parent, language FROM messages WHERE external_id = '-4001:51'")).toEqual({ parent: "-4001:50", language: "uk" });
  });
});

describe("VK: wall_reply_edit", () => {
  it("records when the edit arrived, not the comment's creation time", async () => {
    const groupId = 12345;
    const created = new Date("2024-05-01T10:00:00Z");
    const arrived = new Date("2024-05-01T12:30:00Z");
    const parse = (type: string, text: string, now: Date) =>
      parseVkCallback(vkCallback({ type, groupId, secret: "s", object: vkWallReply({ id: 7, fromId: 5, postId: 3, ownerId: -groupId, text, at: created.toISOString() }) }), { groupId: String(groupId), secret: "s", now });
    const fresh = parse("wall_reply_new", "Where is my refund?", created);
    const edit = parse("wall_reply_edit", "Where is my refund? Order 9", arrived);
    if (fresh.type !== "event" || edit.type !== "event") throw new Error("expected events");
    expect(edit.events[0]).toMatchObject({ action: "edit", editedAt: arrived.toISOString(), createdAt: created.toISOString() });

    const { db } = testDb();
    const brand = await makeBrand({ db });
    const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "vk", name: "VK", accountId: String(groupId) }).returning());
    const ingest = (event: InboundEventInput, now: Date) => ingestBatch({ db, brandId: brand.id, items: [{ event: inboundEventSchema.parse(event), channelId: channel.id }], now: now.getTime() });
    await ingest(fresh.events[0], created);
    await ingest(edit.events[0], arrived);
    expect(await row(db, "SELECT created_at, edited_at, text FROM messages")).toEqual({ created_at: created.getTime(), edited_at: arrived.getTime(), text: "Where is my refund? Order 9" });
  });
});

describe("Telegram language_code", () => {
  const hinted = (text: string, hint?: string) => withLanguageHint(classify(text), text, hint).language;
  it("decides the language of a short text when it fits the text's script", () => {
    expect(hinted("Дякую!", "uk")).toBe("uk");
    expect(hinted("hola?", "es")).toBe("es");
    expect(hinted("pt-br ok", "pt-br")).toBe("pt");
    // A Latin "ok" from a Russian-speaking user is not Russian; a long text speaks for itself.
    expect(hinted("ok", "ru")).not.toBe("ru");
    const long = "Where is my parcel, I ordered it two weeks ago and nothing has arrived yet";
    expect(hinted(long, "de")).toBe(classify(long).language);
  });
});
