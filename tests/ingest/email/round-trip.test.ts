import nodemailer from "nodemailer";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { channels } from "@/db/schema";
import { queueReply, sendDueReplies } from "@/lib/outbound/outbox";
import { encryptCredentials } from "@/lib/security/credentials";
import { resetSecretsCache } from "@/lib/security/secrets";
import { pollDueChannels } from "@/lib/worker/pollers";
import { startDovecot, type Dovecot } from "../../helpers/dovecot";
import { deliver, mailbox } from "../../helpers/mail";
import { startSmtpCatcher } from "../../helpers/smtp-catcher";
import { makeBrand, makeMember, sqlite, testDb } from "../../helpers/db";

// The whole way of an e-mail conversation, on a real IMAP server (Dovecot) and a real SMTP
// catcher that files every mail into the recipient's Dovecot mailbox.
const USERS: Record<string, [string, string]> = { "support@brand.example": ["support", "pw-support"], "ann@customer.example": ["ann", "pw-ann"] };

let dovecot: Dovecot;
let catcher: Awaited<ReturnType<typeof startSmtpCatcher>>;
beforeAll(async () => {
  process.env.AUTH_SECRET = "mail-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "mail-credentials-key-0123456789abcdef";
  resetSecretsCache();
  dovecot = await startDovecot({ users: Object.fromEntries(Object.values(USERS)) });
  catcher = await startSmtpCatcher({
    user: "support",
    password: "pw-support",
    deliver: async (mail) => {
      for (const to of mail.to) {
        const [user, pass] = USERS[to] ?? [];
        if (user) await deliver(dovecot, user, pass, mail.raw);
      }
    },
  });
});
afterAll(async () => {
  await catcher?.close();
  await dovecot?.stop();
});

// The customer's own mail client: plain SMTP to the catcher (no auth needed for the test's purpose).
async function customerSends(message: nodemailer.SendMailOptions) {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: catcher.port, secure: false, auth: { user: "support", pass: "pw-support" }, name: "customer.example" });
  try {
    await transport.sendMail({ from: "Ann Example <ann@customer.example>", to: "support@brand.example", ...message });
  } finally {
    transport.close();
  }
}

const rows = (db: Db, sql: string, ...args: unknown[]) => sqlite(db).prepare(sql).all(...args) as Record<string, unknown>[];
// Each poll is a minute after the last one, so the channel is due again.
let polls = 0;
const poll = (db: Db) => pollDueChannels({ db, now: Date.now() + ++polls * 120_000 });

describe("an e-mail conversation end to end", () => {
  it("threads a mail, sends the agent's reply to the customer's mailbox, joins the answer and starts no clock for an auto-reply", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
    const credentials = { imapUrl: dovecot.url(), smtpUrl: catcher.url, user: "support", password: "pw-support", from: "Brand Support <support@brand.example>" };
    const [channel] = await db.transaction((tx) =>
      tx.insert(channels).values({ brandId: brand.id, kind: "email", name: "Support", accountId: "support@brand.example", credentials: encryptCredentials(credentials) }).returning(),
    );

    await customerSends({ subject: "Order 1234 missing", text: "Hello, my order 1234 never arrived. Where is it?\n\n-- \nAnn Example\n+1 555 0100", messageId: "<first@customer.example>" });
    await poll(db);
    const [conversation] = rows(db, "SELECT id, status, awaiting_first_response, current_cycle_id FROM conversations WHERE channel_id = ?", channel.id);
    expect(conversation).toMatchObject({ status: "open", awaiting_first_response: 1 });
    const [first] = rows(db, "SELECT text, quoted_text, subject FROM messages WHERE conversation_id = ?", conversation.id);
    expect(first).toEqual({ text: "Hello, my order 1234 never arrived. Where is it?", quoted_text: "-- \nAnn Example\n+1 555 0100", subject: "Order 1234 missing" });

    await queueReply({ db, brandId: brand.id, conversationId: Number(conversation.id), text: "Sorry Ann, it is on its way: tracking 42.", visibility: "private", actor: { userId: agent.id, label: agent.email } });
    expect(await sendDueReplies({ db })).toBe(1);
    const annBox = await mailbox(dovecot, "ann", "pw-ann");
    expect(annBox).toHaveLength(1);
    const reply = await simpleParser(annBox[0]);
    expect(reply.from?.value[0]).toEqual({ name: "Brand Support", address: "support@brand.example" });
    expect(reply.subject).toBe("Re: Order 1234 missing");
    expect(reply.inReplyTo).toBe("<first@customer.example>");
    expect(reply.references).toBe("<first@customer.example>");
    expect(reply.text?.trim()).toBe("Sorry Ann, it is on its way: tracking 42.");
    const [sent] = rows(db, "SELECT delivery_state, external_id FROM messages WHERE direction = 'outbound'");
    expect(sent).toEqual({ delivery_state: "sent", external_id: reply.messageId });
    // Exactly once: another pass sends nothing more.
    expect(await sendDueReplies({ db })).toBe(0);
    expect(await mailbox(dovecot, "ann", "pw-ann")).toHaveLength(1);
    const [cycle] = rows(db, "SELECT first_response_at FROM response_cycles WHERE id = ?", conversation.current_cycle_id);
    expect(cycle.first_response_at).not.toBeNull();

    await customerSends({
      subject: "Re: Order 1234 missing",
      text: `Tracking 42 says nothing, can you check again?\n\nOn ${new Date().toUTCString()}, Brand Support <support@brand.example> wrote:\n> Sorry Ann, it is on its way: tracking 42.`,
      messageId: "<second@customer.example>",
      inReplyTo: reply.messageId,
      references: [reply.references as string, reply.messageId!],
    });
    await poll(db);
    const messages = rows(db, "SELECT conversation_id, direction, text, automated FROM messages ORDER BY id");
    expect(messages.map((m) => m.conversation_id)).toEqual([conversation.id, conversation.id, conversation.id]);
    expect(messages[2]).toMatchObject({ direction: "inbound", text: "Tracking 42 says nothing, can you check again?", automated: 0 });

    await customerSends({ subject: "Automatic reply: Re: Order 1234 missing", text: "I am out of the office until Monday.", messageId: "<ooo@customer.example>", headers: { "Auto-Submitted": "auto-replied" } });
    await poll(db);
    const auto = rows(db, "SELECT c.current_cycle_id, c.awaiting_first_response, m.automated FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.external_id = '<ooo@customer.example>'");
    expect(auto).toEqual([{ current_cycle_id: null, awaiting_first_response: 0, automated: 1 }]);
    expect(rows(db, "SELECT count(*) AS n FROM response_cycles")[0].n).toBe(1);
  });
});
