import { createHmac, timingSafeEqual } from "node:crypto";
import type { InboundEventInput } from "@/lib/ingest/event";
import { arr, id, obj, str } from "./read";
import { parseFeedChange } from "./meta-feed";
import { parseInstagramComment } from "./meta-instagram";
import { parseMessaging } from "./meta-messaging";

export type MetaObject = "page" | "instagram";

export type MetaWebhookGroup = {
  object: MetaObject;
  /** Page id or Instagram professional account id: routes the entry to a channel. */
  accountId: string;
  events: InboundEventInput[];
  /** External ids of echoes of messages our own app sent: already stored by the outbox. */
  fromOurApp: string[];
  /** Entries, changes or messages of an unknown or malformed shape. */
  skipped: number;
};

export function verifyMetaSignature({ rawBody, header, appSecret }: { rawBody: Buffer; header: string | null; appSecret: string }): boolean {
  if (!header || !appSecret) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match) return false;
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], "hex"));
}

export function metaVerifyChallenge({ query, verifyToken }: { query: URLSearchParams; verifyToken: string }): { ok: true; challenge: string } | { ok: false } {
  const token = query.get("hub.verify_token") ?? "";
  const challenge = query.get("hub.challenge");
  if (query.get("hub.mode") !== "subscribe" || challenge === null || !verifyToken) return { ok: false };
  const a = Buffer.from(token);
  const b = Buffer.from(verifyToken);
  return a.length === b.length && timingSafeEqual(a, b) ? { ok: true, challenge } : { ok: false };
}

export function parseMetaWebhook(body: unknown, options: { appId?: string } = {}): MetaWebhookGroup[] {
  const root = obj(body);
  const object = str(root?.object);
  if (object !== "page" && object !== "instagram") return [];
  const groups: MetaWebhookGroup[] = [];
  for (const rawEntry of arr(root?.entry)) {
    const entry = obj(rawEntry);
    const accountId = id(entry?.id);
    if (!entry || !accountId) continue;
    const group: MetaWebhookGroup = { object, accountId, events: [], fromOurApp: [], skipped: 0 };
    const ctx = { accountId, entryTime: entry.time, appId: options.appId, group };
    for (const change of arr(entry.changes)) parseChange({ object, change, ctx });
    for (const item of arr(entry.messaging)) parseMessaging({ item, ctx });
    groups.push(group);
  }
  return groups;
}

export type MetaContext = { accountId: string; entryTime: unknown; appId?: string; group: MetaWebhookGroup };

function parseChange({ object, change, ctx }: { object: MetaObject; change: unknown; ctx: MetaContext }) {
  const c = obj(change);
  const field = str(c?.field);
  if (field === "messages") return parseMessaging({ item: c?.value, ctx });
  if (object === "page" && field === "feed") return parseFeedChange({ value: c?.value, ctx });
  if (object === "instagram" && (field === "comments" || field === "live_comments")) {
    return parseInstagramComment({ value: c?.value, ctx });
  }
  ctx.group.skipped++;
}
