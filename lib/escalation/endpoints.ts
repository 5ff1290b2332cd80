import crypto from "node:crypto";
import { z } from "zod";
import { isRefusedHostLiteral } from "@/lib/security/outbound";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { rulesSendingToEndpoint } from "@/db/json";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { encryptCredentials } from "@/lib/security/credentials";
import { enqueueWebhook } from "./deliveries";
import { brandOf } from "./fire";
import type { Notice } from "./payload";
import { epochMs, epochMsOrNull } from "./sql";

// Outgoing webhook endpoints of a brand (admins manage them: every change authorizes the actor
// as the brand's admin). The signing secret is shown once, when created or rotated, and stored
// encrypted; no function here returns it again.

export const endpointInputSchema = z.object({
  name: z.string().trim().min(1, "An endpoint needs a name.").max(80, "A name is at most 80 characters."),
  url: z
    .string()
    .trim()
    .max(2000, "A URL is at most 2,000 characters.")
    .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), "An http:// or https:// URL.")
    .refine((u) => !URL.canParse(u) || !isRefusedHostLiteral(new URL(u).hostname), "This address is inside a private network; an operator can allow it with OUTBOUND_ALLOW_HOSTS."),
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

// A webhook URL often carries its own credential (Slack's /services/T…/B…/secret): the audit log keeps only where it points.
const maskedUrl = (url: string) => (URL.canParse(url) ? `${new URL(url).origin}/…` : "…");

const newSecret = () => `whsec_${crypto.randomBytes(32).toString("base64url")}`;

function parseEndpoint(input: unknown) {
  const parsed = endpointInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new AppError("bad_request:endpoint", fields.map((f) => f.message).join(" "), { fields });
}

type Change = { db?: Db; brandId: number; id: number; actor: Principal };

const admin = (actor: Principal, brandId: number) => authorize({ actor, brandId, needs: "admin" }).audit;
const endpointOf = (brandId: number, id: number) => and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.brandId, brandId));

export async function createWebhookEndpoint({ db = database(), brandId, input, actor: principal }: { db?: Db; brandId: number; input: unknown; actor: Principal }): Promise<{ endpoint: EndpointView; secret: string }> {
  const actor = admin(principal, brandId);
  const { name, url } = parseEndpoint(input);
  const secret = newSecret();
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(webhookEndpoints).values({ brandId, name, url, secret: encryptCredentials({ secret }), enabled: true }).returning({ id: webhookEndpoints.id });
    await recordAudit(tx, { actor, brandId, action: "webhook_endpoint.create", objectType: "webhook_endpoint", objectId: row.id, after: { name, url: maskedUrl(url) } });
    return row.id;
  });
  return { endpoint: await requireEndpoint({ db, brandId, id }), secret };
}

export async function listWebhookEndpoints({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<EndpointView[]> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id, name: webhookEndpoints.name, url: webhookEndpoints.url, enabled: webhookEndpoints.enabled, createdAt: epochMs(webhookEndpoints.createdAt) })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.brandId, brandId))
    .orderBy(asc(webhookEndpoints.name), asc(webhookEndpoints.id));
  if (endpoints.length === 0) return [];
  const d = webhookDeliveries;
  const tallies = await db
    .select({
      endpointId: d.endpointId,
      failed: sql<number>`sum(CASE WHEN ${d.state} = 'failed' THEN 1 ELSE 0 END)`.mapWith(Number),
      queued: sql<number>`sum(CASE WHEN ${d.state} = 'queued' THEN 1 ELSE 0 END)`.mapWith(Number),
      // The latest delivery that was attempted.
      lastId: sql<number | null>`max(CASE WHEN ${d.attempts} > 0 THEN ${d.id} END)`.mapWith(Number),
    })
    .from(d)
    .where(and(eq(d.brandId, brandId), inArray(d.endpointId, endpoints.map((e) => e.id))))
    .groupBy(d.endpointId);
  const lastIds = tallies.map((t) => t.lastId).filter((id): id is number => id != null);
  const last = lastIds.length
    ? await db
        .select({ id: d.id, state: d.state, at: sql<number>`coalesce(${d.deliveredAt}, ${d.createdAt})`.mapWith(Number), error: d.lastError })
        .from(d)
        .where(inArray(d.id, lastIds))
    : [];
  const lastById = new Map(last.map(({ id, ...delivery }) => [id, delivery]));
  const byEndpoint = new Map(tallies.map((t) => [t.endpointId, t]));
  return endpoints.map((e) => {
    const tally = byEndpoint.get(e.id);
    return { ...e, failed: tally?.failed ?? 0, queued: tally?.queued ?? 0, lastDelivery: (tally?.lastId != null && lastById.get(tally.lastId)) || null };
  });
}

export async function requireEndpoint({ db = database(), brandId, id }: { db?: Db; brandId: number; id: number }): Promise<EndpointView> {
  const endpoint = (await listWebhookEndpoints({ db, brandId })).find((e) => e.id === id);
  if (!endpoint) throw new AppError("not_found:endpoint", "No such webhook endpoint.");
  return endpoint;
}

