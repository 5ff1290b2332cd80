import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema } from "@/lib/ingest/event";
import { encryptCredentials } from "@/lib/security/credentials";
import { hideMessage, requireMayHide, setContactBlocked } from "@/lib/moderation/actions";
import { correctMessage } from "@/lib/conversations/actions";
import type { Principal } from "@/lib/auth/authorize";
import { hideOnPlatform } from "@/lib/moderation/platform";
import type { Classification } from "@/lib/classify/types";
import { makeBrand, makeMember, testDb, row, rows } from "../helpers/db";
import { memberOf } from "../escalation/setup";
import { startFakeMeta } from "../fakes/meta";
import { startFakeX } from "../fakes/x";
import { startFakeYoutube } from "../fakes/youtube";

const T0 = Date.parse("2026-03-02T10:00:00Z");

function classify(text: string): Classification {
  const negative = /awful|scam|worst/i.test(text);
  const request = /\?|awful/i.test(text);
  return {
    language: "en",
    category: request ? "request" : "noise",
    requestProbability: request ? 0.8 : 0.05,
    complaint: negative,
    sentiment: negative ? "negative" : "neutral",
    sentimentScore: negative ? -0.9 : 0,
    confidence: 0.9,
    reasons: [],
    modelVersion: "test",
  };
}

let meta: Awaited<ReturnType<typeof startFakeMeta>>;
beforeAll(async () => {
  meta = await startFakeMeta();
});
afterAll(() => meta.close());

async function setup(kind: "facebook" | "vk" = "facebook") {
  const { db } = testDb();
  const brand = await makeBrand({ db });
  const [channel] = await db.transaction((tx) =>
    tx
      .insert(channels)
      .values({ brandId: brand.id, kind, name: "Page", accountId: "page-1", credentials: encryptCredentials({ accessToken: "page-token" }) })
      .returning(),
  );
  const agent = await makeMember({ db, brandId: brand.id, role: "agent" });
  const manager = await makeMember({ db, brandId: brand.id, role: "manager" });
  const ingest = async (externalId: string, text: string, author = "spammer") =>
    (await ingestBatch({
      db,
      brandId: brand.id,
      now: T0,
      classifyText: classify,
      items: [{ channelId: channel.id, event: inboundEventSchema.parse({ externalId, kind: "public_comment", direction: "inbound", text, createdAt: new Date(T0).toISOString(), author: { id: author, name: author } }) }],
    }))[0];
  const hide = async (role: "agent" | "manager", messageId: string, reason: "spam" | "abuse" | "personal_data" | "other", note = "links to a scam shop") =>
    hideMessage({
      db,
      brandId: brand.id,
      actor: await memberOf(db, role === "agent" ? agent : manager),
      messageId: Number(messageId),
      reason,
      note,
      hide: (request) => hideOnPlatform({ ...request, baseUrl: meta.url }),
    });
  const message = async (id: string) => (await row(db, "SELECT * FROM messages WHERE id = ?", Number(id)))!;
  const audit = (action: string) => rows(db, "SELECT * FROM audit_log WHERE action = ? ORDER BY id", action);
  return { db, brand, channel, agent, manager, ingest, hide, message, audit };
}

