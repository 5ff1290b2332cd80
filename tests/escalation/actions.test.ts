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
  await ctx.rule({ name: "Negative", conditions: [{ type: "negative_sentiment" }], actions: [{ type: "escalate", level: 1 }] });
  const message = await ctx.ingest(NEGATIVE);
  const escalationId = ctx.one<{ id: number }>("SELECT id FROM escalations WHERE conversation_id = ?", message.conversationId).id;
  const row = () => ctx.one<Row>("SELECT * FROM escalations WHERE id = ?", escalationId);
  const actorOf = (u: { id: number; email: string }) => ({ userId: u.id, label: u.email });
  const audits = () => ctx.q<{ action: string; after: string }>("SELECT action, after FROM audit_log WHERE object_type = 'escalation' AND object_id = ? ORDER BY id", String(escalationId));
  const changes = () => ctx.q("SELECT id FROM changes WHERE kind = 'escalation' AND object_id = ?", escalationId).length;
  return { ...ctx, ...message, escalationId, row, actorOf, audits, changes };
}

describe("escalation actions", () => {
  it("acknowledge takes ownership and measures time to acknowledge", async () => {
    const { db, brand, manager, escalationId, row, as, audits, changes } = await escalated();
    const before = changes();
    const created = row().created_at;
    await acknowledgeEscalation({ db, brandId: brand.id, escalationId, actor: await as(manager), now: created + 90_000 });
    expect(row()).toMatchObject({ status: "acknowledged", owner_id: manager.id, acknowledged_by: manager.id, acknowledged_at: created + 90_000 });
    expect(audits().map((a) => a.action)).toEqual(["escalation.create", "escalation.acknowledge"]);
    expect(changes()).toBe(before + 1);
    await expect(acknowledgeEscalation({ db, brandId: brand.id, escalationId, actor: await as(manager) })).rejects.toThrow(/already acknowledged/);
    // Time to acknowledge as the dashboard reports it.
    const day = new Date(created).toISOString().slice(0, 10);
    const range = parseRange({ from: day, to: day, timeZone: "UTC", now: created + 90_000 });
    const figures = await escalationFigures({ db, brandId: brand.id, timeZone: "UTC", range, now: created + 90_000 });
    expect(figures).toMatchObject({ created: 1, acknowledged: 1, unacknowledgedNow: 0, medianAckSeconds: 90, p90AckSeconds: 90 });
  });

  it("re-route to a person notifies them; to a level clears the owner and notifies that level", async () => {
    const { db, brand, manager, agent, admin, escalationId, row, as, q, conversationId, one } = await escalated();
    await rerouteEscalation({ db, brandId: brand.id, escalationId, actor: await as(manager), userId: agent.id });
    expect(row().owner_id).toBe(agent.id);
    expect(q("SELECT kind FROM notifications WHERE user_id = ? AND escalation_id = ?", agent.id, escalationId)).toEqual([{ kind: "escalation" }]);
    await rerouteEscalation({ db, brandId: brand.id, escalationId, actor: await as(manager), level: 2 });
    expect(row()).toMatchObject({ owner_id: null, level: 2 });
    expect(one<{ escalation_level: number }>("SELECT escalation_level FROM conversations WHERE id = ?", conversationId).escalation_level).toBe(2);
    expect(q("SELECT id FROM notifications WHERE user_id = ? AND escalation_id = ?", admin.id, escalationId)).toHaveLength(1);
    await expect(rerouteEscalation({ db, brandId: brand.id, escalationId, actor: await as(manager), level: 3 })).rejects.toThrow(/Level 1/);
  });

  it("raise goes one level up, to the admins, and no further", async () => {
    const { db, brand, manager, admin, escalationId, row, as, q, audits } = await escalated();
    expect(await raiseEscalation({ db, brandId: brand.id, escalationId, actor: await as(manager) })).toBe(2);
    expect(row().level).toBe(2);
    expect(q("SELECT id FROM notifications WHERE user_id = ? AND escalation_id = ?", admin.id, escalationId)).toHaveLength(1);
    expect(JSON.parse(audits().at(-1)!.after)).toEqual({ level: 2 });
    await expect(raiseEscalation({ db, brandId: brand.id, escalationId, actor: await as(admin) })).rejects.toThrow(/highest level/);
  });

  it("resolve needs a note, counts as the acknowledgement, and clears its notifications", async () => {
    const { db, brand, manager, escalationId, row, as, q } = await escalated();
    expect(q("SELECT id FROM notifications WHERE escalation_id = ? AND read_at IS NULL", escalationId)).toHaveLength(1);
    await expect(resolveEscalation({ db, brandId: brand.id, escalationId, actor: await as(manager), note: "  " })).rejects.toThrow(/Write what was done/);
    await resolveEscalation({ db, brandId: brand.id, escalationId, actor: await as(manager), note: "Called the customer, refund issued." });
    expect(row()).toMatchObject({ status: "resolved", resolved_by: manager.id, acknowledged_by: manager.id, note: "Called the customer, refund issued." });
    expect(q("SELECT id FROM notifications WHERE escalation_id = ? AND read_at IS NULL", escalationId)).toHaveLength(0);
    await expect(acknowledgeEscalation({ db, brandId: brand.id, escalationId, actor: await as(manager) })).rejects.toThrow(/already resolved/);
  });

  it("another brand's escalation does not exist for these functions", async () => {
    const { db, escalationId } = await escalated();
    const other = await escalationBrand({ db });
    // A manager of the other brand, asking through their own brand.
    const actor = await other.as(other.manager);
    const brandId = other.brand.id;
    await expect(acknowledgeEscalation({ db, brandId, escalationId, actor })).rejects.toThrow(/No such escalation/);
    await expect(rerouteEscalation({ db, brandId, escalationId, actor, level: 2 })).rejects.toThrow(/No such escalation/);
    await expect(raiseEscalation({ db, brandId, escalationId, actor })).rejects.toThrow(/No such escalation/);
    await expect(resolveEscalation({ db, brandId, escalationId, actor, note: "x" })).rejects.toThrow(/No such escalation/);
  });

  it("re-routing to someone outside the brand is refused", async () => {
    const { db, brand, manager, escalationId, as } = await escalated();
    const other = await escalationBrand({ db });
    await expect(rerouteEscalation({ db, brandId: brand.id, escalationId, actor: await as(manager), userId: other.agent.id })).rejects.toThrow(/not an active member/);
  });

  it("a manual escalation is refused while one is open", async () => {
    const { db, brand, manager, conversationId, as } = await escalated();
    await expect(escalateConversation({ db, brandId: brand.id, conversationId, level: 1, reason: "VIP", actor: await as(manager) })).rejects.toThrow(/already has an open escalation/);
  });
});

