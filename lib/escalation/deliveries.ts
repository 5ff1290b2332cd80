import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { translator, type Locale } from "@/lib/i18n/messages";
import { emailMessage, slackPayload, type Notice } from "./payload";

// Outgoing webhooks and e-mails share one queue (webhook_deliveries): an e-mail is a row whose
// url is mailto:<address>. Enqueued inside the transaction of the write that causes it, sent by
// the worker; the unique idempotency key makes a repeated evaluation a no-op.

type Queued = { brandId: number; endpointId: number | null; notice: Notice; url: string; body: string; key: string; now: number };

async function enqueue(tx: Tx, q: Queued): Promise<number | null> {
  const [row] = await tx
    .insert(webhookDeliveries)
    .values({
      brandId: q.brandId,
      endpointId: q.endpointId,
      escalationId: q.notice.escalation?.id ?? null,
      url: q.url,
      payload: q.body,
      idempotencyKey: q.key,
      state: "queued",
      attempts: 0,
      nextAttemptAt: new Date(q.now),
      createdAt: new Date(q.now),
    })
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  return row?.id ?? null;
}

/** Queues the notice for an enabled endpoint of the brand; the delivery id, or null when the endpoint is gone, disabled or the key was used. */
export async function enqueueWebhook(tx: Tx, { brandId, endpointId, notice, key, now }: { brandId: number; endpointId: number; notice: Notice; key: string; now: number }): Promise<number | null> {
  const [endpoint] = await tx
    .select({ url: webhookEndpoints.url })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.brandId, brandId), eq(webhookEndpoints.enabled, true)));
  if (!endpoint) return null;
  return enqueue(tx, { brandId, endpointId, notice, url: endpoint.url, body: JSON.stringify(slackPayload(notice)), key, now });
}

/** Queues the notice as an e-mail worded in the recipient's language. */
export async function enqueueEmail(tx: Tx, { brandId, address, locale, notice, key, now }: { brandId: number; address: string; locale: Locale; notice: Notice; key: string; now: number }): Promise<number | null> {
  return enqueue(tx, { brandId, endpointId: null, notice, url: `mailto:${address}`, body: JSON.stringify(emailMessage(notice, translator(locale))), key, now });
}
