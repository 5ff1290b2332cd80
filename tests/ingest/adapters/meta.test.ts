import { describe, expect, it } from "vitest";
import { inboundEventSchema } from "@/lib/ingest/event";
import { metaVerifyChallenge, parseMetaWebhook, verifyMetaSignature } from "@/lib/ingest/adapters/meta";
import { instagramComment, instagramMessage, metaMessengerMessage, metaPageComment, signMetaPayload } from "@/tests/fakes/payloads";

const page = "1000001";
const ig = "17841400000000001";
const valid = (events: unknown[]) => events.forEach((e) => expect(() => inboundEventSchema.parse(e)).not.toThrow());

describe("verifyMetaSignature", () => {
  const body = metaPageComment({ pageId: page, postId: `${page}_9`, commentId: "9_1", from: { id: "55", name: "Ann" }, message: "Hi" });
  const { rawBody, header } = signMetaPayload({ body, appSecret: "s3cret" });

  it("accepts the HMAC-SHA256 of the raw body", () => {
    expect(verifyMetaSignature({ rawBody, header, appSecret: "s3cret" })).toBe(true);
  });

  it("rejects another secret, a changed body, a missing or malformed header", () => {
    expect(verifyMetaSignature({ rawBody, header, appSecret: "other" })).toBe(false);
    expect(verifyMetaSignature({ rawBody: Buffer.concat([rawBody, Buffer.from(" ")]), header, appSecret: "s3cret" })).toBe(false);
    expect(verifyMetaSignature({ rawBody, header: null, appSecret: "s3cret" })).toBe(false);
    expect(verifyMetaSignature({ rawBody, header: "sha1=abc", appSecret: "s3cret" })).toBe(false);
    expect(verifyMetaSignature({ rawBody, header: header.slice(0, -2), appSecret: "s3cret" })).toBe(false);
    expect(verifyMetaSignature({ rawBody, header, appSecret: "" })).toBe(false);
  });
});

describe("metaVerifyChallenge", () => {
  it("echoes hub.challenge for the right token only", () => {
    const query = new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": "tok", "hub.challenge": "1158201444" });
    expect(metaVerifyChallenge({ query, verifyToken: "tok" })).toEqual({ ok: true, challenge: "1158201444" });
    expect(metaVerifyChallenge({ query, verifyToken: "other" })).toEqual({ ok: false });
    query.set("hub.mode", "unsubscribe");
    expect(metaVerifyChallenge({ query, verifyToken: "tok" })).toEqual({ ok: false });
  });
});

describe("parseMetaWebhook: Page feed comments", () => {
  it("threads a top-level comment by post and a reply to its parent comment", () => {
    const top = parseMetaWebhook(metaPageComment({ pageId: page, postId: `${page}_9`, commentId: "9_1", from: { id: "55", name: "Ann" }, message: "Where is my order? <b>now</b> 😡" }));
    expect(top).toHaveLength(1);
    expect(top[0]).toMatchObject({ object: "page", accountId: page, skipped: 0 });
    expect(top[0].events[0]).toMatchObject({
      externalId: "9_1", kind: "public_comment", threadId: `${page}_9`, author: { id: "55", name: "Ann" },
      text: "Where is my order? <b>now</b> 😡", createdAt: "2024-05-01T10:00:00.000Z", direction: "inbound", action: "create",
    });
    expect(top[0].events[0].inReplyTo).toBeUndefined();
    const reply = parseMetaWebhook(metaPageComment({ pageId: page, postId: `${page}_9`, commentId: "9_2", parentId: "9_1", from: { id: "56", name: "Bob" }, message: "Same" }));
    expect(reply[0].events[0]).toMatchObject({ threadId: `${page}_9`, inReplyTo: "9_1" });
    valid([...top[0].events, ...reply[0].events]);
  });

  it("maps edited and remove to edit and delete, and the page's own comment to outbound", () => {
    const edited = parseMetaWebhook(metaPageComment({ pageId: page, postId: `${page}_9`, commentId: "9_1", from: { id: "55", name: "Ann" }, message: "fixed", verb: "edited" }));
    expect(edited[0].events[0]).toMatchObject({ action: "edit", text: "fixed" });
    const removed = parseMetaWebhook(metaPageComment({ pageId: page, postId: `${page}_9`, commentId: "9_1", from: { id: "55", name: "Ann" }, verb: "remove" }));
    expect(removed[0].events[0]).toMatchObject({ action: "delete", text: "" });
    const own = parseMetaWebhook(metaPageComment({ pageId: page, postId: `${page}_9`, commentId: "9_3", parentId: "9_1", from: { id: page, name: "Brand" }, message: "DM us" }));
    expect(own[0].events[0]).toMatchObject({ direction: "outbound", inReplyTo: "9_1" });
    valid([...edited[0].events, ...removed[0].events, ...own[0].events]);
  });

  it("ignores hides and non-comment items without counting them as malformed", () => {
    const hidden = parseMetaWebhook(metaPageComment({ pageId: page, postId: `${page}_9`, commentId: "9_1", from: { id: "55", name: "Ann" }, verb: "hide" }));
    expect(hidden[0]).toMatchObject({ events: [], skipped: 0 });
    const reaction = { object: "page", entry: [{ id: page, time: 1, changes: [{ field: "feed", value: { item: "reaction", verb: "add", reaction_type: "like" } }] }] };
    expect(parseMetaWebhook(reaction)[0]).toMatchObject({ events: [], skipped: 0 });
  });
});