describe("hiding a comment on the platform", () => {
  it("hides spam through the Graph API, keeps the message and audits who and why", async () => {
    const t = await setup();
    const { messageId } = await t.ingest("c_spam_1", "Win a free phone at scam.example — worst deal");
    await t.hide("agent", messageId!, "spam");
    expect(meta.hidden).toContain("c_spam_1");
    const stored = await t.message(messageId!);
    expect(stored.hidden_at).not.toBeNull();
    expect(stored.hidden_reason).toBe("spam: links to a scam shop");
    expect(stored.text).toContain("Win a free phone");
    expect(await t.audit("message.hide")).toHaveLength(1);
  });

  it("needs a manager for a negative comment that is not spam", async () => {
    const t = await setup();
    const { messageId } = await t.ingest("c_neg_1", "Your service is awful, three hours on hold");
    await expect(t.hide("agent", messageId!, "abuse", "rude words")).rejects.toThrow(/needs a manager/);
    expect((await t.message(messageId!)).hidden_at).toBeNull();
    await t.hide("manager", messageId!, "abuse", "rude words");
    expect((await t.message(messageId!)).hidden_at).not.toBeNull();
  });

  it("keeps the manager rule in lib, whoever calls: a token without the write scope cannot hide, an agent only spam", async () => {
    const t = await setup();
    const { messageId } = await t.ingest("c_neg_2", "Your service is awful");
    const token: Principal = { kind: "token", token: { tokenId: 1, brandId: t.brand.id, name: "bot", scopes: ["ingest", "read"] } };
    await expect(hideMessage({ db: t.db, brandId: t.brand.id, actor: token, messageId: Number(messageId), reason: "spam", note: "a bot hides it" })).rejects.toThrow(/lacks the 'write' scope/);
    expect(() => requireMayHide({ role: "agent", sentiment: "negative", reason: "other", spam: true })).toThrow(/needs a manager/);
    expect(() => requireMayHide({ role: null, sentiment: "negative", reason: "abuse", spam: false })).toThrow(/needs a manager/);
    expect(() => requireMayHide({ role: "agent", sentiment: "negative", reason: "spam", spam: true })).not.toThrow();
    expect(() => requireMayHide({ role: "agent", sentiment: "negative", reason: "spam", spam: false })).toThrow(/does not look like spam/);
    expect(() => requireMayHide({ role: "manager", sentiment: "negative", reason: "abuse", spam: false })).not.toThrow();
    expect((await t.message(messageId!)).hidden_at).toBeNull();
  });

  // Finding 5 of the security review: an agent hid a negative comment by correcting its
  // sentiment to neutral first, or by choosing the reason "spam".
  it("an agent cannot unlock hiding a negative comment by a correction or by calling it spam", async () => {
    const t = await setup();
    const { messageId } = await t.ingest("c_neg_3", "Your service is awful, nobody answers", "unhappy-customer");
    await expect(t.hide("agent", messageId!, "spam", "it is spam really")).rejects.toThrow(/does not look like spam/);
    await correctMessage({ db: t.db, brandId: t.brand.id, actor: { userId: t.agent.id, label: t.agent.email }, messageId: Number(messageId), sentiment: "neutral" });
    expect((await t.message(messageId!)).sentiment).toBe("neutral");
    await expect(t.hide("agent", messageId!, "abuse", "rude words")).rejects.toThrow(/needs a manager/);
    await expect(t.hide("agent", messageId!, "spam", "it is spam really")).rejects.toThrow(/does not look like spam/);
    // Blocking the author now does not make an earlier comment spam.
    const contactId = Number((await t.message(messageId!)).contact_id);
    await setContactBlocked({ db: t.db, brandId: t.brand.id, actor: await memberOf(t.db, t.agent), contactId, blocked: true });
    await expect(t.hide("agent", messageId!, "spam", "it is spam really")).rejects.toThrow(/does not look like spam/);
    expect((await t.message(messageId!)).hidden_at).toBeNull();
    expect(meta.hidden).not.toContain("c_neg_3");
    await t.hide("manager", messageId!, "abuse", "rude words");
    expect((await t.message(messageId!)).hidden_at).not.toBeNull();
  });

  it("needs a reason and refuses to hide twice", async () => {
    const t = await setup();
    const { messageId } = await t.ingest("c_spam_2", "buy followers cheap");
    await expect(t.hide("agent", messageId!, "spam", " ")).rejects.toThrow(/Say why/);
    await t.hide("agent", messageId!, "spam");
    await expect(t.hide("agent", messageId!, "spam")).rejects.toThrow(/already hidden/);
  });

  it("reports a platform refusal and changes nothing", async () => {
    const t = await setup();
    const { messageId } = await t.ingest("c_spam_3", "buy followers now");
    meta.fail({ kind: "status", status: 403 });
    await expect(t.hide("agent", messageId!, "spam")).rejects.toThrow(/refused to hide/);
    expect((await t.message(messageId!)).hidden_at).toBeNull();
    expect(await t.audit("message.hide_failed")).toHaveLength(1);
  });

  it("explains that VK cannot hide, and never deletes", async () => {
    const t = await setup("vk");
    const { messageId } = await t.ingest("vk_1", "buy followers now");
    await expect(t.hide("agent", messageId!, "spam")).rejects.toThrow(/VK cannot hide/);
    expect((await t.message(messageId!)).hidden_at).toBeNull();
  });

  it("speaks X's hide-replies and YouTube's moderation APIs", async () => {
    const x = await startFakeX({ accountId: "brand-x", accessToken: "x-token" });
    const youtube = await startFakeYoutube({ channelId: "UC1", accessToken: "yt-token" });
    try {
      x.addMention({
        tweet: { id: "1900", text: "@brand spam", author_id: "9", conversation_id: "1800", created_at: new Date(T0).toISOString(), in_reply_to_user_id: "brand-x" },
        user: { id: "9", name: "S", username: "s" },
      });
      expect(await hideOnPlatform({ kind: "twitter", baseUrl: x.url, credentials: { accessToken: "x-token" }, externalId: "1900" })).toEqual({ ok: true });
      expect(x.hidden).toEqual(["1900"]);
      const refused = await hideOnPlatform({ kind: "twitter", baseUrl: x.url, credentials: { accessToken: "x-token" }, externalId: "777" });
      expect(refused).toMatchObject({ ok: false, code: "forbidden" });
      expect(await hideOnPlatform({ kind: "youtube", baseUrl: youtube.url, credentials: { accessToken: "yt-token" }, externalId: "Ug1" })).toEqual({ ok: true });
      expect(youtube.moderated).toEqual([{ id: "Ug1", status: "heldForReview" }]);
    } finally {
      await x.close();
      await youtube.close();
    }
  });
});

