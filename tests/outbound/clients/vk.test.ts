import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendReply, vkRandomId } from "@/lib/outbound/clients/vk";
import { startFakeVk } from "@/tests/fakes/vk";
import { replyRequest } from "./request";

let fake: Awaited<ReturnType<typeof startFakeVk>>;
beforeAll(async () => {
  fake = await startFakeVk({ accessToken: "vk-token" });
});
afterAll(() => fake.close());

const wall = (over: Partial<Parameters<typeof replyRequest>[0]> = {}) =>
  replyRequest({ kind: "vk", accountId: "218000001", credentials: { accessToken: "vk-token" }, conversation: { externalThreadId: "wall-218000001_3", contactExternalId: "5" }, inReplyTo: "wall-218000001_3?reply=7", ...over });

describe("vk sendReply", () => {
  it("posts wall.createComment with reply_to_comment and guid, once per idempotency key", async () => {
    const first = await sendReply({ baseUrl: fake.url, request: wall({ key: "k-wall" }) });
    const again = await sendReply({ baseUrl: fake.url, request: wall({ key: "k-wall" }) });
    expect(first).toMatchObject({ ok: true, externalId: expect.stringMatching(/^wall-218000001_3\?reply=\d+$/) });
    expect(again).toMatchObject({ ok: true, externalId: first.ok ? first.externalId : "" });
    const posts = fake.posts.filter((p) => p.params.guid === "k-wall");
    expect(posts).toHaveLength(2);
    expect(posts.filter((p) => !p.duplicate)).toHaveLength(1);
    expect(posts[0].params).toMatchObject({ owner_id: "-218000001", post_id: "3", reply_to_comment: "7", v: "5.199", message: "Thanks, we're on it!" });
  });

  it("sends messages.send with random_id from the key, deduped by VK", async () => {
    const request = wall({ key: "k-dm", conversation: { kind: "private_message", externalThreadId: "5", contactExternalId: "5" }, inReplyTo: "msg901" });
    const first = await sendReply({ baseUrl: fake.url, request });
    await sendReply({ baseUrl: fake.url, request });
    expect(first).toMatchObject({ ok: true, externalId: expect.stringMatching(/^msg\d+$/) });
    const sends = fake.posts.filter((p) => p.method === "messages.send");
    expect(sends.map((p) => p.params.random_id)).toEqual([String(vkRandomId("k-dm")), String(vkRandomId("k-dm"))]);
    expect(sends.filter((p) => !p.duplicate)).toHaveLength(1);
    expect(sends[0].params).toMatchObject({ peer_id: "5", reply_to: "901" });
  });

  it("answers board topics with board.createComment on the positive group id", async () => {
    const request = wall({ conversation: { externalThreadId: "topic-218000001_46" }, inReplyTo: "topic-218000001_46?post=11" });
    expect(await sendReply({ baseUrl: fake.url, request })).toMatchObject({ ok: true, externalId: expect.stringMatching(/^topic-218000001_46\?post=\d+$/) });
    expect(fake.posts.at(-1)).toMatchObject({ method: "board.createComment", params: { group_id: "218000001", topic_id: "46" } });
  });

  it("maps VK errors 6 and 9, HTTP 5xx and hangs to retryable failures", async () => {
    fake.fail({ kind: "rate_limit" });
    expect(await sendReply({ baseUrl: fake.url, request: wall() })).toMatchObject({ ok: false, retryable: true, code: "rate_limited" });
    fake.fail({ kind: "flood" });
    expect(await sendReply({ baseUrl: fake.url, request: wall() })).toMatchObject({ ok: false, retryable: true, code: "flood", reason: "Flood control" });
    fake.fail({ kind: "server_error" });
    expect(await sendReply({ baseUrl: fake.url, request: wall() })).toMatchObject({ ok: false, retryable: true, code: "server_error" });
    fake.fail({ kind: "hang" });
    expect(await sendReply({ baseUrl: fake.url, request: wall({ timeoutMs: 300 }) })).toMatchObject({ ok: false, retryable: true, code: "timeout" });
  });

  it("fails for good on a bad token or an unknown thread", async () => {
    expect(await sendReply({ baseUrl: fake.url, request: wall({ credentials: { accessToken: "nope" } }) })).toMatchObject({ ok: false, retryable: false, code: "unauthorized" });
    expect(await sendReply({ baseUrl: fake.url, request: wall({ conversation: { externalThreadId: "nonsense" }, inReplyTo: null }) })).toMatchObject({ ok: false, retryable: false });
  });
});
