import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { channels } from "@/db/schema";
import { cliActor } from "@/lib/audit/record";
import { resolveConversations } from "@/lib/conversations/resolve";
import { mailToEvent } from "@/lib/ingest/adapters/email/parse";
import { replyAddress, replyToken } from "@/lib/ingest/adapters/email/token";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { getSecrets, resetSecretsCache } from "@/lib/security/secrets";
import { rawMail } from "../../helpers/mail";
import { makeBrand, testDb, row as rowOf } from "../../helpers/db";

beforeAll(() => {
  process.env.AUTH_SECRET = "thread-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "thread-credentials-key-0123456789abcdef";
  resetSecretsCache();
});

const T0 = Date.parse("2026-03-02T10:00:00Z");
let uid = 0;

async function setup() {
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "email", name: "Support", accountId: "support@brand.example" }).returning());
  const receive = async (raw: string | Buffer, now = T0) => {
    const event = await mailToEvent({ mail: { source: Buffer.from(raw), uid: ++uid, uidValidity: "7", mailboxUrl: "imap://mail.brand.example:143/INBOX" }, mailboxAddress: "support@brand.example" });
    const [outcome] = await ingestBatch({ db, brandId: brand.id, items: [{ event: inboundEventSchema.parse(event), channelId: channel.id }], now });
    return Number(outcome.conversationId);
  };
  return { db, brand, channel, receive };
}

const mail = (id: string, over: Partial<Parameters<typeof rawMail>[0]> = {}) =>
  rawMail({ from: "Ann <ann@customer.example>", to: "support@brand.example", subject: "My order", text: "My order 1234 has not arrived, can you check?", messageId: `<${id}@customer.example>`, date: new Date(T0 - 60_000), ...over });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const row = async (db: Db, sql: string, ...args: unknown[]) => (await rowOf(db, sql, ...args)) as Record<string, any>;

