import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createChannel } from "@/lib/channels/channels";
import { webConfigsOfBrand, type WebConfig } from "@/lib/channels/web";
import { loadSessionUser } from "@/lib/auth/access";
import { createCalendar, updatePolicy, loadSlaSettings } from "@/lib/sla/settings";
import { openWidget } from "@/lib/widget/channel";
import { openVisitorSession } from "@/lib/widget/session";
import { postVisitorMessage, visitorMessages } from "@/lib/widget/conversation";
import { verifyVisitorToken } from "@/lib/widget/token";
import { queueReply, sendDueReplies } from "@/lib/outbound/outbox";
import { resetWidgetRateLimits } from "@/lib/widget/rate-limit";
import { resetSecretsCache } from "@/lib/security/secrets";
import { encryptCredentials } from "@/lib/security/credentials";
import { channels } from "@/db/schema";
import { eq } from "drizzle-orm";
import { makeBrand, makeMember, testDb, sqlite } from "../helpers/db";
import { startSmtpCatcher } from "../helpers/smtp-catcher";

const SITE = "https://shop.example.com";
let catcher: Awaited<ReturnType<typeof startSmtpCatcher>>;
const savedEnv = { url: process.env.SMTP_URL, from: process.env.SMTP_FROM };

beforeAll(async () => {
  process.env.AUTH_SECRET = "visitor-mail-auth-secret-0123456789";
  process.env.CREDENTIALS_KEY = "visitor-mail-credentials-key-0123456789";
  resetSecretsCache();
  catcher = await startSmtpCatcher();
});
afterAll(() => catcher?.close());
afterEach(() => {
  catcher.mails.length = 0;
  process.env.SMTP_URL = savedEnv.url;
  process.env.SMTP_FROM = savedEnv.from;
  if (savedEnv.url === undefined) delete process.env.SMTP_URL;
  if (savedEnv.from === undefined) delete process.env.SMTP_FROM;
});

async function site({ mode, mailbox = true, offline = false }: { mode: WebConfig["mode"]; mailbox?: boolean; offline?: boolean }) {
  resetWidgetRateLimits();
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
  const actor = { userId: null, label: "test" };
  const channel = await createChannel({ db, brandId: brand.id, kind: "web", name: "Site", web: { origins: [SITE], mode, showResponseTime: true }, actor });
  if (mailbox)
    await createChannel({ db, brandId: brand.id, kind: "email", name: "Support", accountId: "support@air.example", credentials: { imapUrl: "imap://127.0.0.1:1/INBOX", smtpUrl: catcher.url, user: "", password: "", from: "Air Support <support@air.example>" }, actor });
  if (offline) {
    // Open around the clock but on holiday from yesterday to tomorrow: offline while the visitor writes.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const admin = await makeMember({ db, brandId: brand.id, role: "admin" });
    const user = (await loadSessionUser({ db, userId: admin.id }))!;
    const calendar = await createCalendar({ db, user, brandId: brand.id, input: { name: "Holidays", timezone: "UTC", intervals: ([0, 1, 2, 3, 4, 5, 6] as const).map((d) => ({ day: d, start: "00:00", end: "24:00" })), holidays: [day(-1), day(0), day(1)] } });
    const [policy] = (await loadSlaSettings({ db, user, brandId: brand.id })).policies;
    await updatePolicy({ db, user, brandId: brand.id, id: policy.id, input: { name: policy.name, firstResponseSeconds: policy.firstResponseSeconds, nextResponseSeconds: policy.nextResponseSeconds, atRiskShare: policy.atRiskShare, channelId: null, category: null, priority: null, calendarId: calendar.id } });
  }
  const key = (await webConfigsOfBrand({ db, brandId: brand.id })).get(channel.id)!.publicKey;
  const widget = await openWidget({ db, key, origin: SITE });
  const session = await openVisitorSession({ db, widget, token: null, ip: "10.2.2.2" });
  const visitorId = verifyVisitorToken({ token: session.token, channelId: channel.id })!;
  const write = (input: Record<string, string>) => postVisitorMessage({ db, widget, visitorId, ip: "10.2.2.2", input });
  const conversationOf = (messageId: string) => (sqlite(db).prepare("SELECT conversation_id AS id FROM messages WHERE id = ?").get(Number(messageId)) as { id: number }).id;
  const reply = (conversationId: number, text: string) => queueReply({ db, brandId: brand.id, conversationId, text, visibility: "private", actor: { userId: agent.id, label: agent.email } });
  const state = (id: number) => sqlite(db).prepare("SELECT delivery_state AS state, external_id AS externalId, last_error AS error FROM messages WHERE id = ?").get(id) as { state: string; externalId: string | null; error: string | null };
  return { db, brand, channel, widget, visitorId, write, conversationOf, reply, state };
}

