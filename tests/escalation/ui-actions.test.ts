import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, database, type Db } from "@/db/client";
import { channels } from "@/db/schema";
import { loadSessionUser } from "@/lib/auth/access";
import { resetSecretsCache } from "@/lib/security/secrets";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { inboundEventSchema } from "@/lib/ingest/event";
import type { Classification } from "@/lib/classify/types";
import { makeBrand, makeMember, tempDir, sqlite } from "../helpers/db";
import { form, session } from "../helpers/actions";

// Only the session and Next's cache are stood in for; the database and the lib code are real.
vi.mock("@/lib/auth/session", async () => (await import("../helpers/actions")).sessionModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const queue = await import("@/app/(app)/escalations/actions");
const settings = await import("@/app/(app)/settings/escalation/actions");

let db: Db;
beforeAll(() => {
  closeDatabase();
  process.env.DATABASE_PATH = path.join(tempDir(), "ui-actions.db");
  process.env.AUTH_SECRET = "ui-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "ui-credentials-key-0123456789abcdef";
  resetSecretsCache();
  db = database();
});
beforeEach(() => {
  session.user = null;
});

const as = async (user: { id: number }) => {
  session.user = await loadSessionUser({ db, userId: user.id });
};

const negative = (text: string): Classification => ({
  language: "en",
  category: "request",
  complaint: /awful/.test(text),
  sentiment: /awful/.test(text) ? "negative" : "neutral",
  sentimentScore: /awful/.test(text) ? -0.9 : 0,
  confidence: 0.9,
  reasons: [],
  modelVersion: "test",
});

async function world() {
  const brand = await makeBrand({ db });
  const other = await makeBrand({ db });
  const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "facebook", name: "FB", accountId: `p-${brand.id}` }).returning());
  const texts = ["awful service, I want a refund", "thanks, all good", "awful again"];
  await ingestBatch({
    db,
    brandId: brand.id,
    items: texts.map((text, i) => ({ event: inboundEventSchema.parse({ externalId: `e-${brand.id}-${i}`, text, createdAt: new Date().toISOString(), author: { id: `a${i}` } }), channelId: channel.id })),
    classifyText: negative,
  });
  const escalationId = (sqlite(db).prepare("SELECT id FROM escalations WHERE brand_id = ? ORDER BY id LIMIT 1").get(brand.id) as { id: number }).id;
  return {
    brand,
    other,
    escalationId,
    admin: await makeMember({ db, brandId: brand.id, role: "admin" }),
    manager: await makeMember({ db, brandId: brand.id, role: "manager" }),
    agent: await makeMember({ db, brandId: brand.id, role: "agent" }),
    otherManager: await makeMember({ db, brandId: other.id, role: "manager" }),
    otherAdmin: await makeMember({ db, brandId: other.id, role: "admin" }),
  };
}

const status = (id: number) => sqlite(db).prepare("SELECT status, level, owner_id AS ownerId, note FROM escalations WHERE id = ?").get(id) as { status: string; level: number; ownerId: number | null; note: string | null };

