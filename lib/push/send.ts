import { and, asc, eq, lte, sql } from "drizzle-orm";
import webPush from "web-push";
import { database, type Db } from "@/db/client";
import { pushDeliveries, pushSubscriptions } from "@/db/schema";
import { getSecrets } from "@/lib/security/secrets";
import { guardedFetch, OutboundError } from "@/lib/security/outbound";

const MAX_ATTEMPTS = 5;
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
// A push older than this is no longer worth showing; push services drop it after the TTL.
const TTL_SECONDS = 4 * 3600;

export function vapidSubject(): string {
  const site = process.env.REPLYHOUR_URL ?? "";
  return process.env.VAPID_SUBJECT || (site.startsWith("https://") ? site : "mailto:push@localhost");
}

/** The key browsers need to subscribe: public by design. */
export function vapidPublicKey(): string {
  return getSecrets().vapidPublicKey;
}

type Device = { endpoint: string; p256dh: string; auth: string };
type Outcome = { sent: true } | { sent: false; gone?: true; retry: boolean; reason: string };

/** One encrypted Web Push message (RFC 8291, aes128gcm) with VAPID, through the outbound guard. */
export async function sendPush({ device, payload, urgency = "high" }: { device: Device; payload: string; urgency?: webPush.Urgency }): Promise<Outcome> {
  const { vapidPublicKey: publicKey, vapidPrivateKey: privateKey } = getSecrets();
  const request = webPush.generateRequestDetails({ endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } }, payload, {
    vapidDetails: { subject: vapidSubject(), publicKey, privateKey },
    TTL: TTL_SECONDS,
    contentEncoding: "aes128gcm",
    urgency,
  });
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
  try {
    const reply = await guardedFetch({ url: request.endpoint, method: request.method, headers, body: request.body ?? undefined, timeoutMs: TIMEOUT_MS });
    if (reply.status >= 200 && reply.status < 300) return { sent: true };
    // The browser dropped the subscription (RFC 8030 §7.3): forget the device.
    if (reply.status === 404 || reply.status === 410) return { sent: false, gone: true, retry: false, reason: `The push service answered ${reply.status}: the device unsubscribed.` };
    const retry = reply.status === 429 || reply.status >= 500;
    return { sent: false, retry, reason: `The push service answered ${reply.status}.` };
  } catch (error) {
    if (error instanceof OutboundError) return { sent: false, retry: error.code !== "refused", reason: error.message };
    throw error;
  }
}

const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 30 * 60_000);

/**
 * Sends the queued pushes that are due. A delivery is leased before it is sent, so a second worker
 * never sends it again; a sent one keeps no text. Runs under the worker's lease.
 */
export async function sendDuePushes({ db = database(), now = Date.now(), limit = 50 }: { db?: Db; now?: number; limit?: number } = {}): Promise<number> {
  const d = pushDeliveries;
  const s = pushSubscriptions;
  const due = await db
    .select({ id: d.id, userId: d.userId, subscriptionId: d.subscriptionId, payload: d.payload, attempts: d.attempts, endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth, ownerId: s.userId })
    .from(d)
    .leftJoin(s, eq(s.id, d.subscriptionId))
    .where(and(eq(d.state, "queued"), lte(d.nextAttemptAt, new Date(now))))
    .orderBy(asc(d.nextAttemptAt), asc(d.id))
    .limit(limit);
  let sent = 0;
  for (const row of due) {
    const mine = and(eq(d.id, row.id), eq(d.userId, row.userId));
    // The device was removed, or now belongs to someone else who signed in on it.
    if (row.endpoint == null || row.ownerId !== row.userId) {
      await db.transaction((tx) => tx.update(d).set({ state: "gone", payload: "{}", nextAttemptAt: null }).where(mine));
      continue;
    }
    const leased = await db.transaction((tx) =>
      tx
        .update(d)
        .set({ attempts: sql`${d.attempts} + 1`, nextAttemptAt: new Date(now + LEASE_MS) })
        .where(and(mine, eq(d.state, "queued"), lte(d.nextAttemptAt, new Date(now))))
        .returning({ id: d.id }),
    );
    if (leased.length === 0) continue;
    const outcome = await sendPush({ device: { endpoint: row.endpoint, p256dh: row.p256dh!, auth: row.auth! }, payload: row.payload });
    const attempts = row.attempts + 1;
    await db.transaction(async (tx) => {
      if (outcome.sent) {
        await tx.update(d).set({ state: "sent", payload: "{}", sentAt: new Date(), lastError: null, nextAttemptAt: null }).where(mine);
        await tx.update(s).set({ lastSentAt: new Date() }).where(and(eq(s.id, row.subscriptionId), eq(s.userId, row.userId)));
        return;
      }
      if (outcome.gone) {
        await tx.delete(s).where(and(eq(s.id, row.subscriptionId), eq(s.userId, row.userId)));
        await tx.update(d).set({ state: "gone", payload: "{}", lastError: outcome.reason, nextAttemptAt: null }).where(and(eq(d.subscriptionId, row.subscriptionId), eq(d.userId, row.userId), eq(d.state, "queued")));
        await tx.update(d).set({ state: "gone", payload: "{}", lastError: outcome.reason, nextAttemptAt: null }).where(mine);
        return;
      }
      const retry = outcome.retry && attempts < MAX_ATTEMPTS;
      await tx
        .update(d)
        .set({ state: retry ? "queued" : "failed", payload: retry ? row.payload : "{}", lastError: outcome.reason.slice(0, 500), nextAttemptAt: retry ? new Date(now + backoffMs(attempts)) : null })
        .where(mine);
    });
    if (outcome.sent) sent++;
  }
  return sent;
}
