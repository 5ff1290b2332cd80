import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { groupThreads, threadContexts, type ThreadEvent } from "@/lib/classify/thread";

const ev = (over: Partial<ThreadEvent> & { externalId: string; author: ThreadEvent["author"]; text: string }): ThreadEvent => ({
  channel: "instagram",
  kind: "public_comment",
  createdAt: "2025-03-03T08:00:00Z",
  direction: "inbound",
  ...over,
});

describe("thread contexts", () => {
  const post = { id: "p1", text: "Our autumn menu is here! Which drink first?" };
  const events = [
    ev({ externalId: "c1", inReplyTo: "p1", post, author: { id: "a", handle: "anna" }, text: "pumpkin!!" }),
    ev({ externalId: "c2", inReplyTo: "c1", post, author: { id: "b", handle: "bob" }, text: "@anna same, and @leo too" }),
    ev({ externalId: "c3", inReplyTo: "p1", post, author: { id: "c", handle: "cara" }, text: "@BeanBrewCafe where is my order?" }),
    ev({ externalId: "r1", inReplyTo: "c3", post, author: { id: "brand", handle: "BeanBrewCafe" }, text: "DM us please", direction: "outbound" }),
    ev({ externalId: "c4", inReplyTo: "r1", post, author: { id: "c", handle: "cara" }, text: "done" }),
    ev({ externalId: "d1", kind: "private_message", channel: "telegram", author: { id: "d" }, text: "Hi" }),
    ev({ externalId: "d2", kind: "private_message", channel: "telegram", author: { id: "d" }, text: "my card is blocked" }),
  ];

  it("threads replies with their parent and private messages with their author's dialogue", () => {
    const threads = groupThreads(events);
    expect(threads.map((t) => t.map((e) => e.externalId))).toEqual([["c1", "c2"], ["c3", "r1", "c4"], ["d1", "d2"]]);
  });

  it("says where each message sits, who it tags, and what came before", () => {
    const [first, second, third] = groupThreads(events).map((thread) => threadContexts({ thread, brandHandles: ["@BeanBrewCafe"] }));
    expect(first[0]).toMatchObject({ kind: "public_comment", replyTo: "brand_post", postText: post.text, mentions: { brand: false, others: 0 } });
    expect(first[1]).toMatchObject({ replyTo: "customer", mentions: { brand: false, others: 2 } });
    expect(second[0]).toMatchObject({ replyTo: "brand_post", mentions: { brand: true, others: 0 }, brandAnsweredAuthor: false });
    expect(second[1]).toBeNull();
    expect(second[2]).toMatchObject({ replyTo: "brand", brandAnsweredAuthor: true, previousFromAuthor: ["@BeanBrewCafe where is my order?"] });
    expect(third[1]).toMatchObject({ kind: "private_message", replyTo: "none", previousFromAuthor: ["Hi"] });
  });

  it("reads the held-out fixture into threads with a label on every inbound line", () => {
    const lines = fs.readFileSync("tests/fixtures/classify/threads-heldout.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as ThreadEvent);
    const threads = groupThreads(lines);
    expect(threads.length).toBe(300);
    expect(lines.every((e) => e.direction !== "inbound" || e.label === "request" || e.label === "noise")).toBe(true);
    const requests = lines.filter((e) => e.label === "request").length;
    expect(lines.length / requests).toBeGreaterThan(5);
    expect(lines.length / requests).toBeLessThan(9);
  });
});
