import { describe, expect, it } from "vitest";
import { inboundEventSchema } from "@/lib/ingest/event";
import { parseVkCallback } from "@/lib/ingest/adapters/vk";
import { vkCallback, vkMessageNew, vkWallReply } from "@/tests/fakes/payloads";

const groupId = 218000001;
const options = { groupId: String(groupId), secret: "vk-secret", now: new Date("2024-05-02T00:00:00Z") };
const events = (body: unknown) => {
  const result = parseVkCallback(body, options);
  if (result.type !== "event") throw new Error(`expected events, got ${result.type}`);
  result.events.forEach((e) => inboundEventSchema.parse(e));
  return result.events;
};

describe("parseVkCallback", () => {
  it("answers confirmation for our group and refuses another group or a wrong secret", () => {
    expect(parseVkCallback(vkCallback({ type: "confirmation", groupId }), options)).toEqual({ type: "confirmation" });
    expect(parseVkCallback(vkCallback({ type: "confirmation", groupId: 1 }), options)).toEqual({ type: "forbidden" });
    const object = vkWallReply({ id: 7, fromId: 5, postId: 3, ownerId: -groupId, text: "hi" });
    expect(parseVkCallback(vkCallback({ type: "wall_reply_new", groupId, secret: "nope", object }), options)).toEqual({ type: "forbidden" });
    expect(parseVkCallback(vkCallback({ type: "wall_reply_new", groupId, object }), options)).toEqual({ type: "forbidden" });
  });

  it("threads wall comments by post and replies by reply_to_comment, in VK's own link form", () => {
    const [top] = events(vkCallback({ type: "wall_reply_new", groupId, secret: "vk-secret", object: vkWallReply({ id: 7, fromId: 5, postId: 3, ownerId: -groupId, text: "Когда доставка?" }) }));
    expect(top).toMatchObject({
      externalId: `wall-${groupId}_3?reply=7`, threadId: `wall-${groupId}_3`, author: { id: "5" }, text: "Когда доставка?",
      createdAt: "2024-05-01T10:00:00.000Z", direction: "inbound", action: "create", url: `https://vk.com/wall-${groupId}_3?reply=7`,
    });
    const [reply] = events(vkCallback({ type: "wall_reply_new", groupId, secret: "vk-secret", object: vkWallReply({ id: 8, fromId: -groupId, postId: 3, ownerId: -groupId, text: "Завтра", replyToComment: 7 }) }));
    expect(reply).toMatchObject({ inReplyTo: `wall-${groupId}_3?reply=7`, direction: "outbound" });
  });

  it("maps edit, restore and delete", () => {
    const [edit] = events(vkCallback({ type: "wall_reply_edit", groupId, secret: "vk-secret", object: vkWallReply({ id: 7, fromId: 5, postId: 3, ownerId: -groupId, text: "edited" }) }));
    expect(edit).toMatchObject({ action: "edit", text: "edited" });
    const [restore] = events(vkCallback({ type: "wall_reply_restore", groupId, secret: "vk-secret", object: vkWallReply({ id: 7, fromId: 5, postId: 3, ownerId: -groupId, text: "back" }) }));
    expect(restore).toMatchObject({ action: "edit", text: "back" });
    const [gone] = events(vkCallback({ type: "wall_reply_delete", groupId, secret: "vk-secret", object: { owner_id: -groupId, id: 7, deleter_id: 5, post_id: 3 } }));
    expect(gone).toMatchObject({ externalId: `wall-${groupId}_3?reply=7`, action: "delete", text: "", author: { id: "5" }, createdAt: "2024-05-02T00:00:00.000Z" });
  });

  it("reads message_new as a dialogue per peer_id and message_reply as outbound", () => {
    const [dm] = events(vkCallback({ type: "message_new", groupId, secret: "vk-secret", object: vkMessageNew({ id: 901, peerId: 5, fromId: 5, text: "Здравствуйте 👋" }) }));
    expect(dm).toMatchObject({ externalId: "msg901", kind: "private_message", threadId: "5", author: { id: "5" }, direction: "inbound" });
    const reply = { date: 1714557700, from_id: 100, id: 902, out: 1, peer_id: 5, text: "Добрый день", conversation_message_id: 2 };
    const [out] = events(vkCallback({ type: "message_reply", groupId, secret: "vk-secret", object: reply }));
    expect(out).toMatchObject({ externalId: "msg902", threadId: "5", direction: "outbound" });
  });

  it("reads photo, video and board comments", () => {
    const common = { id: 11, from_id: 5, date: 1714557600, text: "nice" };
    const [photo] = events(vkCallback({ type: "photo_comment_new", groupId, secret: "vk-secret", object: { ...common, photo_id: 44, photo_owner_id: -groupId } }));
    expect(photo).toMatchObject({ externalId: `photo-${groupId}_44?reply=11`, threadId: `photo-${groupId}_44` });
    const [video] = events(vkCallback({ type: "video_comment_new", groupId, secret: "vk-secret", object: { ...common, video_id: 45, video_owner_id: -groupId } }));
    expect(video.threadId).toBe(`video-${groupId}_45`);
    const [board] = events(vkCallback({ type: "board_post_new", groupId, secret: "vk-secret", object: { ...common, topic_id: 46, topic_owner_id: -groupId } }));
    expect(board).toMatchObject({ externalId: `topic-${groupId}_46?post=11`, threadId: `topic-${groupId}_46` });
  });

  it("ignores unknown types and counts malformed objects without throwing", () => {
    expect(parseVkCallback(vkCallback({ type: "group_join", groupId, secret: "vk-secret", object: { user_id: 1 } }), options)).toEqual({ type: "ignored" });
    expect(parseVkCallback(vkCallback({ type: "wall_reply_new", groupId, secret: "vk-secret", object: { id: "x" } }), options)).toEqual({ type: "event", events: [], skipped: 1 });
    for (const body of [null, 1, "confirmation", [], { type: 5 }, { type: "message_new", group_id: groupId, secret: "vk-secret", object: [] }]) {
      expect(() => parseVkCallback(body, options)).not.toThrow();
    }
  });
});
