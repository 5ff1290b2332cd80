import { describe, expect, it } from "vitest";
import { acknowledgeEscalation, escalateConversation, raiseEscalation, rerouteEscalation, resolveEscalation } from "@/lib/escalation/actions";
import { REPLY_NOTE } from "@/lib/escalation/resolve-on-reply";
import { escalationFigures } from "@/lib/metrics/escalations";
import { parseRange } from "@/lib/metrics/local-time";
import { queueReply } from "@/lib/outbound/outbox";
import { recordSentReply } from "@/lib/ingest/pipeline";
import { NEGATIVE, escalationBrand } from "./setup";

type Row = { status: string; level: number; owner_id: number | null; acknowledged_by: number | null; acknowledged_at: number | null; resolved_by: number | null; resolved_at: number | null; note: string | null; created_at: number };

async function escalated() {
  const ctx = await escalationBrand();
  ctx.rule({ name: "Negative", conditions: [{ type: "negative_sentiment" }], actions: [{ type: "escalate", level: 1 }] });
  const message = ctx.ingest(NEGATIVE);
  const escalationId = ctx.one<{ id: number }>("SELECT id FROM escalations WHERE conversation_id = ?", message.conversationId).id;
  const row = () => ctx.one<Row>("SELECT * FROM escalations WHERE id = ?", escalationId);
  const actorOf = (u: { id: number; email: string }) => ({ userId: u.id, label: u.email });
  const audits = () => ctx.q<{ action: string; after: string }>("SELECT action, after FROM audit_log WHERE object_type = 'escalation' AND object_id = ? ORDER BY id", String(escalationId));
  const changes = () => ctx.q("SELECT id FROM changes WHERE kind = 'escalation' AND object_id = ?", escalationId).length;
  return { ...ctx, ...message, escalationId, row, actorOf, audits, changes };
}

