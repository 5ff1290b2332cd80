import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { brands, pushDeliveries, pushSubscriptions, users, type PushKind } from "@/db/schema";
import { translator, type MessageKey, type Translate } from "@/lib/i18n/messages";
import { isQuiet } from "./quiet-hours";

export type PushPayload = { title: string; body: string; url: string; tag: string; lang: string; at: number };

export type PushEvent = {
  brandId: number;
  kind: PushKind;
  /** One key per person and event: with the device it makes the unique key of a delivery. */
  targets: { userId: number; eventKey: string }[];
  conversationId: number | null;
  title: MessageKey;
  /** Text already written, a catalogue entry, or a wording: each worded in the device owner's language. */
  body: string | { key: MessageKey; vars: Record<string, string> } | ((t: Translate) => string);
  at: number;
};

const TITLE_LIMIT = 120;
const BODY_LIMIT = 300;
const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

/**
 * Queues a push for every device of the targets that chose this kind, inside the transaction of
 * the event, so the push and the event agree. Devices in their quiet hours get a muted row: the
 * event is settled for them and is not sent later, when it would be old news.
 */
export function enqueuePush(tx: Tx, event: PushEvent): Promise<number> {
  return enqueuePushes(tx, [event]);
}

/** Several events' pushes, their devices and brands read once (an ingest batch's notifications). */
export async function enqueuePushes(tx: Tx, events: PushEvent[]): Promise<number> {
  const userIds = [...new Set(events.flatMap((e) => e.targets.map((t) => t.userId)))];
  if (userIds.length === 0) return 0;
  const devices = await tx
    .select({ id: pushSubscriptions.id, userId: pushSubscriptions.userId, kinds: pushSubscriptions.kinds, quietStart: pushSubscriptions.quietStart, quietEnd: pushSubscriptions.quietEnd, timezone: pushSubscriptions.timezone, locale: users.locale })
    .from(pushSubscriptions)
    .innerJoin(users, eq(users.id, pushSubscriptions.userId))
    .where(and(inArray(pushSubscriptions.userId, userIds), eq(users.disabled, false)));
  if (devices.length === 0) return 0;
  const brandIds = [...new Set(events.map((e) => e.brandId))];
  const brandRows = await tx.select({ id: brands.id, slug: brands.slug, name: brands.name }).from(brands).where(inArray(brands.id, brandIds));
  const brandOf = new Map(brandRows.map((b) => [b.id, b]));
  const rows = events.flatMap((event) => {
    const brand = brandOf.get(event.brandId);
    if (!brand) return [];
    const keyOf = new Map(event.targets.map((t) => [t.userId, t.eventKey]));
    const wanted = devices.filter((d) => keyOf.has(d.userId) && d.kinds.includes(event.kind));
    const slug = encodeURIComponent(brand.slug);
    const url = event.conversationId != null ? `/inbox?brand=${slug}&c=${event.conversationId}` : `/inbox?brand=${slug}`;
    return wanted.map((device) => {
      const t = translator(device.locale);
      const payload: PushPayload = {
        title: clip(t(event.title, { brand: brand.name }), TITLE_LIMIT),
        body: clip(typeof event.body === "string" ? event.body : typeof event.body === "function" ? event.body(t) : t(event.body.key, event.body.vars), BODY_LIMIT),
        url,
        tag: event.conversationId != null ? `conversation-${event.conversationId}` : `brand-${event.brandId}`,
        lang: device.locale,
        at: event.at,
      };
      const muted = isQuiet({ at: event.at, quiet: { start: device.quietStart, end: device.quietEnd, timeZone: device.timezone } });
      return {
        subscriptionId: device.id,
        userId: device.userId,
        eventKey: keyOf.get(device.userId)!,
        kind: event.kind,
        payload: muted ? "{}" : JSON.stringify(payload),
        state: muted ? ("muted" as const) : ("queued" as const),
        nextAttemptAt: muted ? null : new Date(event.at),
      };
    });
  });
  if (rows.length === 0) return 0;
  const inserted = await tx.insert(pushDeliveries).values(rows).onConflictDoNothing().returning({ id: pushDeliveries.id });
  return inserted.length;
}
