import { describe, expect, it } from "vitest";
import { advanceSlaStates, resolveIdleNoise } from "@/lib/worker/sla-timer";
import { listRules, DEFAULT_RULES } from "@/lib/escalation/rules";
import { createWebhookEndpoint } from "@/lib/escalation/endpoints";
import { operator } from "@/lib/auth/authorize";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { NEGATIVE, PRAISE, escalationBrand } from "./setup";
import { run } from "../helpers/db";

type Esc = { id: number; level: number; reason: string; cues: string; status: string; rule_id: number; message_id: number; owner_id: number | null };
const MIN = 60_000;

describe("escalation on ingest", () => {
  it("a new brand gets the default rules", async () => {
    const { db, brand } = await escalationBrand({ keepDefaults: true });
    expect((await listRules({ db, brandId: brand.id })).map((r) => r.name)).toEqual(DEFAULT_RULES.map((r) => r.name));
  });

  it("defaults: a negative public comment goes to level 1 with high priority; managers are notified live and it is audited", async () => {
    const { brand, manager, admin, agent, ingest, list, oneRow } = await escalationBrand({ keepDefaults: true });
    const { conversationId, messageId } = await ingest(NEGATIVE);
    const [esc] = await list<Esc>("SELECT * FROM escalations WHERE conversation_id = ?", conversationId);
    expect(esc).toMatchObject({ level: 1, reason: "Negative public comment", status: "open", message_id: messageId });
    expect(JSON.parse(esc.cues)).toEqual([expect.stringMatching(/^negative sentiment \(0\.\d\d|1\.00\)/), "public"]);
    expect(await oneRow<{ escalation_level: number; priority: string }>("SELECT escalation_level, priority FROM conversations WHERE id = ?", conversationId)).toEqual({ escalation_level: 1, priority: "high" });
    const notified = await list<{ user_id: number; kind: string }>("SELECT user_id, kind FROM notifications WHERE escalation_id = ?", esc.id);
    expect(notified).toEqual([{ user_id: manager.id, kind: "escalation" }]);
    expect(notified.map((n) => n.user_id)).not.toContain(admin.id);
    expect(notified.map((n) => n.user_id)).not.toContain(agent.id);
    expect((await oneRow<{ n: number }>("SELECT count(*) AS n FROM changes WHERE brand_id = ? AND kind = 'escalation' AND object_id = ?", brand.id, esc.id)).n).toBe(1);
    expect((await oneRow<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE object_type = 'escalation' AND object_id = ? AND action = 'escalation.create'", String(esc.id))).n).toBe(1);
  });

  it("defaults: a negative author with 10,000 followers raises the open escalation to level 2 and tells the admins", async () => {
    const { admin, ingest, list, oneRow } = await escalationBrand({ keepDefaults: true });
    const { conversationId } = await ingest(NEGATIVE, { followers: 10_000 });
    const rows = await list<Esc>("SELECT * FROM escalations WHERE conversation_id = ?", conversationId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ level: 2, reason: "Negative from a large audience" });
    expect(JSON.parse(rows[0].cues)).toContain("10,000 followers");
    expect((await oneRow<{ escalation_level: number }>("SELECT escalation_level FROM conversations WHERE id = ?", conversationId)).escalation_level).toBe(2);
    expect(await list<{ user_id: number }>("SELECT user_id FROM notifications WHERE escalation_id = ? AND user_id = ?", rows[0].id, admin.id)).toHaveLength(1);
  });

  it("neither praise nor a negative private message match the public-comment default", async () => {
    const { ingest, list } = await escalationBrand({ keepDefaults: true });
    await ingest(PRAISE);
    await ingest(NEGATIVE, { kind: "private_message", author: "dm-1" });
    expect(await list("SELECT id FROM escalations")).toHaveLength(0);
  });

  it("does not escalate again for the same rule while the escalation is open, and never lowers the level", async () => {
    const { ingest, rule, list, oneRow } = await escalationBrand();
    await rule({ name: "Any negative", conditions: [{ type: "negative_sentiment" }], actions: [{ type: "escalate", level: 2 }] });
    await rule({ name: "Complaints", conditions: [{ type: "complaint" }], actions: [{ type: "escalate", level: 1 }] });
    const first = await ingest(NEGATIVE);
    await ingest(`${NEGATIVE} Again!`, { threadId: first.externalId });
    const rows = await list<Esc>("SELECT * FROM escalations WHERE conversation_id = ?", first.conversationId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ level: 2, reason: "Any negative" });
    expect((await oneRow<{ escalation_level: number }>("SELECT escalation_level FROM conversations WHERE id = ?", first.conversationId)).escalation_level).toBe(2);
  });

  it("set priority only raises; add label once; assign only an unassigned conversation to a member", async () => {
    const { db, brand, agent, ingest, rule, oneRow, list } = await escalationBrand();
    await rule({ name: "Triage", conditions: [{ type: "keywords", terms: ["lawyer"] }], actions: [{ type: "set_priority", priority: "urgent" }, { type: "add_label", label: "legal" }, { type: "assign", userId: agent.id }] });
    await rule({ name: "Lower", conditions: [{ type: "keywords", terms: ["lawyer"] }], actions: [{ type: "set_priority", priority: "low" }, { type: "add_label", label: "legal" }] });
    const { conversationId } = await ingest("My lawyer will contact you about the broken seat");
    expect(await oneRow("SELECT priority, labels, assignee_id FROM conversations WHERE id = ?", conversationId)).toEqual({ priority: "urgent", labels: '["legal"]', assignee_id: agent.id });
    expect(await list("SELECT kind FROM notifications WHERE user_id = ?", agent.id)).toEqual([{ kind: "assignment" }]);
    expect(await list("SELECT id FROM escalations")).toHaveLength(0);

    // An assignee chosen by a person is kept; a non-member is never assigned.
    const other = await escalationBrand({ db });
    await rule({ name: "Foreign", conditions: [{ type: "keywords", terms: ["seatbelt"] }], actions: [{ type: "add_label", label: "x" }] });
    await run(db, "UPDATE escalation_rules SET actions = ? WHERE brand_id = ? AND name = 'Foreign'", JSON.stringify([{ type: "assign", userId: other.agent.id }]), brand.id);
    const second = await ingest("my seatbelt is broken");
    expect((await oneRow<{ assignee_id: number | null }>("SELECT assignee_id FROM conversations WHERE id = ?", second.conversationId)).assignee_id).toBeNull();
  });

  it("a notify-only rule fires once per response cycle", async () => {
    const { manager, ingest, rule, list } = await escalationBrand();
    await rule({ name: "Refunds", conditions: [{ type: "keywords", terms: ["refund"] }], actions: [{ type: "notify_in_app", to: "managers" }] });
    const first = await ingest("I want a refund");
    await ingest("refund now please", { threadId: first.externalId });
    expect(await list("SELECT id FROM notifications WHERE user_id = ?", manager.id)).toHaveLength(1);
  });

  it("notify by e-mail and webhook queue one delivery per address and endpoint, with a Slack-compatible body", async () => {
    const { db, brand, manager, ingest, rule, list } = await escalationBrand();
    const { endpoint } = await createWebhookEndpoint({ db, brandId: brand.id, input: { name: "Slack", url: "http://127.0.0.1:9/hook" }, actor: operator });
    await rule({
      name: "Press",
      conditions: [{ type: "keywords", terms: ["press", "журналист*"] }],
      actions: [{ type: "escalate", level: 1 }, { type: "notify_email", to: "managers", addresses: ["oncall@example.test"] }, { type: "notify_webhook", endpointId: endpoint.id }],
    });
    await ingest("Я журналистка, напишу о вас");
    const deliveries = await list<{ url: string; payload: string; state: string; escalation_id: number }>("SELECT url, payload, state, escalation_id FROM webhook_deliveries ORDER BY url");
    const [{ email }] = await db.select({ email: users.email }).from(users).where(eq(users.id, manager.id));
    expect(deliveries.map((d) => d.url).sort()).toEqual(["http://127.0.0.1:9/hook", `mailto:${email}`, "mailto:oncall@example.test"].sort());
    expect(deliveries.every((d) => d.state === "queued" && d.escalation_id != null)).toBe(true);
    const hook = JSON.parse(deliveries.find((d) => d.url.startsWith("http"))!.payload);
    expect(hook.text).toMatch(/^Escalation \(level 1\) in Test brand: “Я журналистка/);
    expect(hook.replyhour).toMatchObject({ event: "escalation.created", rule: { name: "Press" }, cues: ["keyword: журналистка"] });
    expect(hook.blocks[0]).toMatchObject({ type: "section", text: { type: "mrkdwn" } });
  });

  it("blocked authors and automated or outbound messages are not evaluated", async () => {
    const { db, ingest, rule, list } = await escalationBrand();
    await rule({ name: "All negative", conditions: [{ type: "negative_sentiment" }], actions: [{ type: "escalate", level: 1 }] });
    await ingest(NEGATIVE, { author: "troll" });
    await run(db, "UPDATE contacts SET blocked = true WHERE external_id = 'troll'");
    await run(db, "DELETE FROM escalations");
    await ingest(NEGATIVE, { author: "troll" });
    await ingest(NEGATIVE, { direction: "outbound", author: "brand" });
    expect(await list("SELECT id FROM escalations")).toHaveLength(0);
  });

  it("history (a message received more than a day after it was written) is stored but pages nobody", async () => {
    const { ingest, list } = await escalationBrand({ keepDefaults: true });
    const old = await ingest(NEGATIVE, { at: Date.now() - 2 * 86_400_000 });
    expect(await list("SELECT id FROM messages WHERE id = ?", old.messageId)).toHaveLength(1);
    expect(await list("SELECT id FROM escalations")).toHaveLength(0);
    expect(await list("SELECT id FROM notifications")).toHaveLength(0);
    await ingest(NEGATIVE, { at: Date.now() - 23 * 3600_000 });
    expect(await list("SELECT id FROM escalations")).toHaveLength(1);
  });

  it("repeat contact counts the author's conversations in the window", async () => {
    const { ingest, rule, list } = await escalationBrand();
    await rule({ name: "Again and again", conditions: [{ type: "repeat_contact", conversations: 3, days: 7 }], actions: [{ type: "escalate", level: 1 }] });
    const now = Date.now();
    await ingest("Where is my bag?", { author: "ann", at: now - 10 * 86_400_000 });
    await ingest("Where is my bag??", { author: "ann", at: now - 2 * 86_400_000 });
    await ingest("Still no bag", { author: "ann", at: now - 86_400_000 });
    expect(await list("SELECT id FROM escalations")).toHaveLength(0);
    const fourth = await ingest("Hello? My bag!", { author: "ann" });
    expect((await list<Esc>("SELECT cues FROM escalations")).map((e) => JSON.parse(e.cues))).toEqual([["repeat contact: 3 conversations in 7 d"]]);
    expect((await list<{ conversation_id: number }>("SELECT conversation_id FROM escalations"))[0].conversation_id).toBe(fourth.conversationId);
  });

  it("an edited rule takes effect on the next batch", async () => {
    const { db, brand, ingest, rule, list } = await escalationBrand();
    const r = await rule({ name: "Kw", conditions: [{ type: "keywords", terms: ["alpha"] }], actions: [{ type: "escalate", level: 1 }] });
    await ingest("beta here");
    expect(await list("SELECT id FROM escalations")).toHaveLength(0);
    await run(db, "UPDATE escalation_rules SET conditions = ? WHERE id = ? AND brand_id = ?", JSON.stringify([{ type: "keywords", terms: ["beta"] }]), r.id, brand.id);
    await ingest("beta again");
    expect(await list("SELECT id FROM escalations")).toHaveLength(1);
  });
});