describe("escalation actions", () => {
  it("acknowledge takes ownership and measures time to acknowledge", async () => {
    const { db, brand, manager, escalationId, row, actorOf, audits, changes } = await escalated();
    const before = changes();
    const created = row().created_at;
    acknowledgeEscalation({ db, brandId: brand.id, escalationId, actor: actorOf(manager), now: created + 90_000 });
    expect(row()).toMatchObject({ status: "acknowledged", owner_id: manager.id, acknowledged_by: manager.id, acknowledged_at: created + 90_000 });
    expect(audits().map((a) => a.action)).toEqual(["escalation.create", "escalation.acknowledge"]);
    expect(changes()).toBe(before + 1);
    expect(() => acknowledgeEscalation({ db, brandId: brand.id, escalationId, actor: actorOf(manager) })).toThrow(/already acknowledged/);
    // Time to acknowledge as the dashboard reports it.
    const day = new Date(created).toISOString().slice(0, 10);
    const range = parseRange({ from: day, to: day, timeZone: "UTC", now: created + 90_000 });
    const figures = escalationFigures({ db, brandId: brand.id, timeZone: "UTC", range, now: created + 90_000 });
    expect(figures).toMatchObject({ created: 1, acknowledged: 1, unacknowledgedNow: 0, medianAckSeconds: 90, p90AckSeconds: 90 });
  });

  it("re-route to a person notifies them; to a level clears the owner and notifies that level", async () => {
    const { db, brand, manager, agent, admin, escalationId, row, actorOf, q, conversationId, one } = await escalated();
    rerouteEscalation({ db, brandId: brand.id, escalationId, actor: actorOf(manager), userId: agent.id });
    expect(row().owner_id).toBe(agent.id);
    expect(q("SELECT kind FROM notifications WHERE user_id = ? AND escalation_id = ?", agent.id, escalationId)).toEqual([{ kind: "escalation" }]);
    rerouteEscalation({ db, brandId: brand.id, escalationId, actor: actorOf(manager), level: 2 });
    expect(row()).toMatchObject({ owner_id: null, level: 2 });
    expect(one<{ escalation_level: number }>("SELECT escalation_level FROM conversations WHERE id = ?", conversationId).escalation_level).toBe(2);
    expect(q("SELECT id FROM notifications WHERE user_id = ? AND escalation_id = ?", admin.id, escalationId)).toHaveLength(1);
    expect(() => rerouteEscalation({ db, brandId: brand.id, escalationId, actor: actorOf(manager), level: 3 })).toThrow(/Level 1/);
  });

  it("raise goes one level up, to the admins, and no further", async () => {
    const { db, brand, manager, admin, escalationId, row, actorOf, q, audits } = await escalated();
    expect(raiseEscalation({ db, brandId: brand.id, escalationId, actor: actorOf(manager) })).toBe(2);
    expect(row().level).toBe(2);
    expect(q("SELECT id FROM notifications WHERE user_id = ? AND escalation_id = ?", admin.id, escalationId)).toHaveLength(1);
    expect(JSON.parse(audits().at(-1)!.after)).toEqual({ level: 2 });
    expect(() => raiseEscalation({ db, brandId: brand.id, escalationId, actor: actorOf(admin) })).toThrow(/highest level/);
  });

  it("resolve needs a note, counts as the acknowledgement, and clears its notifications", async () => {
    const { db, brand, manager, escalationId, row, actorOf, q } = await escalated();
    expect(q("SELECT id FROM notifications WHERE escalation_id = ? AND read_at IS NULL", escalationId)).toHaveLength(1);
    expect(() => resolveEscalation({ db, brandId: brand.id, escalationId, actor: actorOf(manager), note: "  " })).toThrow(/Write what was done/);
    resolveEscalation({ db, brandId: brand.id, escalationId, actor: actorOf(manager), note: "Called the customer, refund issued." });
    expect(row()).toMatchObject({ status: "resolved", resolved_by: manager.id, acknowledged_by: manager.id, note: "Called the customer, refund issued." });
    expect(q("SELECT id FROM notifications WHERE escalation_id = ? AND read_at IS NULL", escalationId)).toHaveLength(0);
    expect(() => acknowledgeEscalation({ db, brandId: brand.id, escalationId, actor: actorOf(manager) })).toThrow(/already resolved/);
  });

  it("another brand's escalation does not exist for these functions", async () => {
    const { db, escalationId, manager, actorOf } = await escalated();
    const other = await escalationBrand({ db });
    const actor = actorOf(manager);
    const brandId = other.brand.id;
    expect(() => acknowledgeEscalation({ db, brandId, escalationId, actor })).toThrow(/No such escalation/);
    expect(() => rerouteEscalation({ db, brandId, escalationId, actor, level: 2 })).toThrow(/No such escalation/);
    expect(() => raiseEscalation({ db, brandId, escalationId, actor })).toThrow(/No such escalation/);
    expect(() => resolveEscalation({ db, brandId, escalationId, actor, note: "x" })).toThrow(/No such escalation/);
  });

  it("re-routing to someone outside the brand is refused", async () => {
    const { db, brand, manager, escalationId, actorOf } = await escalated();
    const other = await escalationBrand({ db });
    expect(() => rerouteEscalation({ db, brandId: brand.id, escalationId, actor: actorOf(manager), userId: other.agent.id })).toThrow(/not an active member/);
  });

  it("a manual escalation is refused while one is open", async () => {
    const { db, brand, manager, conversationId, actorOf } = await escalated();
    expect(() => escalateConversation({ db, brandId: brand.id, conversationId, level: 1, reason: "VIP", actor: actorOf(manager) })).toThrow(/already has an open escalation/);
  });
});

describe("a reply resolves the escalation", () => {
  it("when the agent's reply is accepted by the platform", async () => {
    const { db, brand, agent, conversationId, row, actorOf, audits } = await escalated();
    const messageId = queueReply({ db, brandId: brand.id, conversationId, text: "So sorry — we found your bag, it arrives tonight.", visibility: "public", actor: actorOf(agent) });
    expect(row().status).toBe("open");
    const sentAt = Date.now();
    recordSentReply({ db, messageId, externalId: "x-1", sentAt, now: sentAt });
    expect(row()).toMatchObject({ status: "resolved", resolved_by: agent.id, acknowledged_by: agent.id, acknowledged_at: sentAt, note: REPLY_NOTE });
    expect(JSON.parse(audits().at(-1)!.after)).toMatchObject({ status: "resolved", messageId, auto: true });
  });

  it("when the brand's reply made on the platform is ingested, but not for an automated one", async () => {
    const { ingest, externalId, row, q } = await escalated();
    ingest("We received your message and will answer soon.", { direction: "outbound", threadId: externalId, author: "brand", automated: true });
    expect(row().status).toBe("open");
    ingest("Thanks for your patience!", { direction: "outbound", threadId: externalId, author: "brand" });
    expect(row().status).toBe("resolved");
    expect(q("SELECT id FROM escalations WHERE status != 'resolved'")).toHaveLength(0);
  });
});
