import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { setLocale } from "@/lib/team/users";
import { addNoteWithMentions } from "@/lib/conversations/mentions";
import { assignConversations } from "@/lib/conversations/actions";
import { raiseEscalation } from "@/lib/escalation/actions";
import { deliverDueWebhooks } from "@/lib/escalation/webhooks";
import { sendDuePushes } from "@/lib/push/send";
import { savePushSubscription } from "@/lib/push/subscriptions";
import { cueText } from "@/lib/i18n/cues";
import { translator } from "@/lib/i18n/messages";
import type { Db } from "@/db/client";
import { browserKeys, startPushService, type PushService } from "../helpers/push-service";
import { startFakeSmtp } from "../fakes/smtp";
import { escalationBrand, NEGATIVE } from "../escalation/setup";

let service: PushService;
beforeAll(async () => {
  service = await startPushService();
});
afterAll(() => service.close());
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
});

async function phone(db: Db, userId: number) {
  const keys = browserKeys();
  const endpoint = service.endpoint(keys, 201);
  await savePushSubscription({ db, userId, input: { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth }, label: "Phone", kinds: ["escalation", "mention", "at_risk"], quietStart: null, quietEnd: null, timezone: "UTC" } });
  return () => service.received.filter((r) => r.path === new URL(endpoint).pathname).map((r) => r.payload as { title: string; body: string; lang: string });
}

describe("what lib/ sends a person is in that person's language", () => {
  it("an escalation's push and bell notification reach a Russian-speaking manager in Russian, an English one in English", async () => {
    const ctx = await escalationBrand();
    const { db, brand, manager, admin } = ctx;
    await setLocale({ db, userId: manager.id, locale: "ru" });
    const managerPhone = await phone(db, manager.id);
    await ctx.rule({ name: "Negative", conditions: [{ type: "negative_sentiment" }], actions: [{ type: "escalate", level: 1 }] });
    const { conversationId } = await ctx.ingest(NEGATIVE);
    await sendDuePushes({ db });
    const [push] = managerPhone();
    expect(push).toMatchObject({ title: `Эскалация · ${brand.name}`, lang: "ru" });
    expect(push.body).toMatch(new RegExp(`^Эскалация \\(уровень 1\\) — ${brand.name}: «This is the worst airline ever.*» — Negative — негативный тон \\(0\\.\\d+\\)$`));
    const bell = (userId: number) => ctx.q<{ text: string }>("SELECT text FROM notifications WHERE user_id = ? ORDER BY id", userId).map((r) => r.text);
    expect(bell(manager.id)).toEqual([push.body]);

    // Raised to the admins: the English-speaking admin reads English, word for word as before.
    const { id } = ctx.one<{ id: number }>("SELECT id FROM escalations WHERE conversation_id = ?", conversationId);
    await raiseEscalation({ db, brandId: brand.id, escalationId: id, actor: await ctx.as(manager) });
    expect(bell(admin.id)).toEqual([expect.stringMatching(/^Escalation raised to level 2: “This is the worst airline ever/)]);
    await setLocale({ db, userId: admin.id, locale: "bg" });
    await assignConversations({ db, brandId: brand.id, actor: { userId: manager.id, label: "Мария" }, conversationIds: [conversationId], assigneeId: admin.id });
    expect(bell(admin.id)[1]).toBe("Мария ви възложи разговор.");
  });

  it("an @mention's push reaches a Bulgarian-speaking agent in Bulgarian", async () => {
    const ctx = await escalationBrand();
    const { db, brand, manager, agent } = ctx;
    await setLocale({ db, userId: agent.id, locale: "bg" });
    const agentPhone = await phone(db, agent.id);
    const { conversationId } = await ctx.ingest("Where is my refund?");
    const handle = agent.email.split("@")[0];
    await addNoteWithMentions({ db, brandId: brand.id, actor: { userId: manager.id, label: manager.email }, conversationId, text: `@${handle} can you check?`, authorName: "Maria" });
    await sendDuePushes({ db });
    expect(agentPhone()).toEqual([expect.objectContaining({ title: `Споменаха ви · ${brand.name}`, body: `Maria ви спомена в бележка: „@${handle} can you check?“` })]);
  });

  it("an escalation e-mail reaches a Bulgarian-speaking manager in Bulgarian, an address outside the team in English", async () => {
    const smtp = await startFakeSmtp();
    closers.push(smtp.close);
    process.env.SMTP_URL = smtp.url;
    process.env.SMTP_FROM = "alerts@replyhour.test";
    const { db, brand, manager, ingest, rule } = await escalationBrand();
    await setLocale({ db, userId: manager.id, locale: "bg" });
    await rule({ name: "Legal", conditions: [{ type: "keywords", terms: ["lawyer"] }], actions: [{ type: "notify_email", to: "managers", addresses: ["legal@example.test"] }] });
    await ingest("My lawyer will hear about this");
    await deliverDueWebhooks({ db });
    const mails = await Promise.all(smtp.messages.map(async (m) => ({ to: m.to, parsed: await simpleParser(m.data) })));
    const toManager = mails.find((m) => m.to.includes(manager.email.toLowerCase()))!.parsed;
    expect(toManager.subject).toBe(`[Replyhour] Сработи правило: ${brand.name}`);
    expect(toManager.text).toContain(`Сработи правило — ${brand.name}: „My lawyer will hear about this“ — Legal — ключова дума: lawyer`);
    expect(toManager.text).toContain("Защо: ключова дума: lawyer");
    const toLegal = mails.find((m) => m.to.includes("legal@example.test"))!.parsed;
    expect(toLegal.subject).toBe(`[Replyhour] Rule matched: ${brand.name}`);
    expect(toLegal.text).toContain("Why: keyword: lawyer");
  });

  it("words every cue a rule stores, and in English gives back the cue as stored", () => {
    const cues = ["keyword: refund, lawyer", "negative sentiment (0.72)", "complaint", "12,400 followers", "repeat contact: 3 conversations in 7 d", "SLA at risk", "SLA breached", "channel: vk", "public", "private", "language: ru", "5 requests waiting (alert above 2)", "live response time 41 min (alert above 30 min)"];
    const en = translator("en");
    const ru = translator("ru");
    for (const cue of cues) {
      expect(cueText(cue, en)).toBe(cue);
      expect(cueText(cue, ru), cue).not.toBe(cue);
    }
    expect(cueText("something new", ru)).toBe("something new");
  });
});