describe("an answer to a visitor who left an e-mail address", () => {
  it("reaches them by e-mail through the brand's e-mail channel, once, with a link that reopens the conversation", async () => {
    const world = await site({ mode: "form" });
    const posted = await world.write({ text: "Do you ship to Tirana?", name: "Ada", email: "ada@visitor.example" });
    const conversationId = world.conversationOf(posted.id);
    const replyId = await world.reply(conversationId, "Yes, in three days.");
    // Not shown in the widget before it is sent.
    expect((await visitorMessages({ db: world.db, widget: world.widget, visitorId: world.visitorId })).map((m) => m.from)).toEqual(["visitor"]);

    expect(await sendDueReplies({ db: world.db })).toBe(1);
    expect(await sendDueReplies({ db: world.db, now: Date.now() + 3600_000 })).toBe(0);
    expect(catcher.mails).toHaveLength(1);
    const [mail] = catcher.mails;
    expect(mail.to).toEqual(["ada@visitor.example"]);
    expect(mail.parsed.from?.value[0]).toMatchObject({ address: "support@air.example", name: "Air Support" });
    expect(mail.parsed.subject).toBe("Your message to Test brand");
    expect(mail.parsed.text).toContain("Yes, in three days.");
    const link = /To continue the conversation, open (\S+)/.exec(mail.parsed.text ?? "")?.[1];
    expect(link).toMatch(new RegExp(`^${SITE}/#replyhour=`));
    const token = decodeURIComponent(link!.split("#replyhour=")[1]);
    expect(verifyVisitorToken({ token, channelId: world.channel.id })).toBe(world.visitorId);

    const sent = world.state(replyId);
    expect(sent).toMatchObject({ state: "sent", externalId: mail.parsed.messageId });
    expect(sent.externalId).toMatch(/@air\.example>$/);
    const seen = await visitorMessages({ db: world.db, widget: world.widget, visitorId: world.visitorId });
    expect(seen.map((m) => [m.from, m.text])).toEqual([["visitor", "Do you ship to Tirana?"], ["agent", "Yes, in three days."]]);

    // The next answer joins the same thread in the visitor's mail program.
    await world.reply(conversationId, "Tracking follows.");
    await sendDueReplies({ db: world.db });
    expect(catcher.mails).toHaveLength(2);
    expect(catcher.mails[1].parsed.inReplyTo).toBe(mail.parsed.messageId);
    expect(catcher.mails[1].parsed.messageId).not.toBe(mail.parsed.messageId);
  });

  it("retries a refused attempt with the same Message-ID and shows the answer in the widget only once it is sent", async () => {
    const world = await site({ mode: "form" });
    const posted = await world.write({ text: "Where is my parcel?", email: "bo@visitor.example" });
    const replyId = await world.reply(world.conversationOf(posted.id), "On its way.");
    catcher.fail("transient");
    expect(await sendDueReplies({ db: world.db })).toBe(0);
    expect(world.state(replyId)).toMatchObject({ state: "queued", error: expect.stringContaining("Try again later") });
    expect((await visitorMessages({ db: world.db, widget: world.widget, visitorId: world.visitorId })).map((m) => m.from)).toEqual(["visitor"]);
    expect(await sendDueReplies({ db: world.db, now: Date.now() + 3600_000 })).toBe(1);
    expect(catcher.mails).toHaveLength(1);
    expect(world.state(replyId).externalId).toBe(catcher.mails[0].parsed.messageId);
    expect((await visitorMessages({ db: world.db, widget: world.widget, visitorId: world.visitorId })).map((m) => m.from)).toEqual(["visitor", "agent"]);
  });

  it("stays in the live chat while the team is online, even when an address was given", async () => {
    const world = await site({ mode: "chat" });
    const posted = await world.write({ text: "Is the shop open on Sunday?", email: "cy@visitor.example" });
    const replyId = await world.reply(world.conversationOf(posted.id), "Yes, until six.");
    expect(await sendDueReplies({ db: world.db })).toBe(1);
    expect(catcher.mails).toEqual([]);
    expect(world.state(replyId).state).toBe("sent");
  });

  it("goes out from the installation's sender (SMTP_URL, SMTP_FROM) when the team was offline and the brand has no mailbox", async () => {
    process.env.SMTP_URL = catcher.url;
    process.env.SMTP_FROM = "Replyhour <noreply@replyhour.example>";
    const world = await site({ mode: "chat", mailbox: false, offline: true });
    const posted = await world.write({ text: "Can I change my booking?", email: "di@visitor.example" });
    await world.reply(world.conversationOf(posted.id), "Yes, from your account page.");
    expect(await sendDueReplies({ db: world.db })).toBe(1);
    expect(catcher.mails).toHaveLength(1);
    expect(catcher.mails[0].to).toEqual(["di@visitor.example"]);
    expect(catcher.mails[0].parsed.from?.value[0]).toMatchObject({ address: "noreply@replyhour.example", name: "Test brand" });
  });

  it("fails with a reason the agent can act on when there is no way to send mail", async () => {
    delete process.env.SMTP_URL;
    delete process.env.SMTP_FROM;
    const world = await site({ mode: "form", mailbox: false });
    const posted = await world.write({ text: "Hello?", email: "ed@visitor.example" });
    const replyId = await world.reply(world.conversationOf(posted.id), "Hello!");
    expect(await sendDueReplies({ db: world.db })).toBe(0);
    expect(world.state(replyId)).toMatchObject({ state: "failed", error: expect.stringContaining("SMTP_URL / SMTP_FROM") });
    expect(catcher.mails).toEqual([]);
  });

  it("is shown in the widget of a demo site, which has no mail behind it", async () => {
    delete process.env.SMTP_URL;
    delete process.env.SMTP_FROM;
    const world = await site({ mode: "form", mailbox: false });
    await world.db.transaction((tx) => tx.update(channels).set({ credentials: encryptCredentials({ demo: "1" }) }).where(eq(channels.id, world.channel.id)));
    const posted = await world.write({ text: "Do you roast decaf?", email: "fi@visitor.example" });
    const replyId = await world.reply(world.conversationOf(posted.id), "Every Tuesday.");
    expect(await sendDueReplies({ db: world.db })).toBe(1);
    expect(world.state(replyId).state).toBe("sent");
    expect(catcher.mails).toEqual([]);
  });
});
