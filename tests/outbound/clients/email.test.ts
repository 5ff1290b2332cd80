import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSender, sendReply } from "@/lib/outbound/clients/email";
import type { ReplyRequest } from "@/lib/outbound/clients/types";
import { startSmtpCatcher } from "../../helpers/smtp-catcher";

let catcher: Awaited<ReturnType<typeof startSmtpCatcher>>;
beforeAll(async () => {
  catcher = await startSmtpCatcher({ user: "support", password: "pw" });
});
afterAll(() => catcher.close());

const mail = (over: Partial<ReplyRequest> = {}): ReplyRequest => ({
  channel: { kind: "email", accountId: "support@brand.example", credentials: { from: "Brand Support <support@brand.example>", user: "support", password: "pw" } },
  conversation: { kind: "private_message", externalThreadId: "<root@customer.example>", contactExternalId: "ann@customer.example" },
  inReplyToExternalId: "<msg2@customer.example>",
  text: "Hello Ann,\n.hidden line\n..two dots\nПривет 👋",
  idempotencyKey: "reply-42",
  subject: "Re: Заказ 1234",
  timeoutMs: 2000,
  ...over,
});

describe("email sendReply with nodemailer", () => {
  it("delivers from the brand with threading headers and the idempotency key as Message-ID", async () => {
    const result = await sendReply({ baseUrl: catcher.url, request: mail({ threadToken: "rh-7-0123456789ab" }) });
    expect(result).toMatchObject({ ok: true, externalId: "<rh-7-0123456789ab.reply-42@brand.example>" });
    const caught = catcher.mails.at(-1)!;
    expect(caught).toMatchObject({ from: "support@brand.example", to: ["ann@customer.example"], user: "support" });
    expect(caught.parsed.messageId).toBe("<rh-7-0123456789ab.reply-42@brand.example>");
    expect(caught.parsed.inReplyTo).toBe("<msg2@customer.example>");
    expect(caught.parsed.references).toEqual(["<root@customer.example>", "<msg2@customer.example>"]);
    expect(caught.parsed.subject).toBe("Re: Заказ 1234");
    expect(caught.parsed.from?.value[0]).toEqual({ name: "Brand Support", address: "support@brand.example" });
    expect(caught.parsed.text?.trim()).toBe("Hello Ann,\n.hidden line\n..two dots\nПривет 👋");
  });

  it("keeps the same Message-ID on a retry so the duplicate is recognisable", async () => {
    await sendReply({ baseUrl: catcher.url, request: mail({ idempotencyKey: "reply-43" }) });
    await sendReply({ baseUrl: catcher.url, request: mail({ idempotencyKey: "reply-43" }) });
    expect(catcher.mails.filter((m) => m.parsed.messageId === "<reply-43@brand.example>")).toHaveLength(2);
  });

  it("maps 4xx to retryable, 5xx and bad credentials to permanent, and a silent server to a timeout", async () => {
    catcher.fail("transient");
    expect(await sendReply({ baseUrl: catcher.url, request: mail() })).toMatchObject({ ok: false, retryable: true });
    catcher.fail("reject_recipient");
    expect(await sendReply({ baseUrl: catcher.url, request: mail() })).toMatchObject({ ok: false, retryable: false, code: "platform_error" });
    catcher.fail("bad_auth");
    expect(await sendReply({ baseUrl: catcher.url, request: mail() })).toMatchObject({ ok: false, retryable: false, code: "unauthorized" });
    catcher.fail("hang");
    expect(await sendReply({ baseUrl: catcher.url, request: mail({ timeoutMs: 300 }) })).toMatchObject({ ok: false, retryable: true });
  });

  it("uses the channel's own smtpUrl before the installation's, and refuses bad addresses", async () => {
    const own = mail({ channel: { kind: "email", accountId: "support@brand.example", credentials: { from: "support@brand.example", user: "support", password: "pw", smtpUrl: catcher.url } } });
    expect(await sendReply({ baseUrl: "smtp://127.0.0.1:1", request: own })).toMatchObject({ ok: true });
    expect(await sendReply({ baseUrl: "smtp://127.0.0.1:1", request: mail() })).toMatchObject({ ok: false, retryable: true, code: "network" });
    const bad = mail({ conversation: { kind: "private_message", externalThreadId: null, contactExternalId: "evil\r\nRCPT TO:<x@y.z>" } });
    expect(await sendReply({ baseUrl: catcher.url, request: bad })).toMatchObject({ ok: false, retryable: false });
    expect(await sendReply({ baseUrl: "http://x", request: mail() })).toMatchObject({ ok: false, retryable: false });
  });

  it("reads a sender as a bare address or with a display name", () => {
    expect(parseSender("support@brand.example")).toEqual({ name: "", address: "support@brand.example" });
    expect(parseSender('"Brand, Support" <s@brand.example>')).toEqual({ name: "Brand, Support", address: "s@brand.example" });
    expect(parseSender("not an address")).toBeNull();
  });
});