describe("a batch's rules write together", () => {
  // Everything the rules of a batch did, by thread and role, to compare two ways of ingesting.
  async function outcome(h: Awaited<ReturnType<typeof escalationBrand>>) {
    const role = new Map([h.admin, h.manager, h.agent].map((u, i) => [u.id, ["admin", "manager", "agent"][i]]));
    const thread = new Map((await h.list<{ id: number; external_thread_id: string }>("SELECT id, external_thread_id FROM conversations WHERE brand_id = ?", h.brand.id)).map((c) => [c.id, c.external_thread_id]));
    const conversations = (await h.list<{ id: number; escalation_level: number; priority: string }>("SELECT id, escalation_level, priority FROM conversations WHERE brand_id = ?", h.brand.id))
      .map((c) => `${thread.get(c.id)} level ${c.escalation_level} ${c.priority}`)
      .sort();
    const escalations = (await h.list<Esc & { conversation_id: number; acknowledged_by: number | null }>("SELECT * FROM escalations WHERE brand_id = ?", h.brand.id))
      .map((e) => `${thread.get(e.conversation_id)} level ${e.level} ${e.status} ${e.reason} ack ${role.get(e.acknowledged_by ?? 0) ?? "-"}`)
      .sort();
    const notifications = (await h.list<{ id: number; user_id: number; kind: string; conversation_id: number; read_at: unknown }>("SELECT * FROM notifications WHERE brand_id = ?", h.brand.id))
      .map((n) => `${thread.get(n.conversation_id)} ${role.get(n.user_id)} ${n.kind} ${n.read_at == null ? "unread" : "read"}`)
      .sort();
    const changes = await h.oneRow<{ n: number }>("SELECT count(*) AS n FROM changes WHERE brand_id = ? AND kind IN ('notification', 'escalation')", h.brand.id);
    return { conversations, escalations, notifications, changes: Number(changes.n) };
  }

  it("end as the same events one batch each do: levels raised, priorities set, notifications written, and a reply in the batch resolves what it escalated", async () => {
    const now = Date.now();
    const events = (agentId: number) => [
      { id: "a1", text: NEGATIVE, opts: { author: "ann", now } },
      { id: "a2", text: `${NEGATIVE} Still waiting!`, opts: { author: "bob", followers: 10_000, threadId: "a1", now } },
      { id: "r1", text: "We're sorry, Ann: send us your booking code.", opts: { direction: "outbound" as const, userId: agentId, author: "brand", threadId: "a1", now } },
      { id: "b1", text: NEGATIVE, opts: { author: "cid", now } },
      { id: "c1", text: PRAISE, opts: { author: "dee", now } },
    ];
    const batched = await escalationBrand({ keepDefaults: true });
    await batched.ingestAll(events(batched.agent.id), now);
    const single = await escalationBrand({ keepDefaults: true, db: batched.db });
    for (const e of events(single.agent.id)) await single.ingestAll([e], now);

    const got = await outcome(batched);
    expect(got).toEqual(await outcome(single));
    expect(got.conversations).toEqual(["a1 level 2 high", "b1 level 1 high", "c1 level 0 normal"]);
    expect(got.escalations).toEqual(["a1 level 2 resolved Negative from a large audience ack agent", "b1 level 1 open Negative public comment ack -"]);
    expect(got.notifications).toEqual(["a1 admin escalation read", "a1 manager escalation read", "b1 manager escalation unread"]);
  });
});