describe("escalation queue actions", () => {
  it("let a manager acknowledge, re-route, raise and resolve with a note, each audited", async () => {
    const w = await world();
    await as(w.manager);
    const ids = { brandId: w.brand.id, escalationId: w.escalationId };
    expect(await queue.acknowledgeAction(null, form(ids))).toMatchObject({ ok: expect.any(String) });
    expect(status(w.escalationId)).toMatchObject({ status: "acknowledged", ownerId: w.manager.id });
    expect(await queue.rerouteAction(null, form({ ...ids, target: `user:${w.admin.id}` }))).toMatchObject({ ok: expect.any(String) });
    expect(status(w.escalationId).ownerId).toBe(w.admin.id);
    expect(await queue.raiseAction(null, form(ids))).toMatchObject({ ok: "Raised to level 2." });
    expect((await queue.resolveAction(null, form({ ...ids, note: "  " })))?.error).toMatch(/what was done/i);
    expect(await queue.resolveAction(null, form({ ...ids, note: "Refund sent, customer thanked us." }))).toMatchObject({ ok: "Resolved." });
    expect(status(w.escalationId)).toMatchObject({ status: "resolved", level: 2, note: "Refund sent, customer thanked us." });
    const audit = sqlite(db).prepare("SELECT action FROM audit_log WHERE object_type = 'escalation' AND object_id = ? AND user_id = ? ORDER BY id").all(String(w.escalationId), w.manager.id);
    expect(audit.map((a) => (a as { action: string }).action)).toEqual(["escalation.acknowledge", "escalation.reroute", "escalation.raise", "escalation.resolve"]);
  });

  it("refuse an agent, another brand's manager, a cross-brand id and a signed-out caller, changing nothing", async () => {
    const w = await world();
    const ids = { brandId: w.brand.id, escalationId: w.escalationId };
    const before = status(w.escalationId);
    for (const person of [w.agent, w.otherManager]) {
      await as(person);
      expect((await queue.acknowledgeAction(null, form(ids)))?.error).toBeTruthy();
      expect((await queue.raiseAction(null, form(ids)))?.error).toBeTruthy();
      expect((await queue.rerouteAction(null, form({ ...ids, target: "level:2" })))?.error).toBeTruthy();
      expect((await queue.resolveAction(null, form({ ...ids, note: "x" })))?.error).toBeTruthy();
    }
    await as(w.agent);
    expect((await queue.acknowledgeAction(null, form(ids)))?.error).toMatch(/manager/);
    // Through the manager's own brand, the other brand's escalation does not exist.
    await as(w.otherManager);
    expect((await queue.acknowledgeAction(null, form({ brandId: w.other.id, escalationId: w.escalationId })))?.error).toMatch(/no such escalation/i);
    session.user = null;
    await expect(queue.acknowledgeAction(null, form(ids))).rejects.toThrow();
    expect(status(w.escalationId)).toEqual(before);
  });
});

const validRule = { name: "Lawyers", enabled: true, match: "any", conditions: [{ type: "keywords", terms: ["refund", "lawyer"] }], actions: [{ type: "set_priority", priority: "urgent" }] };
const ruleCount = (brandId: number) => (sqlite(db).prepare("SELECT count(*) AS n FROM escalation_rules WHERE brand_id = ?").get(brandId) as { n: number }).n;

