import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { computeFigure } from "@/lib/metrics/live";
import { notify } from "@/lib/notifications/notify";
import { recordChange } from "@/lib/realtime/record-change";
import { loadBrandRules } from "./compiled";
import { enqueueEmail, enqueueWebhook } from "./deliveries";
import { testBrandRule, type BrandFacts } from "./evaluate";
import { ruleActor } from "./fire";
import { noticeText, type Notice } from "./payload";
import { audienceUserIds, emailsOf } from "./people";
import type { Rule } from "./rule-schema";

export const ALERT_EVERY_MS = 30_000;

type AlertState = { firing: boolean; since: number; cues?: string[] };

const stateKey = (ruleId: number) => `escalation:alert:${ruleId}`;

// Same definition as the inbox's "waiting" tile: requests still waiting for a first reply.
export function waitingRequests({ db, brandId }: { db: Db; brandId: number }): number {
  return (
    db.$client
      .prepare("SELECT count(*) AS n FROM conversations WHERE brand_id = ? AND awaiting_first_response = 1 AND category = 'request' AND status != 'resolved'")
      .get(brandId) as { n: number }
  ).n;
}

export function alertState({ db, ruleId }: { db: Db; ruleId: number }): AlertState | null {
  const row = db.$client.prepare("SELECT value FROM worker_state WHERE key = ?").get(stateKey(ruleId)) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as AlertState) : null;
}

/**
 * Brand-level alerts: fire once when a figure crosses its threshold, then stay quiet until it
 * is back under (re-armed). The armed/firing state is in worker_state, so a restart neither
 * repeats an alert nor misses a crossing. Returns how many alerts fired.
 */
export function checkBrandAlerts({ db, now = Date.now() }: { db: Db; now?: number }): number {
  const sqlite = db.$client;
  const brandIds = (
    sqlite
      .prepare(
        `SELECT DISTINCT brand_id AS id FROM escalation_rules
          WHERE enabled = 1 AND (conditions LIKE '%"live\\_response\\_time\\_above"%' ESCAPE '\\' OR conditions LIKE '%"waiting\\_above"%' ESCAPE '\\')`,
      )
      .all() as { id: number }[]
  ).map((r) => r.id);
  let fired = 0;
  for (const brandId of brandIds) {
    const alerts = loadBrandRules(sqlite, brandId).alerts;
    if (alerts.length === 0) continue;
    const facts = brandFacts({ db, brandId, alerts, now });
    for (const rule of alerts) {
      const cues = testBrandRule(rule, facts);
      const state = alertState({ db, ruleId: rule.id });
      if (cues && !state?.firing) {
        fireAlert({ db, rule, cues, now });
        fired++;
      } else if (!cues && state?.firing) {
        sqlite.transaction(() => {
          saveState(db, rule.id, { firing: false, since: now }, now);
          recordAudit(db, { actor: ruleActor(rule), brandId, action: "brand_alert.clear", objectType: "escalation_rule", objectId: rule.id, after: { facts } });
        })();
      }
    }
  }
  return fired;
}

function brandFacts({ db, brandId, alerts, now }: { db: Db; brandId: number; alerts: Rule[]; now: number }): BrandFacts {
  const usesLive = alerts.some((r) => r.conditions.some((c) => c.type === "live_response_time_above"));
  const liveSeconds = usesLive ? computeFigure({ db, brandId, name: "", now }).displaySeconds : null;
  return { liveSeconds, waiting: waitingRequests({ db, brandId }) };
}

function saveState(db: Db, ruleId: number, state: AlertState, now: number) {
  db.$client
    .prepare("INSERT INTO worker_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
    .run(stateKey(ruleId), JSON.stringify(state), now);
}

function fireAlert({ db, rule, cues, now }: { db: Db; rule: Rule; cues: string[]; now: number }) {
  const sqlite = db.$client;
  const brandId = rule.brandId;
  sqlite.transaction(() => {
    const brand = sqlite.prepare("SELECT id, slug, name FROM brands WHERE id = ?").get(brandId) as Notice["brand"];
    const notice: Notice = { event: "brand_alert.fired", brand, rule: { id: rule.id, name: rule.name }, escalation: null, conversation: null, cues, at: now };
    const key = `alert:${rule.id}:${now}`;
    const inApp = new Set<number>();
    for (const action of rule.actions) {
      if (action.type === "notify_in_app") for (const id of audienceUserIds(sqlite, { brandId, audience: action })) inApp.add(id);
      else if (action.type === "notify_email") {
        const people = audienceUserIds(sqlite, { brandId, audience: action });
        for (const address of new Set([...emailsOf(sqlite, people), ...action.addresses].map((a) => a.toLowerCase())))
          enqueueEmail(sqlite, { brandId, address, notice, key: `${key}:mailto:${address}`, now });
      } else if (action.type === "notify_webhook") enqueueWebhook(sqlite, { brandId, endpointId: action.endpointId, notice, key: `${key}:ep:${action.endpointId}`, now });
    }
    if (inApp.size) notify(sqlite, { brandId, userIds: [...inApp], kind: "brand_alert", text: noticeText(notice), at: now });
    saveState(db, rule.id, { firing: true, since: now, cues }, now);
    recordAudit(db, { actor: ruleActor(rule), brandId, action: "brand_alert.fire", objectType: "escalation_rule", objectId: rule.id, after: { cues } });
    recordChange(sqlite, { brandId, kind: "brand", objectId: rule.id, data: { alert: rule.name, cues }, at: now });
  })();
}