describe("escalation on SLA transitions", () => {
  it("the default breach rule notifies managers once, for requests only", async () => {
    const { db, manager, ingest, list } = await escalationBrand({ keepDefaults: true });
    const start = Date.now() - 2 * 3600_000;
    const request = await ingest("Where is my refund for booking 12345?", { at: start, now: start + 1000 });
    await ingest(PRAISE, { at: start, now: start + 1000 });
    expect(await list("SELECT id FROM notifications WHERE kind = 'sla_breach'")).toHaveLength(0);
    await advanceSlaStates({ db });
    await advanceSlaStates({ db, now: Date.now() + 60_000 });
    expect(await list("SELECT user_id, conversation_id FROM notifications WHERE kind = 'sla_breach'")).toEqual([{ user_id: manager.id, conversation_id: request.conversationId }]);
  });

  it("a rule combining sentiment and a breach escalates when the breach happens", async () => {
    const { db, ingest, rule, list } = await escalationBrand();
    await rule({ name: "Angry and waiting", conditions: [{ type: "negative_sentiment" }, { type: "sla", states: ["breached"] }], actions: [{ type: "escalate", level: 2 }] });
    const start = Date.now() - 90 * MIN;
    const { conversationId } = await ingest(NEGATIVE, { at: start, now: start + 1000 });
    expect(await list("SELECT id FROM escalations")).toHaveLength(0);
    await advanceSlaStates({ db, now: start + 50 * MIN });
    expect(await list("SELECT id FROM escalations")).toHaveLength(0);
    await advanceSlaStates({ db });
    const rows = await list<Esc>("SELECT * FROM escalations");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ level: 2, reason: "Angry and waiting" });
    expect(JSON.parse(rows[0].cues)).toContain("SLA breached");
    expect((await list("SELECT id FROM changes WHERE kind = 'conversation' AND conversation_id = ? AND data IS NULL", conversationId)).length).toBeGreaterThan(0);
  });
});

describe("noise", () => {
  it("an escalated conversation is never auto-resolved as noise", async () => {
    const { db, ingest, rule, oneRow } = await escalationBrand();
    await rule({ name: "Kw", conditions: [{ type: "keywords", terms: ["awful"] }], actions: [{ type: "escalate", level: 1 }] });
    const then = Date.now() - 30 * 3600_000;
    const escalated = await ingest("lol awful 😂", { at: then, now: then });
    const plain = await ingest("lol 😂", { at: then, now: then });
    await run(db, "UPDATE conversations SET category = 'noise' WHERE id IN (?, ?)", escalated.conversationId, plain.conversationId);
    await resolveIdleNoise({ db });
    expect((await oneRow<{ status: string }>("SELECT status FROM conversations WHERE id = ?", escalated.conversationId)).status).toBe("open");
    expect((await oneRow<{ status: string }>("SELECT status FROM conversations WHERE id = ?", plain.conversationId)).status).toBe("resolved");
  });
});
