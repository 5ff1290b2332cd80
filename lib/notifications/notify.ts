import { inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { insertRows, reserveIds } from "@/db/bulk";
import { keptWrites } from "@/db/kept-writes";
import { notifications, users } from "@/db/schema";
import { translator, type Translate } from "@/lib/i18n/messages";
import { recordChange, type Change } from "@/lib/realtime/record-change";
import { enqueuePushes, type PushEvent } from "@/lib/push/enqueue";
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

// In-app notifications; call inside the transaction of the write that causes them so the bell
// and the write agree. Returns the rows' ids, none while the transaction keeps its notifications.
export async function notify(tx: Tx, n: NewNotification): Promise<number[]> {
  if (n.userIds.length === 0) return [];
  const kept = keptNotifications.of(tx);
  if (!kept) return writeNotifications(tx, [n]);
  kept.push(n);
  return [];
}

// Several notifications in a few statements, whatever their number: one read of the people's
// languages, one insert, their changes, one queue of pushes.
async function writeNotifications(tx: Tx, list: NewNotification[]): Promise<number[]> {
  const wordings = list.filter((n) => typeof n.text !== "string");
  const people = [...new Set(wordings.flatMap((n) => n.userIds))];
  const locales = new Map(people.length ? (await tx.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, people))).map((u) => [u.id, u.locale]) : []);
  const each = list.map((n) => ({ n, userIds: [...new Set(n.userIds)], at: n.at ?? Date.now(), conversationId: n.conversationId ?? null }));
  const count = each.reduce((sum, e) => sum + e.userIds.length, 0);
  if (count === 0) return [];
  // Ids first: the changes and the pushes name the rows they follow.
  const [ids] = await reserveIds(tx, [notifications], count);
  let next = 0;
  const rows: Record<string, unknown>[] = [];
  const pushes: PushEvent[] = [];
  const changes: Change[] = [];
  for (const { n, userIds, at, conversationId } of each) {
    const word = n.text;
    const targets = userIds.map((userId) => {
      const id = ids[next++];
      const text = typeof word === "string" ? word : word(translator(locales.get(userId) ?? "en"));
      rows.push({ id, userId, brandId: n.brandId, kind: n.kind, conversationId, escalationId: n.escalationId ?? null, text, createdAt: new Date(at) });
      changes.push({ brandId: n.brandId, kind: "notification", objectId: id, conversationId, userId, at });
      return { userId, eventKey: `notification:${id}` };
    });
    const push = PUSHED[n.kind];
    if (push) pushes.push({ brandId: n.brandId, kind: push, targets, conversationId, title: `push.title.${push}`, body: n.text, at });
  }
  await insertRows(tx, notifications, rows);
  for (const change of changes) await recordChange(tx, change);
  await enqueuePushes(tx, pushes);
  return ids;
}

// A transaction's notifications kept to be written together (an ingest batch's rules).
const keptNotifications = keptWrites<NewNotification>(async (tx, list) => void (await writeNotifications(tx, list)));

/** Runs `fn` with the transaction's notifications kept and written together at its end. */
export const keepingNotifications = <T>(tx: Tx, fn: () => Promise<T>): Promise<T> => keptNotifications.around(tx, fn);
