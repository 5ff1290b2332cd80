import crypto from "node:crypto";
import net from "node:net";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { database, type Db } from "@/db/client";
import { PUSH_KINDS, pushDeliveries, pushSubscriptions, users, type PushKind } from "@/db/schema";
import { translator } from "@/lib/i18n/messages";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { allowedOutbound, isRefusedHostLiteral } from "@/lib/security/outbound";
import { isTimeZone } from "./quiet-hours";

/** endpointHash lets a browser find its own row without the endpoint (a capability URL) being sent back. */
export type PushDevice = { id: number; endpointHash: string; label: string; kinds: PushKind[]; quietStart: number | null; quietEnd: number | null; timezone: string; lastSentAt: number | null; createdAt: number };

const base64url = (bytes: number) =>
  z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/)
    .refine((value) => Buffer.from(value, "base64url").length === bytes);

const settingsSchema = z.object({
  label: z.string().trim().min(1).max(60),
  kinds: z.array(z.enum(PUSH_KINDS)).max(PUSH_KINDS.length),
  quietStart: z.number().int().min(0).max(1439).nullable(),
  quietEnd: z.number().int().min(0).max(1439).nullable(),
  timezone: z.string().max(64),
});
export type PushSettings = z.infer<typeof settingsSchema>;

const subscriptionSchema = z.object({
  endpoint: z.string().max(1000),
  // The browser's P-256 public key (uncompressed point) and its 16-byte auth secret.
  keys: z.object({ p256dh: base64url(65), auth: base64url(16) }),
});

/**
 * A push endpoint is a URL the browser names, so it is held to the outbound guard's rules: https
 * only (plain http for hosts an operator allows in OUTBOUND_ALLOW_HOSTS, as tests do), no private addresses.
 */
export function checkEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError("bad_request:push", "The browser gave a push address that cannot be used; turn push off and on again.");
  }
  const allowed = allowedOutbound();
  const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  const plainAllowed = url.protocol === "http:" && (allowed.hosts.has(host) || (net.isIP(host) !== 0 && allowed.addresses.check(host, net.isIPv6(host) ? "ipv6" : "ipv4")));
  if ((url.protocol !== "https:" && !plainAllowed) || url.username || url.password || isRefusedHostLiteral(host))
    throw new AppError("bad_request:push", "The browser gave a push address that cannot be used; turn push off and on again.");
  return url.href;
}

export function endpointHash(endpoint: string): string {
  return crypto.createHash("sha256").update(endpoint).digest("hex").slice(0, 32);
}

function checkSettings(input: unknown): PushSettings {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request:push", "The push settings are not valid; check them and try again.", { fields: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
  const settings = parsed.data;
  if ((settings.quietStart == null) !== (settings.quietEnd == null)) throw new AppError("bad_request:push", "Give both ends of the quiet hours, or neither.");
  if (!isTimeZone(settings.timezone)) throw new AppError("bad_request:push", "Unknown time zone.");
  return { ...settings, kinds: [...new Set(settings.kinds)] };
}

/** Turns push on for this browser, or updates it: one row per endpoint, owned by whoever subscribed it last. */
export async function savePushSubscription({ db = database(), userId, input }: { db?: Db; userId: number; input: unknown }): Promise<number> {
  const parsed = subscriptionSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request:push", "The browser's push keys are not valid; turn push off and on again.");
  const endpoint = checkEndpoint(parsed.data.endpoint);
  const settings = checkSettings(input);
  const row = { userId, endpoint, p256dh: parsed.data.keys.p256dh, auth: parsed.data.keys.auth, ...settings };
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(pushSubscriptions)
      .values(row)
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: row })
      .returning({ id: pushSubscriptions.id });
    await recordAudit(tx, { actor: { userId, label: `user:${userId}` }, brandId: null, action: "push.subscribe", objectType: "push_subscription", objectId: saved.id, after: { label: settings.label, kinds: settings.kinds } });
    return saved.id;
  });
}

export async function listPushDevices({ db = database(), userId }: { db?: Db; userId: number }): Promise<PushDevice[]> {
  const s = pushSubscriptions;
  const rows = await db
    .select({ id: s.id, endpoint: s.endpoint, label: s.label, kinds: s.kinds, quietStart: s.quietStart, quietEnd: s.quietEnd, timezone: s.timezone, lastSentAt: s.lastSentAt, createdAt: s.createdAt })
    .from(s)
    .where(eq(s.userId, userId))
    .orderBy(asc(s.createdAt), asc(s.id));
  return rows.map(({ endpoint, ...r }) => ({ ...r, endpointHash: endpointHash(endpoint), lastSentAt: r.lastSentAt?.getTime() ?? null, createdAt: r.createdAt.getTime() }));
}

export async function updatePushDevice({ db = database(), userId, id, input }: { db?: Db; userId: number; id: number; input: unknown }): Promise<void> {
  const settings = checkSettings(input);
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(pushSubscriptions)
      .set(settings)
      .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)))
      .returning({ id: pushSubscriptions.id });
    if (changed.length === 0) throw new AppError("not_found:push", "That device is not in your list any more.");
    await recordAudit(tx, { actor: { userId, label: `user:${userId}` }, brandId: null, action: "push.update", objectType: "push_subscription", objectId: id, after: { label: settings.label, kinds: settings.kinds, quietStart: settings.quietStart, quietEnd: settings.quietEnd } });
  });
}

/** Turns push off for one device of this user; what was waiting for it is dropped. */
export async function removePushDevice({ db = database(), userId, id }: { db?: Db; userId: number; id: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)))
      .returning({ id: pushSubscriptions.id });
    if (removed.length === 0) throw new AppError("not_found:push", "That device is not in your list any more.");
    await tx.update(pushDeliveries).set({ state: "gone", payload: "{}" }).where(and(eq(pushDeliveries.subscriptionId, id), eq(pushDeliveries.userId, userId), eq(pushDeliveries.state, "queued")));
    await recordAudit(tx, { actor: { userId, label: `user:${userId}` }, brandId: null, action: "push.unsubscribe", objectType: "push_subscription", objectId: id });
  });
}

/** A test notification to one of my devices, sent by the worker like any other push. */
export async function queueTestPush({ db = database(), userId, id, now = Date.now() }: { db?: Db; userId: number; id: number; now?: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const [device] = await tx
      .select({ id: pushSubscriptions.id, locale: users.locale })
      .from(pushSubscriptions)
      .innerJoin(users, eq(users.id, pushSubscriptions.userId))
      .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)));
    if (!device) throw new AppError("not_found:push", "That device is not in your list any more.");
    const t = translator(device.locale);
    const payload = { title: t("push.test.title"), body: t("push.test.body"), url: "/account", tag: "push-test", lang: device.locale, at: now };
    await tx.insert(pushDeliveries).values({ subscriptionId: id, userId, eventKey: `test:${now}`, kind: "mention", payload: JSON.stringify(payload), state: "queued", nextAttemptAt: new Date(now) }).onConflictDoNothing();
  });
}