describe("e-mail threads are Message-ID chains", () => {
  it("joins a reply to its conversation and starts a new one for a new mail from the same person", async () => {
    const { db, receive } = await setup();
    const first = await receive(mail("a1"));
    const reply = await receive(mail("a2", { subject: "Re: My order", inReplyTo: "<a1@customer.example>", references: "<a1@customer.example>", text: "Any news?\n\nOn Mon, 2 Mar 2026, Support <support@brand.example> wrote:\n> We are looking" }));
    expect(reply).toBe(first);
    // References only (a client that drops In-Reply-To), pointing at the middle of the chain.
    expect(await receive(mail("a3", { references: "<a2@customer.example>" }))).toBe(first);
    const fresh = await receive(mail("b1", { subject: "Another question", text: "Do you ship to Albania?" }));
    expect(fresh).not.toBe(first);
    expect((await row(db, "SELECT count(*) AS n FROM conversations WHERE id IN (?, ?)", first, fresh)).n).toBe(2);
    const stored = await row(db, "SELECT text, quoted_text, subject FROM messages WHERE external_id = '<a2@customer.example>'");
    expect(stored).toEqual({ text: "Any news?", quoted_text: expect.stringMatching(/^On Mon.*wrote:\n> We are looking$/s), subject: "Re: My order" });
  });

  it("finds the conversation from the signed reply-address token when the headers are gone, and refuses a forged one", async () => {
    const { db, channel, receive } = await setup();
    const first = await receive(mail("t1"));
    const token = replyToken({ secret: getSecrets().credentialsKey, channelId: channel.id, conversationId: first });
    expect(await receive(mail("t2", { to: replyAddress({ from: "support@brand.example", token }) }))).toBe(first);
    const forged = `rh-${first}-000000000000`;
    expect(await receive(mail("t3", { to: `support+${forged}@brand.example` }))).not.toBe(first);
    expect(db).toBeTruthy();
  });

  it("reopens a resolved conversation with a new cycle when the customer answers", async () => {
    const { db, brand, receive } = await setup();
    const first = await receive(mail("r1"));
    await resolveConversations({ db, brandId: brand.id, conversationIds: [first], at: T0 + 1000, actor: cliActor });
    expect(await receive(mail("r2", { inReplyTo: "<r1@customer.example>", text: "It still has not arrived, please help.", date: new Date(T0 + 3600_000) }), T0 + 3600_000)).toBe(first);
    const conversation = await row(db, "SELECT status, current_cycle_id FROM conversations WHERE id = ?", first);
    expect(conversation.status).toBe("open");
    expect((await row(db, "SELECT number FROM response_cycles WHERE id = ?", conversation.current_cycle_id)).number).toBe(2);
  });

  it("answers each mail thread in itself: a reply in one never counts for another of the same person (no 'please DM us' rule)", async () => {
    const { db, brand, channel, receive } = await setup();
    // Even a waiting public item of the same person on the channel (as an import could bring) is not answered by a mail.
    const comment = { externalId: "public-d1", kind: "public_comment", author: { id: "ann@customer.example" }, text: "My refund for order 77 is missing, can you check?", createdAt: new Date(T0 - 120_000).toISOString() };
    const [made] = await ingestBatch({ db, brandId: brand.id, items: [{ event: inboundEventSchema.parse(comment), channelId: channel.id }], now: T0 });
    const first = Number(made.conversationId);
    const second = await receive(mail("d2", { subject: "Damaged parcel", text: "The parcel arrived damaged, what should I do?", date: new Date(T0 - 30_000) }));
    expect(second).not.toBe(first);
    const reply = { externalId: "<reply-d2@brand.example>", kind: "private_message", direction: "outbound", author: { id: "support@brand.example" }, threadId: "<d2@customer.example>", inReplyTo: "<d2@customer.example>", text: "Please send us a photo.", createdAt: new Date(T0 + 600_000).toISOString() };
    await ingestBatch({ db, brandId: brand.id, items: [{ event: inboundEventSchema.parse(reply), channelId: channel.id }], now: T0 + 600_000 });
    const answered = (id: number) => row(db, "SELECT r.first_response_at AS at, c.linked_conversation_id AS linked FROM conversations c JOIN response_cycles r ON r.id = c.current_cycle_id WHERE c.id = ?", id);
    expect((await answered(second)).at).toBe(T0 + 600_000);
    expect(await answered(first)).toEqual({ at: null, linked: null });
  });
});

