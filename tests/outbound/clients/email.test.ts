import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dotStuff, sendReply } from "@/lib/outbound/clients/email";
import { startFakeSmtp } from "@/tests/fakes/smtp";
import type { ReplyRequest } from "@/lib/outbound/clients/types";

let fake: Awaited<ReturnType<typeof startFakeSmtp>>;
beforeAll(async () => {
  fake = await startFakeSmtp({ user: "support", password: "pw" });
});
afterAll(() => fake.close());

const mail = (over: Partial<ReplyRequest> = {}): ReplyRequest => ({
  channel: { kind: "email", accountId: "support@brand.example", credentials: { from: "support@brand.example", user: "support", password: "pw" } },
  conversation: { kind: "private_message", externalThreadId: "<root@customer.example>", contactExternalId: "ann@customer.example" },
  inReplyToExternalId: "<msg2@customer.example>",
  text: "Hello Ann,\n.hidden line\n..two dots\nПривет 👋",
  idempotencyKey: "reply-42",
  subject: "Re: Заказ 1234",
  timeoutMs: 2000,
  ...over,
});

describe("email sendReply over SMTP", () => {
  it("delivers with AUTH PLAIN, threading headers and the idempotency key as Message-ID", async () => {
    const result = await sendReply({ baseUrl: fake.url, request: mail() });
    expect(result).toMatchObject({ ok: true, externalId: "<reply-42@brand.example>" });
    const message = fake.messages.at(-1)!;
    expect(message).toMatchObject({ from: "support@brand.example", to: ["ann@customer.example"], auth: "support", duplicate: false });
    expect(message.headers).toMatchObject({
      "message-id": "<reply-42@brand.example>",
      "in-reply-to": "<msg2@customer.example>",
      references: "<root@customer.example> <msg2@customer.example>",
      subject: `=?UTF-8?B?${Buffer.from("Re: Заказ 1234").toString("base64")}?=`,
    });
    // The fake un-stuffs dots as a real server does, so the text arrives intact.
    expect(message.body).toBe("Hello Ann,\r\n.hidden line\r\n..two dots\r\nПривет 👋");
    expect(fake.transcripts.at(-1)).toEqual(expect.arrayContaining(["EHLO brand.example", "MAIL FROM:<support@brand.example> BODY=8BITMIME", "RCPT TO:<ann@customer.example>", "DATA", "QUIT"]));
  });

  it("keeps the same Message-ID on a retry so the duplicate is recognisable", async () => {
    await sendReply({ baseUrl: fake.url, request: mail({ idempotencyKey: "reply-43" }) });
    await sendReply({ baseUrl: fake.url, request: mail({ idempotencyKey: "reply-43" }) });
    expect(fake.messages.filter((m) => m.messageId === "<reply-43@brand.example>").map((m) => m.duplicate)).toEqual([false, true]);
  });

  it("maps 4xx to retryable, 5xx and bad credentials to permanent, and a silent server to a timeout", async () => {
    fake.fail({ kind: "transient" });
    expect(await sendReply({ baseUrl: fake.url, request: mail() })).toMatchObject({ ok: false, retryable: true });
    fake.fail({ kind: "reject_recipient" });
    expect(await sendReply({ baseUrl: fake.url, request: mail() })).toMatchObject({ ok: false, retryable: false, code: "platform_error" });
    fake.fail({ kind: "bad_auth" });
    expect(await sendReply({ baseUrl: fake.url, request: mail() })).toMatchObject({ ok: false, retryable: false, code: "unauthorized" });
    fake.fail({ kind: "hang" });
    expect(await sendReply({ baseUrl: fake.url, request: mail({ timeoutMs: 300 }) })).toMatchObject({ ok: false, retryable: true, code: "timeout" });
  });

  it("reports a refused connection as retryable and a bad address as permanent", async () => {
    expect(await sendReply({ baseUrl: "smtp://127.0.0.1:1", request: mail() })).toMatchObject({ ok: false, retryable: true, code: "network" });
    const bad = mail({ conversation: { kind: "private_message", externalThreadId: null, contactExternalId: "evil\r\nRCPT TO:<x@y.z>" } });
    expect(await sendReply({ baseUrl: fake.url, request: bad })).toMatchObject({ ok: false, retryable: false });
  });

  it("dot-stuffs every line that starts with a dot", () => {
    expect(dotStuff(".a\r\nb\r\n.\r\n..c")).toBe("..a\r\nb\r\n..\r\n...c");
  });
});
