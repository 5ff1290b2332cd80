import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendReply } from "@/lib/outbound/clients/x";
import { startFakeX } from "@/tests/fakes/x";
import { replyRequest } from "./request";

const accountId = "2244994945";
let fake: Awaited<ReturnType<typeof startFakeX>>;
beforeAll(async () => {
  fake = await startFakeX({ accountId });
});
afterAll(() => fake.close());

const reply = (over: Partial<Parameters<typeof replyRequest>[0]> = {}) =>
  replyRequest({ kind: "twitter", accountId, credentials: { accessToken: "x-token" }, conversation: { externalThreadId: "1790000000000000001", contactExternalId: "99" }, inReplyTo: "1790000000000000003", ...over });

describe("x sendReply", () => {
  it("posts a reply with reply.in_reply_to_tweet_id", async () => {
    const result = await sendReply({ baseUrl: fake.url, request: reply() });
    expect(result).toMatchObject({ ok: true, externalId: expect.stringMatching(/^\d+$/) });
    expect(fake.requests.at(-1)!.path).toBe("/tweets");
    expect(fake.requests.at(-1)!.json).toEqual({ text: "Thanks, we're on it!", reply: { in_reply_to_tweet_id: "1790000000000000003" } });
  });

  it("reports an access tier refusal as access_tier and a duplicate as permanent", async () => {
    fake.fail({ kind: "access_tier" });
    expect(await sendReply({ baseUrl: fake.url, request: reply({ text: "tier" }) })).toMatchObject({ ok: false, retryable: false, code: "access_tier" });
    expect(await sendReply({ baseUrl: fake.url, request: reply() })).toMatchObject({ ok: false, retryable: false, code: "duplicate" });
    expect(fake.tweets).toHaveLength(1);
  });

  it("waits until x-rate-limit-reset on 429 and retries 5xx and hangs", async () => {
    fake.fail({ kind: "rate_limit", retryAfter: 120 });
    const limited = await sendReply({ baseUrl: fake.url, request: reply({ text: "later" }) });
    expect(limited).toMatchObject({ ok: false, retryable: true, code: "rate_limited" });
    expect(!limited.ok && limited.retryAfterSeconds).toBeGreaterThanOrEqual(118);
    fake.fail({ kind: "server_error" });
    expect(await sendReply({ baseUrl: fake.url, request: reply({ text: "later" }) })).toMatchObject({ ok: false, retryable: true, code: "server_error" });
    fake.fail({ kind: "hang" });
    expect(await sendReply({ baseUrl: fake.url, request: reply({ text: "later", timeoutMs: 300 }) })).toMatchObject({ ok: false, retryable: true, code: "timeout" });
    expect(await sendReply({ baseUrl: fake.url, request: reply({ text: "later" }) })).toMatchObject({ ok: true });
  });

  it("fails for good on a bad token", async () => {
    expect(await sendReply({ baseUrl: fake.url, request: reply({ credentials: { accessToken: "bad" } }) })).toMatchObject({ ok: false, retryable: false, code: "unauthorized" });
  });
});