export async function updateWebhookEndpoint({ db = database(), brandId, id, input, enabled, actor: principal }: Change & { input?: unknown; enabled?: boolean }): Promise<EndpointView> {
  const actor = admin(principal, brandId);
  await db.transaction(async (tx) => {
    const before = await requireEndpoint({ db: tx, brandId, id });
    const next = input === undefined ? { name: before.name, url: before.url } : parseEndpoint(input);
    const on = enabled ?? before.enabled;
    await tx.update(webhookEndpoints).set({ name: next.name, url: next.url, enabled: on }).where(endpointOf(brandId, id));
    await recordAudit(tx, { actor, brandId, action: "webhook_endpoint.update", objectType: "webhook_endpoint", objectId: id, before: { name: before.name, url: maskedUrl(before.url), enabled: before.enabled }, after: { name: next.name, url: maskedUrl(next.url), enabled: on } });
  });
  return requireEndpoint({ db, brandId, id });
}

/** A new secret, returned this once; deliveries from now on are signed with it. */
export async function rotateWebhookSecret({ db = database(), brandId, id, actor: principal }: Change): Promise<string> {
  const actor = admin(principal, brandId);
  const secret = newSecret();
  await db.transaction(async (tx) => {
    await requireEndpoint({ db: tx, brandId, id });
    await tx.update(webhookEndpoints).set({ secret: encryptCredentials({ secret }) }).where(endpointOf(brandId, id));
    await recordAudit(tx, { actor, brandId, action: "webhook_endpoint.rotate_secret", objectType: "webhook_endpoint", objectId: id });
  });
  return secret;
}

// Refused while a rule still sends to it: the rule would silently stop notifying.
export async function deleteWebhookEndpoint({ db = database(), brandId, id, actor: principal }: Change): Promise<void> {
  const actor = admin(principal, brandId);
  await db.transaction(async (tx) => {
    const before = await requireEndpoint({ db: tx, brandId, id });
    const users = await rulesSendingToEndpoint(tx, { brandId, endpointId: id });
    if (users.length) throw new AppError("conflict:endpoint", `Rules still send to this endpoint: ${[...new Set(users)].join(", ")}. Change them first.`);
    await tx
      .update(webhookDeliveries)
      .set({ state: "failed", lastError: "The webhook endpoint was deleted.", nextAttemptAt: null })
      .where(and(eq(webhookDeliveries.endpointId, id), eq(webhookDeliveries.brandId, brandId), eq(webhookDeliveries.state, "queued")));
    await tx.delete(webhookEndpoints).where(endpointOf(brandId, id));
    await recordAudit(tx, { actor, brandId, action: "webhook_endpoint.delete", objectType: "webhook_endpoint", objectId: id, before: { name: before.name, url: maskedUrl(before.url) } });
  });
}

export async function listDeliveries({ db = database(), brandId, endpointId, limit = 50 }: { db?: Db; brandId: number; endpointId?: number; limit?: number }): Promise<DeliveryView[]> {
  const d = webhookDeliveries;
  return db
    .select({
      id: d.id,
      endpointId: d.endpointId,
      escalationId: d.escalationId,
      target: d.url,
      state: d.state,
      attempts: d.attempts,
      nextAttemptAt: epochMsOrNull(d.nextAttemptAt),
      lastError: d.lastError,
      deliveredAt: epochMsOrNull(d.deliveredAt),
      createdAt: epochMs(d.createdAt),
    })
    .from(d)
    .where(and(eq(d.brandId, brandId), endpointId ? eq(d.endpointId, endpointId) : undefined))
    .orderBy(desc(d.id))
    .limit(Math.min(Math.max(limit, 1), 500));
}

/** Puts a failed delivery back in the queue with the same idempotency key. */
export async function retryDelivery({ db = database(), brandId, id, actor: principal, now = Date.now() }: Change & { now?: number }): Promise<void> {
  const actor = admin(principal, brandId);
  await db.transaction(async (tx) => {
    const requeued = await tx
      .update(webhookDeliveries)
      .set({ state: "queued", attempts: 0, nextAttemptAt: new Date(now) })
      .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.brandId, brandId), eq(webhookDeliveries.state, "failed")))
      .returning({ id: webhookDeliveries.id });
    if (requeued.length === 0) throw new AppError("not_found:delivery", "No failed delivery to retry.");
    await recordAudit(tx, { actor, brandId, action: "webhook_delivery.retry", objectType: "webhook_delivery", objectId: id });
  });
}

/** Queues a signed test message to the endpoint; returns the delivery id. */
export async function sendTestWebhook({ db = database(), brandId, id, actor: principal, now = Date.now() }: Change & { now?: number }): Promise<number> {
  const actor = admin(principal, brandId);
  return db.transaction(async (tx) => {
    const endpoint = await requireEndpoint({ db: tx, brandId, id });
    if (!endpoint.enabled) throw new AppError("conflict:endpoint", "Enable the endpoint before testing it.");
    const notice: Notice = { event: "test", brand: await brandOf(tx, brandId), rule: null, escalation: null, conversation: null, cues: ["sent from the webhook settings"], at: now };
    const deliveryId = await enqueueWebhook(tx, { brandId, endpointId: id, notice, key: `test:${id}:${crypto.randomUUID()}`, now });
    await recordAudit(tx, { actor, brandId, action: "webhook_endpoint.test", objectType: "webhook_endpoint", objectId: id });
    return deliveryId!;
  });
}
