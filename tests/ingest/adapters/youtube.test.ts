import { describe, expect, it } from "vitest";
import { inboundEventSchema } from "@/lib/ingest/event";
import { parseYoutubeCommentThreads } from "@/lib/ingest/adapters/youtube";
import { youtubeComment, youtubeThread } from "@/tests/fakes/payloads";

const channelId = "UCbrand000000000000000";
const fan = { channelId: "UCfan00000000000000000", name: "Fan", handle: "@fan" };
const brand = { channelId, name: "Brand", handle: "@brand" };

describe("parseYoutubeCommentThreads", () => {
  const top = youtubeComment({ id: "Ugx1", videoId: "vid1", channelId, author: fan, text: "Is this <b>available</b> in 🇩🇪?", publishedAt: "2024-05-01T10:00:00Z" });
  const own = youtubeComment({ id: "Ugx1.r1", videoId: "vid1", channelId, author: brand, text: "Yes!", publishedAt: "2024-05-01T10:20:00Z", parentId: "Ugx1" });
  const response = { kind: "youtube#commentThreadListResponse", nextPageToken: "CDIQAA", items: [youtubeThread({ top, replies: [own] })] };

  it("reads top-level comments and replies, threaded by the thread id", () => {
    const { events, nextPageToken, skipped } = parseYoutubeCommentThreads(response, { channelId });
    expect(nextPageToken).toBe("CDIQAA");
    expect(skipped).toBe(0);
    expect(events[0]).toMatchObject({
      externalId: "Ugx1", kind: "public_comment", threadId: "Ugx1", author: { id: fan.channelId, handle: "@fan", name: "@fan" },
      text: "Is this <b>available</b> in 🇩🇪?", createdAt: "2024-05-01T10:00:00.000Z", direction: "inbound",
      url: "https://www.youtube.com/watch?v=vid1&lc=Ugx1",
    });
    expect(events[0].inReplyTo).toBeUndefined();
    expect(events[1]).toMatchObject({ externalId: "Ugx1.r1", threadId: "Ugx1", inReplyTo: "Ugx1", direction: "outbound" });
    events.forEach((e) => inboundEventSchema.parse(e));
  });

  it("skips malformed threads and never throws", () => {
    const bad = { items: [null, 1, { id: "t" }, { id: "t2", snippet: { topLevelComment: { id: "c", snippet: { publishedAt: "nope" } } } }] };
    expect(parseYoutubeCommentThreads(bad, { channelId })).toMatchObject({ events: [], skipped: 4 });
    for (const value of [null, "x", [], { items: "x" }]) expect(parseYoutubeCommentThreads(value, { channelId }).events).toEqual([]);
  });
});