describe("parseMetaWebhook: Messenger", () => {
  it("threads by the sender's PSID and keeps attachments", () => {
    const [group] = parseMetaWebhook(metaMessengerMessage({ pageId: page, psid: "psid-1", mid: "m_1", text: "مرحبا", attachments: [{ type: "image", url: "https://cdn.example/x.jpg" }] }));
    expect(group.events[0]).toMatchObject({ externalId: "m_1", kind: "private_message", threadId: "psid-1", author: { id: "psid-1" }, text: "مرحبا", direction: "inbound", attachments: [{ kind: "image", url: "https://cdn.example/x.jpg" }] });
    valid(group.events);
  });

  it("stores echoes as outbound in the recipient's thread and flags echoes of our own app", () => {
    const [other] = parseMetaWebhook(metaMessengerMessage({ pageId: page, psid: "psid-1", mid: "m_2", text: "Answered in Page inbox", echo: true, appId: "263902037430900" }), { appId: "42" });
    expect(other.events[0]).toMatchObject({ direction: "outbound", threadId: "psid-1", author: { id: page } });
    expect(other.fromOurApp).toEqual([]);
    const [ours] = parseMetaWebhook(metaMessengerMessage({ pageId: page, psid: "psid-1", mid: "m_3", text: "Sent by Replyhour", echo: true, appId: "42" }), { appId: "42" });
    expect(ours.fromOurApp).toEqual(["m_3"]);
  });

  it("maps a message_edit to an edit and ignores read receipts", () => {
    const body = { object: "page", entry: [{ id: page, time: 1714557600000, messaging: [
      { sender: { id: "psid-1" }, recipient: { id: page }, timestamp: 1714557600000, message_edit: { mid: "m_1", text: "edited", num_edit: 1 } },
      { sender: { id: "psid-1" }, recipient: { id: page }, timestamp: 1714557600000, read: { watermark: 1714557600000 } },
    ] }] };
    const [group] = parseMetaWebhook(body);
    expect(group.events).toHaveLength(1);
    expect(group.events[0]).toMatchObject({ externalId: "m_1", action: "edit", text: "edited" });
  });
});

describe("parseMetaWebhook: Instagram", () => {
  it("threads comments by media, replies by parent, and marks the account's own reply outbound", () => {
    const [top] = parseMetaWebhook(instagramComment({ igAccountId: ig, commentId: "c1", mediaId: "media1", from: { id: "igsid-7", username: "fan" }, text: "Love it 😍" }));
    expect(top).toMatchObject({ object: "instagram", accountId: ig });
    expect(top.events[0]).toMatchObject({ externalId: "c1", threadId: "media1", author: { id: "igsid-7", handle: "fan" }, direction: "inbound" });
    const [own] = parseMetaWebhook(instagramComment({ igAccountId: ig, commentId: "c2", mediaId: "media1", parentId: "c1", from: { id: ig, username: "brand", self_ig_scoped_id: "igsid-brand" }, text: "Thanks!" }));
    expect(own.events[0]).toMatchObject({ inReplyTo: "c1", direction: "outbound" });
    valid([...top.events, ...own.events]);
  });

  it("reads Instagram messages, echoes and unsends", () => {
    const [dm] = parseMetaWebhook(instagramMessage({ igAccountId: ig, igsid: "igsid-7", mid: "aWdfZAm1", text: "hello" }));
    expect(dm.events[0]).toMatchObject({ kind: "private_message", threadId: "igsid-7", direction: "inbound" });
    const [echo] = parseMetaWebhook(instagramMessage({ igAccountId: ig, igsid: "igsid-7", mid: "aWdfZAm2", text: "hi", echo: true }));
    expect(echo.events[0]).toMatchObject({ direction: "outbound", threadId: "igsid-7" });
    const [gone] = parseMetaWebhook(instagramMessage({ igAccountId: ig, igsid: "igsid-7", mid: "aWdfZAm1", deleted: true }));
    expect(gone.events[0]).toMatchObject({ action: "delete" });
  });
});

describe("parseMetaWebhook: hostile input", () => {
  it("never throws and counts malformed items", () => {
    for (const body of [null, undefined, 42, "x", [], { object: "user" }, { object: "page", entry: "x" }, { object: "page", entry: [null, 1, { id: {} }] }]) {
      expect(() => parseMetaWebhook(body)).not.toThrow();
    }
    const bad = { object: "page", entry: [{ id: page, time: 1, changes: [null, { field: "feed", value: "x" }, { field: "feed", value: { item: "comment", verb: "add" } }, { field: "unknown" }], messaging: [{}, { sender: { id: 1 } }] }] };
    const [group] = parseMetaWebhook(bad);
    expect(group.events).toEqual([]);
    expect(group.skipped).toBe(6);
  });
});