describe("blocking an author", () => {
  it("files the author's later messages as noise; only a manager lifts the block", async () => {
    const t = await setup();
    const first = await t.ingest("c_b1", "Is this awful thing for sale?", "bot-1");
    const contactId = (await row<{ contact_id: number }>(t.db, "SELECT contact_id FROM messages WHERE id = ?", Number(first.messageId)))!.contact_id;
    await setContactBlocked({ db: t.db, brandId: t.brand.id, actor: await memberOf(t.db, t.agent), contactId, blocked: true });
    const later = await t.ingest("c_b2", "Is this awful thing still for sale?", "bot-1");
    expect((await t.message(later.messageId!)).category).toBe("noise");
    // ...and weigh nothing in the conversation decision, which reads the stored probability.
    expect((await t.message(first.messageId!)).request_probability).toBe(0.8);
    expect((await t.message(later.messageId!)).request_probability).toBe(0);
    await expect(setContactBlocked({ db: t.db, brandId: t.brand.id, actor: await memberOf(t.db, t.agent), contactId, blocked: false })).rejects.toThrow(/Only a manager/);
    await setContactBlocked({ db: t.db, brandId: t.brand.id, actor: await memberOf(t.db, t.manager), contactId, blocked: false });
    expect((await t.message((await t.ingest("c_b3", "Is this awful thing for sale?", "bot-1")).messageId!)).category).toBe("request");
    expect(await t.audit("contact.block")).toHaveLength(1);
    expect(await t.audit("contact.unblock")).toHaveLength(1);
  });

  it("cannot reach another brand's contact", async () => {
    const t = await setup();
    const otherBrand = await makeBrand({ db: t.db });
    const [otherChannel] = await t.db.transaction((tx) => tx.insert(channels).values({ brandId: otherBrand.id, kind: "facebook", name: "Other", accountId: "page-2" }).returning());
    const [m] = await ingestBatch({
      db: t.db,
      brandId: otherBrand.id,
      now: T0,
      classifyText: classify,
      items: [{ channelId: otherChannel.id, event: inboundEventSchema.parse({ externalId: "o1", kind: "public_comment", direction: "inbound", text: "hello", createdAt: new Date(T0).toISOString(), author: { id: "someone" } }) }],
    });
    const contactId = (await row<{ contact_id: number }>(t.db, "SELECT contact_id FROM messages WHERE id = ?", Number(m.messageId)))!.contact_id;
    await expect(setContactBlocked({ db: t.db, brandId: t.brand.id, actor: await memberOf(t.db, t.manager), contactId, blocked: true })).rejects.toThrow(/not found/i);
    await expect(t.hide("manager", m.messageId!, "spam")).rejects.toThrow(/not found/i);
  });
});
