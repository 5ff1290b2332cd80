import type Database from "better-sqlite3";
import { prepared } from "./sql";
import { emailMessage, slackPayload, type Notice } from "./payload";

// Outgoing webhooks and e-mails share one queue (webhook_deliveries): an e-mail is a row whose
// url is mailto:<address>. Enqueued inside the transaction of the write that causes it, sent by
// the worker; the unique idempotency key makes a repeated evaluation a no-op.

const INSERT = `INSERT OR IGNORE INTO webhook_deliveries (brand_id, endpoint_id, escalation_id, url, payload, idempotency_key, state, attempts, next_attempt_at, created_at)
  VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)`;

/** Queues the notice for an enabled endpoint of the brand; false when the endpoint is gone, disabled or the key was used. */
export function enqueueWebhook(sqlite: Database.Database, { brandId, endpointId, notice, key, now }: { brandId: number; endpointId: number; notice: Notice; key: string; now: number }): boolean {
  const endpoint = prepared(sqlite, "SELECT url FROM webhook_endpoints WHERE id = ? AND brand_id = ? AND enabled = 1").get(endpointId, brandId) as { url: string } | undefined;
  if (!endpoint) return false;
  const body = JSON.stringify(slackPayload(notice));
  return prepared(sqlite, INSERT).run(brandId, endpointId, notice.escalation?.id ?? null, endpoint.url, body, key, now, now).changes > 0;
}

export function enqueueEmail(sqlite: Database.Database, { brandId, address, notice, key, now }: { brandId: number; address: string; notice: Notice; key: string; now: number }): boolean {
  const body = JSON.stringify(emailMessage(notice));
  return prepared(sqlite, INSERT).run(brandId, null, notice.escalation?.id ?? null, `mailto:${address}`, body, key, now, now).changes > 0;
}
