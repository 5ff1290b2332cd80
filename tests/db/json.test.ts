import { describe, expect, it } from "vitest";
import { auditLog, escalationRules } from "@/db/schema";
import { brandsWithRuleConditions, ruleFiredInCycle, rulesSendingToEndpoint } from "@/db/json";
import { makeBrand, testDb } from "../helpers/db";

async function world() {
  const { db } = testDb();
  const [a, b] = [await makeBrand({ db }), await makeBrand({ db })];
  await db.transaction((tx) => tx.delete(escalationRules));
  const rule = (brandId: number, name: string, conditions: unknown[], actions: unknown[], enabled = true) =>
    db.transaction(async (tx) => (await tx.insert(escalationRules).values({ brandId, name, conditions, actions, enabled }).returning())[0]);
  return { db, a, b, rule };
}

describe("JSON functions over stored rules and audit rows", () => {
  it("names the brand's rules that send to an endpoint, and only those", async () => {
    const { db, a, b, rule } = await world();
    await rule(a.id, "Slack", [{ type: "complaint" }], [{ type: "notify_in_app", to: "managers" }, { type: "notify_webhook", endpointId: 7 }]);
    await rule(a.id, "Other hook", [{ type: "complaint" }], [{ type: "notify_webhook", endpointId: 8 }]);
    await rule(a.id, "Escalate 7", [{ type: "complaint" }], [{ type: "escalate", level: 1, endpointId: 7 }]);
    await rule(b.id, "Their Slack", [{ type: "complaint" }], [{ type: "notify_webhook", endpointId: 7 }]);
    expect(await rulesSendingToEndpoint(db, { brandId: a.id, endpointId: 7 })).toEqual(["Slack"]);
    expect(await rulesSendingToEndpoint(db, { brandId: a.id, endpointId: 9 })).toEqual([]);
  });

  it("finds the brands with an enabled rule on a given condition type", async () => {
    const { db, a, b, rule } = await world();
    await rule(a.id, "Waiting", [{ type: "waiting_above", count: 3 }], []);
    await rule(b.id, "Off", [{ type: "waiting_above", count: 3 }], [], false);
    await rule(b.id, "Message", [{ type: "keywords", terms: ["waiting_above"] }], []);
    expect(await brandsWithRuleConditions(db, { types: ["waiting_above", "live_response_time_above"] })).toEqual([a.id]);
    expect(await brandsWithRuleConditions(db, { types: ["keywords"] })).toEqual([b.id]);
  });

  it("tells whether a rule fired on a conversation in a response cycle, a missing cycle included", async () => {
    const { db, a } = await world();
    const fire = (conversationId: number, after: unknown) =>
      db.transaction((tx) => tx.insert(auditLog).values({ actor: "rule: x", brandId: a.id, action: "escalation_rule.fire", objectType: "conversation", objectId: String(conversationId), after }));
    await fire(10, { ruleId: 1, cycleId: 5 });
    await fire(11, { ruleId: 1, cycleId: null });
    expect(await ruleFiredInCycle(db, { conversationId: 10, ruleId: 1, cycleId: 5 })).toBe(true);
    expect(await ruleFiredInCycle(db, { conversationId: 10, ruleId: 1, cycleId: 6 })).toBe(false);
    expect(await ruleFiredInCycle(db, { conversationId: 10, ruleId: 2, cycleId: 5 })).toBe(false);
    expect(await ruleFiredInCycle(db, { conversationId: 11, ruleId: 1, cycleId: null })).toBe(true);
    expect(await ruleFiredInCycle(db, { conversationId: 12, ruleId: 1, cycleId: null })).toBe(false);
  });
});