describe("automated mail is kept but starts no clock", () => {
  it("files an auto-reply, a bounce and a list mail without a response cycle", async () => {
    const { db, receive } = await setup();
    const cases = [
      mail("o1", { subject: "Out of office", text: "I am away until Monday.", headers: { "Auto-Submitted": "auto-replied" } }),
      mail("o2", { from: "MAILER-DAEMON@mx.customer.example", subject: "Undelivered Mail Returned to Sender", text: "Delivery failed" }),
      mail("o3", { subject: "Newsletter", text: "Our spring offers! Do you want a discount?", headers: { "List-Unsubscribe": "<mailto:u@x.example>", Precedence: "bulk" } }),
      mail("o4", { subject: "Re: ticket", text: "Thanks, received", headers: { "X-Autoreply": "yes" } }),
    ];
    for (const raw of cases) {
      const id = await receive(raw);
      const conversation = await row(db, "SELECT current_cycle_id, CASE WHEN awaiting_first_response THEN 1 ELSE 0 END AS awaiting_first_response, category FROM conversations WHERE id = ?", id);
      expect(conversation).toEqual({ current_cycle_id: null, awaiting_first_response: 0, category: "noise" });
    }
    expect((await row(db, "SELECT count(*) AS n FROM messages WHERE automated = true")).n).toBe(4);
    expect((await row(db, "SELECT count(*) AS n FROM response_cycles")).n).toBe(0);
  });

  it("does not reopen a resolved conversation nor start a wait in an answered one", async () => {
    const { db, brand, receive } = await setup();
    const first = await receive(mail("p1"));
    await resolveConversations({ db, brandId: brand.id, conversationIds: [first], at: T0 + 1000, actor: cliActor });
    await receive(mail("p2", { inReplyTo: "<p1@customer.example>", text: "I am out of the office", headers: { "Auto-Submitted": "auto-replied" }, date: new Date(T0 + 5000) }), T0 + 5000);
    const conversation = await row(db, "SELECT status, current_cycle_id FROM conversations WHERE id = ?", first);
    expect(conversation.status).toBe("resolved");
    expect((await row(db, "SELECT number FROM response_cycles WHERE id = ?", conversation.current_cycle_id)).number).toBe(1);
  });

  it("accepts automated on inbound events of any channel, and none of them starts a clock", async () => {
    const parsed = inboundEventSchema.parse({ externalId: "x", author: { id: "a" }, text: "auto", createdAt: "2026-03-02T10:00:00Z", automated: true });
    expect(parsed).toMatchObject({ direction: "inbound", automated: true });
    const { db, brand } = await setup();
    for (const kind of ["telegram", "vk", "facebook", "twitter", "youtube", "web"] as const) {
      const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind, name: kind, accountId: `${kind}-account` }).returning());
      for (const [n, event] of [
        { externalId: `${kind}-dm`, kind: "private_message", author: { id: `${kind}-bot` }, text: "Auto-reply: I am away, where is my refund?", createdAt: new Date(T0).toISOString(), automated: true },
        { externalId: `${kind}-comment`, kind: "public_comment", author: { id: `${kind}-bot` }, text: "Why was my order cancelled? Automatic notice.", createdAt: new Date(T0).toISOString(), automated: true },
      ].entries()) {
        const [outcome] = await ingestBatch({ db, brandId: brand.id, items: [{ event: inboundEventSchema.parse(event), channelId: channel.id }], now: T0 + n });
        const conversation = await row(db, "SELECT current_cycle_id, CASE WHEN awaiting_first_response THEN 1 ELSE 0 END AS awaiting_first_response, category FROM conversations WHERE id = ?", Number(outcome.conversationId));
        expect(conversation, `${kind} ${event.kind}`).toEqual({ current_cycle_id: null, awaiting_first_response: 0, category: "noise" });
      }
    }
    expect((await row(db, "SELECT count(*) AS n FROM response_cycles")).n).toBe(0);
  });
});

describe("what is kept of a mail", () => {
  it("keeps attachments as references and HTML as plain text, without scripts or remote images", async () => {
    const boundary = "b-42";
    const raw = [
      "From: Bob <bob@customer.example>",
      "To: support@brand.example",
      "Subject: Broken item",
      "Message-ID: <h1@customer.example>",
      `Date: ${new Date(T0).toUTCString()}`,
      "MIME-Version: 1.0",
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      "Content-Type: text/html; charset=utf-8",
      "",
      '<p>The cup arrived <b>broken</b>.</p><script>alert(1)</script><img src="https://tracker.example/p.gif">',
      `--${boundary}`,
      "Content-Type: application/x-msdownload; name=\"invoice.exe\"",
      "Content-Disposition: attachment; filename=\"invoice.exe\"",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("MZ not really a program").toString("base64"),
      `--${boundary}--`,
      "",
    ].join("\r\n");
    const { db, receive } = await setup();
    await receive(raw);
    const stored = await row(db, "SELECT text, attachments FROM messages WHERE external_id = '<h1@customer.example>'");
    expect(stored.text).toContain("The cup arrived broken.");
    expect(stored.text).not.toMatch(/<script|alert\(1\)|tracker\.example|<img/);
    expect(JSON.parse(String(stored.attachments))).toEqual([
      { kind: "file", url: expect.stringMatching(/^imap:\/\/mail\.brand\.example:143\/INBOX;UIDVALIDITY=7\/;UID=\d+#attachment-1$/), name: "invoice.exe", size: 23, contentType: "application/x-msdownload" },
    ]);
  });
});
