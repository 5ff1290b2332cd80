import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inboundEventSchema } from "@/lib/ingest/event";
import { parseMetaWebhook } from "@/lib/ingest/adapters/meta";
import { parseTelegramUpdate } from "@/lib/ingest/adapters/telegram";
import { parseVkCallback } from "@/lib/ingest/adapters/vk";
import { parseYoutubeCommentThreads } from "@/lib/ingest/adapters/youtube";
import { parseXMentions } from "@/lib/ingest/adapters/x";
import { parseCsv, parseTwcs } from "@/lib/ingest/adapters/twcs";
import { metaMessengerMessage, metaPageComment, telegramDiscussionComment, vkCallback, vkWallReply, xTweet, youtubeComment, youtubeThread } from "@/tests/fakes/payloads";

// Real payload shapes with random values swapped in at random places: the parsers must not
// throw, and whatever they return must pass the event contract.
const seeds = {
  meta: metaPageComment({ pageId: "1", postId: "1_2", commentId: "2_3", from: { id: "4", name: "A" }, message: "m" }),
  messenger: metaMessengerMessage({ pageId: "1", psid: "5", mid: "m_1", text: "t", attachments: [{ type: "image", url: "u" }] }),
  telegram: telegramDiscussionComment({ group: { id: -100, title: "g" }, channel: { id: -200, title: "c" }, rootMessageId: 1, messageId: 2, from: { id: 3, first_name: "x" }, text: "t" }),
  vk: vkCallback({ type: "wall_reply_new", groupId: 1, secret: "s", object: vkWallReply({ id: 1, fromId: 2, postId: 3, ownerId: -1, text: "t" }) }),
  youtube: { items: [youtubeThread({ top: youtubeComment({ id: "c", videoId: "v", channelId: "ch", author: { channelId: "a", name: "n" }, text: "t", publishedAt: "2024-01-01T00:00:00Z" }) })] },
  x: { data: [xTweet({ id: "1", authorId: "2", text: "t" })], includes: { users: [{ id: "2", username: "u", name: "n" }] } },
};

function mutate(value: unknown, paths: number[], replacement: unknown): unknown {
  if (paths.length === 0 || value === null || typeof value !== "object") return replacement;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [key] = entries[paths[0] % entries.length];
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  copy[key] = mutate(copy[key], paths.slice(1), replacement);
  return copy;
}

const weird = fc.oneof(
  fc.anything(),
  fc.string({ maxLength: 2000 }),
  fc.constantFrom("", " ", "\u0000", "<script>alert(1)</script>", "'; DROP TABLE messages; --", "x".repeat(600), "\u202eRTL", "😀", 1e308, -1, NaN, 2 ** 60),
);

const parsers: Record<keyof typeof seeds, (body: unknown) => unknown[]> = {
  meta: (b) => parseMetaWebhook(b).flatMap((g) => g.events),
  messenger: (b) => parseMetaWebhook(b).flatMap((g) => g.events),
  telegram: (b) => parseTelegramUpdate(b, { botId: "9" }),
  vk: (b) => {
    const r = parseVkCallback(b, { groupId: "1", secret: "s" });
    return r.type === "event" ? r.events : [];
  },
  youtube: (b) => parseYoutubeCommentThreads(b, { channelId: "ch" }).events,
  x: (b) => parseXMentions(b, { accountId: "2" }).events,
};

describe("adapters on hostile input", () => {
  for (const [name, parse] of Object.entries(parsers)) {
    it(`${name}: never throws and only returns contract-valid events`, () => {
      const seed = seeds[name as keyof typeof seeds];
      expect(parse(seed).length).toBe(1);
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 8 }), weird, (paths, replacement) => {
          const events = parse(mutate(seed, paths, replacement));
          for (const event of events) expect(inboundEventSchema.safeParse(event).success).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it("csv and twcs never throw on random text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        parseCsv(text);
        parseTwcs(`tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n${text}`);
      }),
      { numRuns: 300 },
    );
  });
});
