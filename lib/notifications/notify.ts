import { inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { translator, type Translate } from "@/lib/i18n/messages";
import { recordChange } from "@/lib/realtime/record-change";
import { enqueuePush } from "@/lib/push/enqueue";
import type { PushKind } from "@/db/schema";

export type NotificationKind = "escalation" | "mention" | "sla_breach" | "brand_alert" | "assignment";

export type NewNotification = {
  brandId: number;
  userIds: number[];
  kind: NotificationKind;
  /** Worded for each recipient in their interface language (a plain string is kept as it is). */
  text: string | ((t: Translate) => string);
  conversationId?: number | null;
  escalationId?: number | null;
  at?: number;
};

// The notifications that also go to the devices of people who chose them.
const PUSHED: Partial<Record<NotificationKind, PushKind>> = { escalation: "escalation", mention: "mention" };

// In-app notifications; call inside the transaction of the write that causes them so the bell and the write agree.
export async function notify(tx: Tx, n: NewNotification): Promise<number[]> {
  const userIds = [...new Set(n.userIds)];
  if (userIds.length === 0) return [];
  const at = n.at ?? Date.now();
  const conversationId = n.conversationId ?? null;
  const word = n.text;
  const locales = typeof word === "string" ? new Map() : new Map((await tx.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u.locale]));
  const textFor = (userId: number) => (typeof word === "string" ? word : word(translator(locales.get(userId) ?? "en")));
  const rows = await tx
    .insert(notifications)
    .values(userIds.map((userId) => ({ userId, brandId: n.brandId, kind: n.kind, conversationId, escalationId: n.escalationId ?? null, text: textFor(userId), createdAt: new Date(at) })))
    .returning({ id: notifications.id, userId: notifications.userId });
  for (const row of rows) await recordChange(tx, { brandId: n.brandId, kind: "notification", objectId: row.id, conversationId, userId: row.userId, at });
  const push = PUSHED[n.kind];
  if (push)
    await enqueuePush(tx, { brandId: n.brandId, kind: push, targets: rows.map((r) => ({ userId: r.userId, eventKey: `notification:${r.id}` })), conversationId, title: `push.title.${push}`, body: n.text, at });
  return rows.map((r) => r.id);
}
