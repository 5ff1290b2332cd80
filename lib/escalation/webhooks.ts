import crypto from "node:crypto";
import { and, eq, lte, notInArray, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { nextUnclaimed } from "@/db/claim";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { decryptCredentials } from "@/lib/security/credentials";
import { guardedFetch, OutboundError, type OutboundReply } from "@/lib/security/outbound";
import { sendEmailNotice } from "./mail";

export { enqueueWebhook, enqueueEmail } from "./deliveries";

export const MAX_DELIVERY_ATTEMPTS = 8;
const TIMEOUT_MS = 10_000;
const LEASE_MS = 5 * 60_000;
const MAX_WAIT_MS = 60 * 60_000;

export type AttemptResult = { ok: true } | { ok: false; retryable: boolean; reason: string; retryAfterMs?: number };

/** `sha256=<hex>` of HMAC-SHA256(secret, timestamp + "." + body): what receivers recompute. */
export function signWebhook({ secret, timestamp, body }: { secret: string; timestamp: string; body: string }): string {
  return `sha256=${crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function backoffMs(attempts: number): number {
  return Math.min(MAX_WAIT_MS, 10_000 * 2 ** Math.max(0, attempts - 1));
}

// Retry-After is seconds or an HTTP date.
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(MAX_WAIT_MS, Math.max(0, ms)) : undefined;
}

type Due = { id: number; brandId: number; endpointId: number | null; url: string; payload: string; idempotencyKey: string; attempts: number };

/**
 * Sends due webhook and e-mail deliveries. A row is leased before its attempt so a second
 * worker never sends it at the same time; once delivered it is never selected again, and every
 * retry carries the same Idempotency-Key (and e-mails the same Message-ID). The network is
 * called between transactions, never inside one.
 */
export async function deliverDueWebhooks({ db = database(), now = Date.now(), limit = 20 }: { db?: Db; now?: number; limit?: number } = {}): Promise<number> {
  const d = webhookDeliveries;
  let sent = 0;
  const tried: number[] = [];
  for (let i = 0; i < limit; i++) {
    // A delivery this run already tried waits for the next run, whatever its retry time.
    const due = and(eq(d.state, "queued"), lte(d.nextAttemptAt, new Date(now)), tried.length ? notInArray(d.id, tried) : undefined);
    // Claimed in a transaction of its own; of several servers exactly one gets a row.
    const [row]: Due[] = await db.transaction((tx) =>
      tx
        .update(d)
        .set({ attempts: sql`${d.attempts} + 1`, nextAttemptAt: new Date(now + LEASE_MS) })
        .where(and(due, nextUnclaimed(tx, { table: d, id: d.id, where: due, orderBy: d.nextAttemptAt })))
        .returning({ id: d.id, brandId: d.brandId, endpointId: d.endpointId, url: d.url, payload: d.payload, idempotencyKey: d.idempotencyKey, attempts: d.attempts }),
    );
    if (!row) break;
    tried.push(row.id);
    const result = await attempt(db, row, now);
    // `attempts` was returned by the claim, which counted this one.
    const attempts = row.attempts;
    const mine = and(eq(d.id, row.id), eq(d.brandId, row.brandId));
    if (result.ok) {
      await db.transaction((tx) => tx.update(d).set({ state: "delivered", deliveredAt: new Date(), lastError: null, nextAttemptAt: null }).where(mine));
      sent++;
    } else {
      const retry = result.retryable && attempts < MAX_DELIVERY_ATTEMPTS;
      const reason = retry || !result.retryable ? result.reason : `${result.reason} (gave up after ${attempts} attempts)`;
      const next = retry ? new Date(now + (result.retryAfterMs ?? backoffMs(attempts))) : null;
      await db.transaction((tx) => tx.update(d).set({ state: retry ? "queued" : "failed", lastError: reason.slice(0, 500), nextAttemptAt: next }).where(mine));
    }
  }
  return sent;
}

async function attempt(db: Db, row: Due, now: number): Promise<AttemptResult> {
  if (row.url.startsWith("mailto:")) return sendEmailNotice({ to: row.url.slice("mailto:".length), payload: row.payload, key: row.idempotencyKey });
  const [endpoint] =
    row.endpointId == null
      ? []
      : await db
          .select({ url: webhookEndpoints.url, secret: webhookEndpoints.secret, enabled: webhookEndpoints.enabled })
          .from(webhookEndpoints)
          .where(and(eq(webhookEndpoints.id, row.endpointId), eq(webhookEndpoints.brandId, row.brandId)));
  if (!endpoint) return { ok: false, retryable: false, reason: "The webhook endpoint was deleted." };
  if (!endpoint.enabled) return { ok: false, retryable: false, reason: "The webhook endpoint is disabled." };
  const secret = decryptCredentials(endpoint.secret).secret;
  return postWebhook({ url: endpoint.url, secret, body: row.payload, key: row.idempotencyKey, now });
}

export async function postWebhook({ url, secret, body, key, now = Date.now() }: { url: string; secret: string; body: string; key: string; now?: number }): Promise<AttemptResult> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  let response: OutboundReply;
  try {
    response = await guardedFetch({
      url,
      method: "POST",
      timeoutMs: TIMEOUT_MS,
      headers: {
        "content-type": "application/json",
        "user-agent": "Replyhour-Webhooks/1",
        "x-replyhour-timestamp": timestamp,
        "x-replyhour-signature": signWebhook({ secret, timestamp, body }),
        "idempotency-key": key,
      },
      body,
    });
  } catch (error) {
    const e = error instanceof OutboundError ? error : new OutboundError("network");
    if (e.code === "refused") return { ok: false, retryable: false, reason: e.message };
    return { ok: false, retryable: true, reason: e.code === "timeout" ? `No answer within ${TIMEOUT_MS / 1000} s` : e.message };
  }
  if (response.status >= 200 && response.status < 300) return { ok: true };
  // Only the status: the receiver's body is never shown back (it could be an internal page).
  const reason = `HTTP ${response.status}`;
  if (response.status === 429) return { ok: false, retryable: true, reason, retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), now) };
  if (response.status >= 500 || response.status === 408 || response.status === 425) return { ok: false, retryable: true, reason };
  if (response.status >= 300 && response.status < 400) return { ok: false, retryable: false, reason: `${reason} (redirects are not followed; use the final URL)` };
  return { ok: false, retryable: false, reason };
}
