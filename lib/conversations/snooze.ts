import { and, eq, inArray, lte } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { conversations } from "@/db/schema";
import { readOffset } from "@/lib/sla/time-zone";
import { recordAudit } from "@/lib/audit/record";
import { recordChange } from "@/lib/realtime/record-change";

export const SNOOZE_PRESETS = ["1h", "tomorrow", "monday", "custom"] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The instant of a local wall-clock time ("YYYY-MM-DDTHH:MM") in a zone; a time skipped by DST moves forward. */
export function localToInstant({ local, timeZone }: { local: string; timeZone: string }): number | null {
  const wall = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  if (Number.isNaN(wall)) return null;
  let at = wall - readOffset({ timeZone, at: wall });
  at = wall - readOffset({ timeZone, at });
  return at;
}

function localDay(at: number, timeZone: string): { day: string; weekday: number } {
  const local = new Date(at + readOffset({ timeZone, at }));
  return { day: local.toISOString().slice(0, 10), weekday: (local.getUTCDay() + 6) % 7 };
}

/** When a snooze preset ends, in the agent's zone: 1 h from now, tomorrow 9:00, next Monday 9:00, or a typed local time. */
export function snoozeUntil({ preset, now, timeZone, custom }: { preset: SnoozePreset; now: number; timeZone: string; custom?: string | null }): number | null {
  if (preset === "1h") return now + HOUR;
  if (preset === "custom") return custom ? localToInstant({ local: custom, timeZone }) : null;
  const today = localDay(now, timeZone);
  const daysAhead = preset === "tomorrow" ? 1 : 7 - today.weekday;
  const day = new Date(Date.parse(`${today.day}T12:00:00Z`) + daysAhead * DAY).toISOString().slice(0, 10);
  return localToInstant({ local: `${day}T09:00`, timeZone });
}

/**
 * Snoozed conversations whose time has come are open again (the worker calls this; a customer
 * writing meanwhile already reopened theirs). Uses conversations_noise_idle via category IN.
 */
export async function wakeSnoozed({ db = database(), now = Date.now() }: { db?: Db; now?: number } = {}): Promise<number> {
  const c = conversations;
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: c.id, brandId: c.brandId })
      .from(c)
      .where(and(inArray(c.category, ["request", "noise"]), eq(c.status, "snoozed"), lte(c.snoozedUntil, new Date(now))))
      .limit(500);
    for (const row of due) {
      await tx
        .update(c)
        .set({ status: "open", snoozedUntil: null, updatedAt: new Date(now) })
        .where(and(eq(c.id, row.id), eq(c.brandId, row.brandId), eq(c.status, "snoozed")));
      await recordAudit(tx, { actor: { userId: null, label: "system:snooze" }, brandId: row.brandId, action: "conversation.wake", objectType: "conversation", objectId: row.id });
      await recordChange(tx, { brandId: row.brandId, kind: "conversation", objectId: row.id, conversationId: row.id, at: now });
    }
    return due.length;
  });
}
