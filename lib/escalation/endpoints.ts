import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { encryptCredentials } from "@/lib/security/credentials";
import { enqueueWebhook } from "./deliveries";
import type { Notice } from "./payload";

// Outgoing webhook endpoints of a brand (admins manage them). The signing secret is shown once,
// when created or rotated, and stored encrypted; no function here returns it again.

export const endpointInputSchema = z.object({
  name: z.string().trim().min(1, "An endpoint needs a name.").max(80, "A name is at most 80 characters."),
  url: z
    .string()
    .trim()
    .max(2000, "A URL is at most 2,000 characters.")
    .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), "An http:// or https:// URL."),
});

export type EndpointView = {
  id: number;
  name: string;
  url: string;
  enabled: boolean;
  createdAt: number;
  lastDelivery: { state: string; at: number; error: string | null } | null;
  failed: number;
  queued: number;
};

export type DeliveryView = {
  id: number;
  endpointId: number | null;
  escalationId: number | null;
  target: string;
  state: "queued" | "delivered" | "failed";
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  deliveredAt: number | null;
  createdAt: number;
};

const newSecret = () => `whsec_${crypto.randomBytes(32).toString("base64url")}`;

function parseEndpoint(input: unknown) {
  const parsed = endpointInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new AppError("bad_request:endpoint", fields.map((f) => f.message).join(" "), { fields });
}

export function createWebhookEndpoint({ db, brandId, input, actor }: { db: Db; brandId: number; input: unknown; actor: Actor }): { endpoint: EndpointView; secret: string } {
  const { name, url } = parseEndpoint(input);
  const secret = newSecret();
  const sqlite = db.$client;
  const id = sqlite.transaction(() => {
    const id = Number(sqlite.prepare("INSERT INTO webhook_endpoints (brand_id, name, url, secret, enabled) VALUES (?, ?, ?, ?, 1)").run(brandId, name, url, encryptCredentials({ secret })).lastInsertRowid);
    recordAudit(db, { actor, brandId, action: "webhook_endpoint.create", objectType: "webhook_endpoint", objectId: id, after: { name, url } });
    return id;
  })();
  return { endpoint: requireEndpoint({ db, brandId, id }), secret };
}

export function listWebhookEndpoints({ db, brandId }: { db: Db; brandId: number }): EndpointView[] {
  const rows = db.$client
    .prepare(
      `SELECT e.id, e.name, e.url, e.enabled, e.created_at AS createdAt,
              (SELECT count(*) FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state = 'failed') AS failed,
              (SELECT count(*) FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state = 'queued') AS queued,
              (SELECT json_object('state', d.state, 'at', coalesce(d.delivered_at, d.created_at), 'error', d.last_error)
                 FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.attempts > 0 ORDER BY d.id DESC LIMIT 1) AS last
         FROM webhook_endpoints e WHERE e.brand_id = ? ORDER BY e.name, e.id`,
    )
    .all(brandId) as (Omit<EndpointView, "enabled" | "lastDelivery"> & { enabled: number; last: string | null })[];
  return rows.map(({ last, ...r }) => ({ ...r, enabled: !!r.enabled, lastDelivery: last ? JSON.parse(last) : null }));
}

export function requireEndpoint({ db, brandId, id }: { db: Db; brandId: number; id: number }): EndpointView {
  const endpoint = listWebhookEndpoints({ db, brandId }).find((e) => e.id === id);
  if (!endpoint) throw new AppError("not_found:endpoint", "No such webhook endpoint.");
  return endpoint;
}

export function updateWebhookEndpoint({ db, brandId, id, input, enabled, actor }: { db: Db; brandId: number; id: number; input?: unknown; enabled?: boolean; actor: Actor }): EndpointView {
  const before = requireEndpoint({ db, brandId, id });
  const next = input === undefined ? { name: before.name, url: before.url } : parseEndpoint(input);
  const on = enabled ?? before.enabled;
  db.$client.transaction(() => {
    db.$client.prepare("UPDATE webhook_endpoints SET name = ?, url = ?, enabled = ? WHERE id = ? AND brand_id = ?").run(next.name, next.url, on ? 1 : 0, id, brandId);
    recordAudit(db, { actor, brandId, action: "webhook_endpoint.update", objectType: "webhook_endpoint", objectId: id, before: { name: before.name, url: before.url, enabled: before.enabled }, after: { ...next, enabled: on } });
  })();
  return requireEndpoint({ db, brandId, id });
}

