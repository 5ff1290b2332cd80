import { describe, expect, it } from "vitest";
import { inboundEventSchema } from "@/lib/ingest/event";
import { parseXMentions } from "@/lib/ingest/adapters/x";
import { xTweet, xUser } from "@/tests/fakes/payloads";

const accountId = "2244994945";

describe("parseXMentions", () => {
  const response = {
    data: [
      xTweet({ id: "1790000000000000002", authorId: accountId, text: "@ann We're on it", conversationId: "1790000000000000001", replyTo: "1790000000000000001", at: "2024-05-01T10:10:00.000Z" }),
      xTweet({ id: "1790000000000000001", authorId: "99", text: "@brand my flight &amp; bag are lost &lt;3", at: "2024-05-01T10:00:00.000Z" }),
    ],
    includes: { users: [xUser({ id: "99", username: "ann", name: "Ann", followers: 1234 }), xUser({ id: accountId, username: "brand", name: "Brand" })] },
    meta: { result_count: 2, newest_id: "1790000000000000002", oldest_id: "1790000000000000001", next_token: "7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i" },
  };

  it("uses includes.users for the author, conversation_id for the thread and replied_to for the parent", () => {
    const { events, newestId, nextToken, skipped } = parseXMentions(response, { accountId });
    expect(newestId).toBe("1790000000000000002");
    expect(nextToken).toBe("7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i");
    expect(skipped).toBe(0);
    expect(events[1]).toMatchObject({
      externalId: "1790000000000000001", threadId: "1790000000000000001", author: { id: "99", handle: "ann", name: "Ann", followers: 1234 },
      text: "@brand my flight & bag are lost <3", direction: "inbound", url: "https://x.com/ann/status/1790000000000000001",
    });
    expect(events[0]).toMatchObject({ inReplyTo: "1790000000000000001", threadId: "1790000000000000001", direction: "outbound" });
    events.forEach((e) => inboundEventSchema.parse(e));
  });

  it("reads an empty page and skips malformed tweets without throwing", () => {
    expect(parseXMentions({ meta: { result_count: 0 } }, { accountId })).toEqual({ events: [], newestId: undefined, nextToken: undefined, skipped: 0 });
    const bad = { data: [null, { id: "1" }, { id: "2", author_id: "3", text: "x", created_at: "never" }], includes: { users: "x" } };
    expect(parseXMentions(bad, { accountId })).toMatchObject({ events: [], skipped: 3 });
    for (const value of [null, 1, "x", []]) expect(() => parseXMentions(value, { accountId })).not.toThrow();
  });
});
