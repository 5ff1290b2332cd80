import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendReply } from "@/lib/outbound/clients/telegram";
import { startFakeTelegram } from "@/tests/fakes/telegram";
import { replyRequest } from "./request";

const botToken = "123456:TEST-token";
let fake: Awaited<ReturnType<typeof startFakeTelegram>>;
beforeAll(async () => {
  fake = await startFakeTelegram({ botToken });
});
afterAll(() => fake.close());

const dm = (over: Partial<Parameters<typeof replyRequest>[0]> = {}) =>
  replyRequest({ kind: "telegram", accountId: "123456", credentials: { botToken }, conversation: { kind: "private_message", externalThreadId: "111", contactExternalId: "111" }, ...over });

describe("telegram sendReply", () => {
  it("answers a private chat with sendMessage", async () => {
    const result = await sendReply({ baseUrl: fake.url, request: dm() });
    expect(result).toMatchObject({ ok: true, externalId: expect.stringMatching(/^111:\d+$/) });
    expect(fake.requests.at(-1)!.path).toBe(`/bot${botToken}/sendMessage`);
    expect(fake.requests.at(-1)!.json).toEqual({ chat_id: "111", text: "Thanks, we're on it!" });
  });

  it("replies to a discussion comment with reply_parameters", async () => {
    const request = dm({ conversation: { kind: "public_comment", externalThreadId: "-1001234567890:300", contactExternalId: "111" }, inReplyTo: "-1001234567890:301" });
    expect(await sendReply({ baseUrl: fake.url, request })).toMatchObject({ ok: true, externalId: expect.stringMatching(/^-1001234567890:\d+$/) });
    expect(fake.sent.at(-1)).toMatchObject({ chatId: "-1001234567890", replyTo: 301 });
  });

  it("honours retry_after on 429, retries 5xx and times out on a hang", async () => {
    fake.fail({ kind: "rate_limit", retryAfter: 5 });
    expect(await sendReply({ baseUrl: fake.url, request: dm() })).toMatchObject({ ok: false, retryable: true, code: "rate_limited", retryAfterSeconds: 5 });
    fake.fail({ kind: "server_error" });
    expect(await sendReply({ baseUrl: fake.url, request: dm() })).toMatchObject({ ok: false, retryable: true, code: "server_error" });
    fake.fail({ kind: "hang" });
    expect(await sendReply({ baseUrl: fake.url, request: dm({ timeoutMs: 300 }) })).toMatchObject({ ok: false, retryable: true, code: "timeout" });
  });

  it("fails for good on a wrong token", async () => {
    const request = dm({ credentials: { botToken: "1:wrong" } });
    expect(await sendReply({ baseUrl: fake.url, request })).toMatchObject({ ok: false, retryable: false, code: "unauthorized", reason: "Unauthorized" });
  });
});