/** A new secret, returned this once; deliveries from now on are signed with it. */
export function rotateWebhookSecret({ db, brandId, id, actor }: { db: Db; brandId: number; id: number; actor: Actor }): string {
  requireEndpoint({ db, brandId, id });
  const secret = newSecret();
  db.$client.transaction(() => {
    db.$client.prepare("UPDATE webhook_endpoints SET secret = ? WHERE id = ? AND brand_id = ?").run(encryptCredentials({ secret }), id, brandId);
    recordAudit(db, { actor, brandId, action: "webhook_endpoint.rotate_secret", objectType: "webhook_endpoint", objectId: id });
  })();
  return secret;
}

// Refused while a rule still sends to it: the rule would silently stop notifying.
export function deleteWebhookEndpoint({ db, brandId, id, actor }: { db: Db; brandId: number; id: number; actor: Actor }): void {
  const before = requireEndpoint({ db, brandId, id });
  const users = db.$client
    .prepare(
      `SELECT r.name FROM escalation_rules r, json_each(r.actions) a
        WHERE r.brand_id = ? AND json_extract(a.value, '$.type') = 'notify_webhook' AND json_extract(a.value, '$.endpointId') = ?`,
    )
    .all(brandId, id) as { name: string }[];
  if (users.length) throw new AppError("conflict:endpoint", `Rules still send to this endpoint: ${[...new Set(users.map((u) => u.name))].join(", ")}. Change them first.`);
  db.$client.transaction(() => {
    db.$client.prepare("UPDATE webhook_deliveries SET state = 'failed', last_error = 'The webhook endpoint was deleted.', next_attempt_at = NULL WHERE endpoint_id = ? AND state = 'queued'").run(id);
    db.$client.prepare("DELETE FROM webhook_endpoints WHERE id = ? AND brand_id = ?").run(id, brandId);
    recordAudit(db, { actor, brandId, action: "webhook_endpoint.delete", objectType: "webhook_endpoint", objectId: id, before: { name: before.name, url: before.url } });
  })();
}

export function listDeliveries({ db, brandId, endpointId, limit = 50 }: { db: Db; brandId: number; endpointId?: number; limit?: number }): DeliveryView[] {
  return db.$client
    .prepare(
      `SELECT id, endpoint_id AS endpointId, escalation_id AS escalationId, url AS target, state, attempts, next_attempt_at AS nextAttemptAt,
              last_error AS lastError, delivered_at AS deliveredAt, created_at AS createdAt
         FROM webhook_deliveries WHERE brand_id = ? ${endpointId ? "AND endpoint_id = ?" : ""} ORDER BY id DESC LIMIT ?`,
    )
    .all(...(endpointId ? [brandId, endpointId] : [brandId]), Math.min(Math.max(limit, 1), 500)) as DeliveryView[];
}

/** Puts a failed delivery back in the queue with the same idempotency key. */
export function retryDelivery({ db, brandId, id, actor, now = Date.now() }: { db: Db; brandId: number; id: number; actor: Actor; now?: number }): void {
  db.$client.transaction(() => {
    const info = db.$client.prepare("UPDATE webhook_deliveries SET state = 'queued', attempts = 0, next_attempt_at = ? WHERE id = ? AND brand_id = ? AND state = 'failed'").run(now, id, brandId);
    if (info.changes === 0) throw new AppError("not_found:delivery", "No failed delivery to retry.");
    recordAudit(db, { actor, brandId, action: "webhook_delivery.retry", objectType: "webhook_delivery", objectId: id });
  })();
}

/** Queues a signed test message to the endpoint; returns the delivery id. */
export function sendTestWebhook({ db, brandId, id, actor, now = Date.now() }: { db: Db; brandId: number; id: number; actor: Actor; now?: number }): number {
  const endpoint = requireEndpoint({ db, brandId, id });
  if (!endpoint.enabled) throw new AppError("conflict:endpoint", "Enable the endpoint before testing it.");
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const brand = sqlite.prepare("SELECT id, slug, name FROM brands WHERE id = ?").get(brandId) as Notice["brand"];
    const notice: Notice = { event: "test", brand, rule: null, escalation: null, conversation: null, cues: ["sent from the webhook settings"], at: now };
    const key = `test:${id}:${crypto.randomUUID()}`;
    enqueueWebhook(sqlite, { brandId, endpointId: id, notice, key, now });
    recordAudit(db, { actor, brandId, action: "webhook_endpoint.test", objectType: "webhook_endpoint", objectId: id });
    return (sqlite.prepare("SELECT id FROM webhook_deliveries WHERE idempotency_key = ?").get(key) as { id: number }).id;
  })();
}
