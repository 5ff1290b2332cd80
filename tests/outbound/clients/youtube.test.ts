import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendReply } from "@/lib/outbound/clients/youtube";
import { startFakeYoutube } from "@/tests/fakes/youtube";
import { youtubeComment, youtubeThread } from "@/tests/fakes/payloads";
import { replyRequest } from "./request";

const channelId = "UCbrand000000000000000";
let fake: Awaited<ReturnType<typeof startFakeYoutube>>;
beforeAll(async () => {
  fake = await startFakeYoutube({ channelId });
  const fan = { channelId: "UCfan00000000000000000", name: "Fan" };
  fake.addThread(youtubeThread({ top: youtubeComment({ id: "Ugx1", videoId: "vid1", channelId, author: fan, text: "Question?", publishedAt: "2024-05-01T10:00:00Z" }) }));
});
afterAll(() => fake.close());

const reply = (over: Partial<Parameters<typeof replyRequest>[0]> = {}) =>
  replyRequest({ kind: "youtube", accountId: channelId, credentials: { accessToken: "yt-token" }, conversation: { externalThreadId: "Ugx1", contactExternalId: "UCfan00000000000000000" }, inReplyTo: "Ugx1.r9", ...over });

describe("youtube sendReply", () => {
  it("inserts a reply under the thread's top-level comment", async () => {
    const result = await sendReply({ baseUrl: fake.url, request: reply() });
    expect(result).toMatchObject({ ok: true, externalId: expect.stringMatching(/^Ugx1\.reply/) });
    const last = fake.requests.at(-1)!;
    expect(last.path).toBe("/comments");
    expect(last.query.get("part")).toBe("snippet");
    expect(last.headers.authorization).toBe("Bearer yt-token");
    expect(last.json).toEqual({ snippet: { parentId: "Ugx1", textOriginal: "Thanks, we're on it!" } });
  });

  it("reports the daily quota as quota_exceeded, not retryable before the reset", async () => {
    fake.fail({ kind: "quota" });
    const result = await sendReply({ baseUrl: fake.url, request: reply() });
    expect(result).toMatchObject({ ok: false, retryable: false, code: "quota_exceeded" });
    expect(!result.ok && result.retryAfterSeconds).toBeGreaterThan(0);
    expect(!result.ok && result.retryAfterSeconds).toBeLessThanOrEqual(86_400);
  });

  it("retries 429 with Retry-After, 5xx and hangs", async () => {
    fake.fail({ kind: "rate_limit", retryAfter: 30 });
    expect(await sendReply({ baseUrl: fake.url, request: reply() })).toMatchObject({ ok: false, retryable: true, code: "rate_limited", retryAfterSeconds: 30 });
    fake.fail({ kind: "server_error" });
    expect(await sendReply({ baseUrl: fake.url, request: reply() })).toMatchObject({ ok: false, retryable: true, code: "server_error", reason: "Backend Error" });
    fake.fail({ kind: "hang" });
    expect(await sendReply({ baseUrl: fake.url, request: reply({ timeoutMs: 300 }) })).toMatchObject({ ok: false, retryable: true, code: "timeout" });
  });

  it("fails for good without valid credentials", async () => {
    expect(await sendReply({ baseUrl: fake.url, request: reply({ credentials: { accessToken: "bad" } }) })).toMatchObject({ ok: false, retryable: false, code: "unauthorized" });
  });
});
