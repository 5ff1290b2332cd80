import { and, eq, ne, sql } from "drizzle-orm";
import { database, type Db, type Tx } from "@/db/client";
import { conversations, workerState } from "@/db/schema";
import { brandsWithRuleConditions } from "@/db/json";
import { recordAudit } from "@/lib/audit/record";
import { computeFigure } from "@/lib/metrics/live";
import { notify } from "@/lib/notifications/notify";
import { recordChange } from "@/lib/realtime/record-change";
import { loadBrandRules } from "./compiled";
import { enqueueEmail, enqueueWebhook } from "./deliveries";
import { testBrandRule, type BrandFacts } from "./evaluate";
import { brandOf, ruleActor } from "./fire";
import { noticeText, type Notice } from "./payload";
import { audienceUserIds, mailRecipients } from "./people";
import { BRAND_CONDITION_TYPES, type Rule } from "./rule-schema";

export const ALERT_EVERY_MS = 30_000;

type AlertState = { firing: boolean; since: number; cues?: string[] };

const stateKey = (ruleId: number) => `escalation:alert:${ruleId}`;

// Same definition as the inbox's "waiting" tile: requests still waiting for a first reply.
export async function waitingRequests({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<number> {
  return db.$count(
    conversations,
    and(eq(conversations.brandId, brandId), eq(conversations.awaitingFirstResponse, true), eq(conversations.category, "request"), ne(conversations.status, "resolved")),
  );
}

export async function alertState({ db = database(), ruleId }: { db?: Db; ruleId: number }): Promise<AlertState | null> {
  const [row] = await db.select({ value: workerState.value }).from(workerState).where(eq(workerState.key, stateKey(ruleId)));
  return row ? (JSON.parse(row.value) as AlertState) : null;
}

/**
 * Brand-level alerts: fire once when a figure crosses its threshold, then stay quiet until it
 * is back under (re-armed). The armed/firing state is in worker_state, so a restart neither
 * repeats an alert nor misses a crossing. Returns how many alerts fired.
 */
export async function checkBrandAlerts({ db = database(), now = Date.now() }: { db?: Db; now?: number } = {}): Promise<number> {
  let fired = 0;
  for (const brandId of await brandsWithRuleConditions(db, { types: BRAND_CONDITION_TYPES })) {
    const alerts = (await loadBrandRules(db, brandId)).alerts;
    if (alerts.length === 0) continue;
    const facts = await brandFacts({ db, brandId, alerts, now });
    for (const rule of alerts) {
      const cues = await testBrandRule(rule, facts);
      if (!!cues === !!(await alertState({ db, ruleId: rule.id }))?.firing) continue;
      // Read again where it is written, so two checks never both fire.
      const changed = await db.transaction(async (tx) => {
        const state = await alertState({ db: tx, ruleId: rule.id });
        if (cues && !state?.firing) {
          await fireAlert({ tx, rule, cues, now });
          return true;
        }
        if (!cues && state?.firing) {
          await saveState(tx, rule.id, { firing: false, since: now }, now);
          await recordAudit(tx, { actor: ruleActor(rule), brandId, action: "brand_alert.clear", objectType: "escalation_rule", objectId: rule.id, after: { facts } });
        }
        return false;
      });
      if (changed) fired++;
    }
  }
  return fired;
}

async function brandFacts({ db, brandId, alerts, now }: { db: Db; brandId: number; alerts: Rule[]; now: number }): Promise<BrandFacts> {
  const usesLive = alerts.some((r) => r.conditions.some((c) => c.type === "live_response_time_above"));
  const liveSeconds = usesLive ? (await computeFigure({ db, brandId, name: "", now })).displaySeconds : null;
  return { liveSeconds, waiting: await waitingRequests({ db, brandId }) };
}

async function saveState(tx: Tx, ruleId: number, state: AlertState, now: number) {
  await tx
    .insert(workerState)
    .values({ key: stateKey(ruleId), value: JSON.stringify(state), updatedAt: new Date(now) })
    .onConflictDoUpdate({ target: workerState.key, set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` } });
}

async function fireAlert({ tx, rule, cues, now }: { tx: Tx; rule: Rule; cues: string[]; now: number }) {
  const brandId = rule.brandId;
  const brand = await brandOf(tx, brandId);
  const notice: Notice = { event: "brand_alert.fired", brand, rule: { id: rule.id, name: rule.name }, escalation: null, conversation: null, cues, at: now };
  const key = `alert:${rule.id}:${now}`;
  const inApp = new Set<number>();
  for (const action of rule.actions) {
    if (action.type === "notify_in_app") for (const id of await audienceUserIds(tx, { brandId, audience: action })) inApp.add(id);
    else if (action.type === "notify_email") {
      const people = await audienceUserIds(tx, { brandId, audience: action });
      for (const { address, locale } of await mailRecipients(tx, people, action.addresses))
        await enqueueEmail(tx, { brandId, address, locale, notice, key: `${key}:mailto:${address}`, now });
    } else if (action.type === "notify_webhook") await enqueueWebhook(tx, { brandId, endpointId: action.endpointId, notice, key: `${key}:ep:${action.endpointId}`, now });
  }
  if (inApp.size) await notify(tx, { brandId, userIds: [...inApp], kind: "brand_alert", text: (t) => noticeText(notice, t), at: now });
  await saveState(tx, rule.id, { firing: true, since: now, cues }, now);
  await recordAudit(tx, { actor: ruleActor(rule), brandId, action: "brand_alert.fire", objectType: "escalation_rule", objectId: rule.id, after: { cues } });
  await recordChange(tx, { brandId, kind: "brand", objectId: rule.id, data: { alert: rule.name, cues }, at: now });
}