describe("a reply resolves the escalation", () => {
  it("when the agent's reply is accepted by the platform", async () => {
    const { db, brand, agent, conversationId, row, actorOf, audits } = await escalated();
    const messageId = await queueReply({ db, brandId: brand.id, conversationId, text: "So sorry — we found your bag, it arrives tonight.", visibility: "public", actor: actorOf(agent) });
    expect(row().status).toBe("open");
    const sentAt = Date.now();
    await recordSentReply({ db, messageId, externalId: "x-1", sentAt, now: sentAt });
    expect(row()).toMatchObject({ status: "resolved", resolved_by: agent.id, acknowledged_by: agent.id, acknowledged_at: sentAt, note: REPLY_NOTE });
    expect(JSON.parse(audits().at(-1)!.after)).toMatchObject({ status: "resolved", messageId, auto: true });
  });

  it("when the brand's reply made on the platform is ingested, but not for an automated one", async () => {
    const { ingest, externalId, row, q } = await escalated();
    await ingest("We received your message and will answer soon.", { direction: "outbound", threadId: externalId, author: "brand", automated: true });
    expect(row().status).toBe("open");
    await ingest("Thanks for your patience!", { direction: "outbound", threadId: externalId, author: "brand" });
    expect(row().status).toBe("resolved");
    expect(q("SELECT id FROM escalations WHERE status != 'resolved'")).toHaveLength(0);
  });
});