describe("escalation settings actions", () => {
  it("let a manager dry-run, create, disable, move and delete a rule; invalid fields come back by path", async () => {
    const w = await world();
    await as(w.manager);
    const base = ruleCount(w.brand.id);
    const invalid = await settings.saveRuleAction(null, form({ brandId: w.brand.id, rule: JSON.stringify({ ...validRule, name: "", conditions: [{ type: "keywords", terms: [] }] }) }));
    expect(invalid?.fieldErrors).toMatchObject({ name: expect.any(String), "conditions.0.terms": "Add at least one keyword." });
    expect(ruleCount(w.brand.id)).toBe(base);

    const dry = await settings.dryRunAction(null, form({ brandId: w.brand.id, rule: JSON.stringify(validRule) }));
    expect(dry?.dryRun).toMatchObject({ examined: 3, matched: 1 });
    expect(dry?.dryRun?.matches[0].text).toBe("awful service, I want a refund");
    expect(dry?.dryRun?.matches[0].cues.join(" ")).toContain("refund");
    expect(ruleCount(w.brand.id)).toBe(base);

    expect(await settings.saveRuleAction(null, form({ brandId: w.brand.id, rule: JSON.stringify(validRule) }))).toMatchObject({ ok: expect.stringContaining("Lawyers") });
    const ruleId = (sqlite(db).prepare("SELECT id FROM escalation_rules WHERE brand_id = ? AND name = 'Lawyers'").get(w.brand.id) as { id: number }).id;
    expect(await settings.saveRuleAction(null, form({ brandId: w.brand.id, ruleId, rule: JSON.stringify({ ...validRule, name: "Lawyers and press" }) }))).toMatchObject({ ok: expect.any(String) });
    expect(await settings.setRuleEnabledAction(null, form({ brandId: w.brand.id, ruleId, enabled: "false" }))).toMatchObject({ ok: "Rule disabled." });
    expect(await settings.moveRuleAction(null, form({ brandId: w.brand.id, ruleId, direction: "up" }))).toMatchObject({ ok: expect.any(String) });
    const order = sqlite(db).prepare("SELECT name, enabled FROM escalation_rules WHERE brand_id = ? ORDER BY position, id").all(w.brand.id) as { name: string; enabled: number }[];
    expect(order.at(-2)).toEqual({ name: "Lawyers and press", enabled: 0 });
    expect(await settings.deleteRuleAction(null, form({ brandId: w.brand.id, ruleId }))).toMatchObject({ ok: "Rule deleted." });
    expect(ruleCount(w.brand.id)).toBe(base);
  });

  it("refuse rules to an agent and another brand's manager, and endpoints to a manager", async () => {
    const w = await world();
    const ruleId = (sqlite(db).prepare("SELECT id FROM escalation_rules WHERE brand_id = ? ORDER BY position LIMIT 1").get(w.brand.id) as { id: number }).id;
    const base = ruleCount(w.brand.id);
    for (const person of [w.agent, w.otherManager, w.otherAdmin]) {
      await as(person);
      expect((await settings.saveRuleAction(null, form({ brandId: w.brand.id, rule: JSON.stringify(validRule) })))?.error).toBeTruthy();
      expect((await settings.dryRunAction(null, form({ brandId: w.brand.id, rule: JSON.stringify(validRule) })))?.error).toBeTruthy();
      expect((await settings.setRuleEnabledAction(null, form({ brandId: w.brand.id, ruleId, enabled: "false" })))?.error).toBeTruthy();
      expect((await settings.deleteRuleAction(null, form({ brandId: w.brand.id, ruleId })))?.error).toBeTruthy();
      expect((await settings.createEndpointAction(null, form({ brandId: w.brand.id, name: "x", url: "https://example.test/hook" })))?.error).toBeTruthy();
    }
    // Through their own brand, the other brand's rule does not exist.
    await as(w.otherAdmin);
    expect((await settings.deleteRuleAction(null, form({ brandId: w.other.id, ruleId })))?.error).toMatch(/no such/i);
    await as(w.manager);
    expect((await settings.createEndpointAction(null, form({ brandId: w.brand.id, name: "x", url: "https://example.test/hook" })))?.error).toMatch(/admin/);
    session.user = null;
    await expect(settings.saveRuleAction(null, form({ brandId: w.brand.id, rule: JSON.stringify(validRule) }))).rejects.toThrow();
    expect(ruleCount(w.brand.id)).toBe(base);
    expect(sqlite(db).prepare("SELECT enabled FROM escalation_rules WHERE id = ?").get(ruleId)).toEqual({ enabled: 1 });
    expect(sqlite(db).prepare("SELECT count(*) AS n FROM webhook_endpoints WHERE brand_id = ?").get(w.brand.id)).toEqual({ n: 0 });
  });

  it("let an admin add an endpoint whose secret is answered once and stored encrypted, then disable and delete it", async () => {
    const w = await world();
    await as(w.admin);
    const created = await settings.createEndpointAction(null, form({ brandId: w.brand.id, name: "Slack", url: "https://hooks.example.test/abc" }));
    expect(created?.secret).toMatch(/^whsec_/);
    const row = sqlite(db).prepare("SELECT id, secret FROM webhook_endpoints WHERE brand_id = ?").get(w.brand.id) as { id: number; secret: string };
    expect(row.secret).not.toContain(created!.secret!);
    expect((await settings.createEndpointAction(null, form({ brandId: w.brand.id, name: "Bad", url: "ftp://x" })))?.error).toMatch(/http/);
    expect(await settings.endpointAction(null, form({ brandId: w.brand.id, endpointId: row.id, op: "disable" }))).toMatchObject({ ok: expect.stringContaining("disabled") });
    expect(await settings.endpointAction(null, form({ brandId: w.brand.id, endpointId: row.id, op: "delete" }))).toMatchObject({ ok: "Endpoint deleted." });
    expect(sqlite(db).prepare("SELECT count(*) AS n FROM webhook_endpoints WHERE brand_id = ?").get(w.brand.id)).toEqual({ n: 0 });
  });
});
