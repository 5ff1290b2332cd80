import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendReply } from "@/lib/outbound/clients/meta";
import { startFakeMeta } from "@/tests/fakes/meta";
import { replyRequest } from "./request";

let fake: Awaited<ReturnType<typeof startFakeMeta>>;
beforeAll(async () => {
  fake = await startFakeMeta({ accessToken: "page-token" });
});
afterAll(() => fake.close());

const page = "1000001";
const facebook = (over: Partial<Parameters<typeof replyRequest>[0]> = {}) =>
  replyRequest({ kind: "facebook", accountId: page, credentials: { accessToken: "page-token" }, conversation: { externalThreadId: `${page}_9`, contactExternalId: "55" }, inReplyTo: "9_1", ...over });

describe("meta sendReply", () => {
  it("replies to a Page comment under that comment", async () => {
    const result = await sendReply({ baseUrl: fake.url, request: facebook() });
    expect(result).toMatchObject({ ok: true, externalId: expect.stringMatching(/^9_\d+$/) });
    const last = fake.requests.at(-1)!;
    expect(last.path).toBe("/9_1/comments");
    expect(last.query.get("access_token")).toBe("page-token");
    expect(last.json).toEqual({ message: "Thanks, we're on it!" });
  });

  it("comments on the post when there is no parent comment", async () => {
    await sendReply({ baseUrl: fake.url, request: facebook({ inReplyTo: null }) });
    expect(fake.requests.at(-1)!.path).toBe(`/${page}_9/comments`);
  });

  it("sends a Messenger reply through the Send API with messaging_type RESPONSE", async () => {
    const request = facebook({ conversation: { kind: "private_message", externalThreadId: "psid-1", contactExternalId: "psid-1" }, inReplyTo: "m_1" });
    const result = await sendReply({ baseUrl: fake.url, request });
    expect(result).toMatchObject({ ok: true, externalId: expect.stringMatching(/^m_/) });
    expect(fake.requests.at(-1)!.path).toBe(`/${page}/messages`);
    expect(fake.requests.at(-1)!.json).toEqual({ recipient: { id: "psid-1" }, messaging_type: "RESPONSE", message: { text: "Thanks, we're on it!" } });
  });

  it("replies to an Instagram comment via /replies and to an Instagram DM via /messages", async () => {
    const ig = { kind: "instagram" as const, accountId: "17841400000000001" };
    expect(await sendReply({ baseUrl: fake.url, request: facebook({ ...ig, inReplyTo: "c1", conversation: { externalThreadId: "media1" } }) })).toMatchObject({ ok: true });
    expect(fake.requests.at(-1)!.path).toBe("/c1/replies");
    expect(await sendReply({ baseUrl: fake.url, request: facebook({ ...ig, inReplyTo: null, conversation: { kind: "private_message", externalThreadId: "igsid-7", contactExternalId: "igsid-7" } }) })).toMatchObject({ ok: true });
    expect(fake.requests.at(-1)!.path).toBe("/17841400000000001/messages");
  });

  it("reports the 24-hour window as a permanent outside_24h_window failure", async () => {
    fake.fail({ kind: "outside_window" });
    const request = facebook({ conversation: { kind: "private_message", externalThreadId: "psid-1", contactExternalId: "psid-1" } });
    expect(await sendReply({ baseUrl: fake.url, request })).toMatchObject({ ok: false, retryable: false, code: "outside_24h_window" });
  });

  it("retries on 5xx, Graph rate limits and HTTP 429 with Retry-After", async () => {
    fake.fail({ kind: "server_error" });
    expect(await sendReply({ baseUrl: fake.url, request: facebook() })).toMatchObject({ ok: false, retryable: true, code: "server_error" });
    fake.fail({ kind: "rate_limit" });
    expect(await sendReply({ baseUrl: fake.url, request: facebook() })).toMatchObject({ ok: false, retryable: true, code: "rate_limited" });
    fake.fail({ kind: "status", status: 429, retryAfter: 7 });
    expect(await sendReply({ baseUrl: fake.url, request: facebook() })).toMatchObject({ ok: false, retryable: true, code: "rate_limited", retryAfterSeconds: 7 });
  });

  it("times out on a hung request and refuses a bad token for good", async () => {
    fake.fail({ kind: "hang" });
    expect(await sendReply({ baseUrl: fake.url, request: facebook({ timeoutMs: 300 }) })).toMatchObject({ ok: false, retryable: true, code: "timeout" });
    const bad = facebook({ credentials: { accessToken: "wrong" } });
    expect(await sendReply({ baseUrl: fake.url, request: bad })).toMatchObject({ ok: false, retryable: false, code: "unauthorized" });
  });
});
