import { describe, expect, it } from "vitest";
import { operator } from "@/lib/auth/authorize";
import { checkRule, createRule, deleteRule, listRules, moveRule, setRuleEnabled } from "@/lib/escalation/rules";
import { dryRunRule } from "@/lib/escalation/dry-run";
import { alertState, checkBrandAlerts } from "@/lib/escalation/alerts";
import { NEGATIVE, PRAISE, escalationBrand } from "./setup";
import { run } from "../helpers/db";

describe("rules", () => {
  it("are checked against the brand's own channels, people and endpoints", async () => {
    const { db, brand, agent } = await escalationBrand();
    const other = await escalationBrand({ db });
    const checked = await checkRule({
      db,
      brandId: brand.id,
      input: { name: "x", conditions: [{ type: "channel", channelIds: [other.channel.id] }], actions: [{ type: "assign", userId: other.agent.id }, { type: "notify_webhook", endpointId: 999 }, { type: "notify_in_app", to: "users", userIds: [agent.id] }] },
    });
    expect(checked).toEqual({
      ok: false,
      fieldErrors: {
        "conditions.0.channelIds": "A channel is not one of this brand's.",
        "actions.0.userId": "A person is not a member of this brand.",
        "actions.1.endpointId": "No such webhook endpoint in this brand.",
      },
    });
    await expect(createRule({ db, brandId: brand.id, input: { name: "", conditions: [], actions: [] }, actor: operator })).rejects.toThrow(/name: A rule needs a name/);
  });

  it("keep their order; moving, disabling and deleting are audited and take effect at once", async () => {
    const { db, brand, rule, ingest, list } = await escalationBrand();
    const a = await rule({ name: "A", conditions: [{ type: "keywords", terms: ["alpha"] }], actions: [{ type: "add_label", label: "a" }] });
    const b = await rule({ name: "B", conditions: [{ type: "keywords", terms: ["alpha"] }], actions: [{ type: "escalate", level: 1 }] });
    await moveRule({ db, brandId: brand.id, id: b.id, direction: "up", actor: operator });
    expect((await listRules({ db, brandId: brand.id })).map((r) => r.name)).toEqual(["B", "A"]);
    await setRuleEnabled({ db, brandId: brand.id, id: b.id, enabled: false, actor: operator });
    await ingest("alpha one");
    expect(await list("SELECT id FROM escalations")).toHaveLength(0);
    await deleteRule({ db, brandId: brand.id, id: a.id, actor: operator });
    expect((await listRules({ db, brandId: brand.id })).map((r) => [r.name, r.enabled])).toEqual([["B", false]]);
    expect((await list<{ action: string }>("SELECT action FROM audit_log WHERE object_type = 'escalation_rule' AND object_id IN (?, ?) ORDER BY id", String(a.id), String(b.id))).map((r) => r.action)).toEqual([
      "escalation_rule.create",
      "escalation_rule.create",
      "escalation_rule.move",
      "escalation_rule.disable",
      "escalation_rule.delete",
    ]);
    const other = await escalationBrand({ db });
    await expect(deleteRule({ db, brandId: other.brand.id, id: b.id, actor: operator })).rejects.toThrow(/No such escalation rule/);
  });
});

describe("dry run", () => {
  it("lists the recent messages a draft rule would have matched, with the engine's cues", async () => {
    const { db, brand, ingest } = await escalationBrand();
    const angry = await ingest(NEGATIVE);
    await ingest(PRAISE);
    await ingest("Подам в суд, если не вернёте деньги", { kind: "private_message", author: "ru-1" });
    const result = await dryRunRule({ db, brandId: brand.id, rule: { name: "d", enabled: true, match: "any", conditions: [{ type: "negative_sentiment", minStrength: 0.9 }, { type: "keywords", terms: ["суд"] }], actions: [{ type: "escalate", level: 1, userIds: [] }] } });
    expect(result.examined).toBe(3);
    expect(result.matched.map((m) => m.cues[0])).toEqual(["keyword: суд", expect.stringMatching(/^negative sentiment/)]);
    expect(result.matched[1]).toMatchObject({ messageId: angry.messageId, conversationId: angry.conversationId, text: NEGATIVE });
    expect((await dryRunRule({ db, brandId: brand.id, rule: { name: "d", enabled: true, match: "all", conditions: [{ type: "complaint" }], actions: [{ type: "add_label", label: "x" }] }, limit: 1 })).examined).toBe(1);
  });
});

describe("brand alerts", () => {
  it("fire once when waiting requests cross the threshold and re-arm when back under", async () => {
    const { db, brand, manager, rule, ingest, list } = await escalationBrand();
    const alert = await rule({ name: "Call in more people", conditions: [{ type: "waiting_above", count: 2 }], actions: [{ type: "notify_in_app", to: "managers" }] });
    const bell = () => list<{ text: string }>("SELECT text FROM notifications WHERE user_id = ? AND kind = 'brand_alert'", manager.id);
    const ask = async (n: number) => {
      const asked = [];
      for (let i = 0; i < n; i++) asked.push(await ingest(`Where is my refund for order ${1000 + i}?`, { author: `c-${Math.random()}` }));
      return asked;
    };
    const asked = await ask(2);
    expect(await checkBrandAlerts({ db })).toBe(0);
    await ask(1);
    expect(await checkBrandAlerts({ db })).toBe(1);
    expect(await checkBrandAlerts({ db })).toBe(0);
    expect(await bell()).toHaveLength(1);
    expect((await bell())[0].text).toMatch(/Alert in Test brand — Call in more people — 3 requests waiting \(alert above 2\)/);
    expect(await alertState({ db, ruleId: alert.id })).toMatchObject({ firing: true });

    await run(db, "UPDATE conversations SET awaiting_first_response = false WHERE id = ?", asked[0].conversationId);
    expect(await checkBrandAlerts({ db })).toBe(0);
    expect(await alertState({ db, ruleId: alert.id })).toMatchObject({ firing: false });
    await ask(1);
    expect(await checkBrandAlerts({ db })).toBe(1);
    expect(await bell()).toHaveLength(2);
    expect(await list("SELECT action FROM audit_log WHERE object_type = 'escalation_rule' AND object_id = ? AND action LIKE 'brand_alert.%' ORDER BY id", String(alert.id))).toEqual([
      { action: "brand_alert.fire" },
      { action: "brand_alert.clear" },
      { action: "brand_alert.fire" },
    ]);
    expect(await list("SELECT id FROM changes WHERE brand_id = ? AND kind = 'brand'", brand.id)).toHaveLength(2);
  });

  it("fire on the live response time", async () => {
    const { db, manager, rule, ingest, list } = await escalationBrand();
    await rule({ name: "Slow", conditions: [{ type: "live_response_time_above", minutes: 30 }], actions: [{ type: "notify_in_app", to: "managers" }] });
    const now = Date.now();
    await ingest("Where is my refund?", { at: now - 20 * 60_000, now: now - 20 * 60_000 });
    expect(await checkBrandAlerts({ db, now })).toBe(0);
    // The figure floors at the median wait: 20, 41 and 45 minutes give 41.
    await ingest("Is anyone there? My order 555 is missing", { author: "old", at: now - 45 * 60_000, now: now - 45 * 60_000 });
    await ingest("Hello?? Where is my parcel 777", { author: "older", at: now - 41 * 60_000, now: now - 41 * 60_000 });
    expect(await checkBrandAlerts({ db, now })).toBe(1);
    expect((await list<{ text: string }>("SELECT text FROM notifications WHERE user_id = ? AND kind = 'brand_alert'", manager.id))[0].text).toMatch(/live response time 41 min/);
  });
});
