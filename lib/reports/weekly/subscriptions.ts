import crypto from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { brands, weeklyReportSubscriptions } from "@/db/schema";
import { roleAtLeast, type SessionUser } from "@/lib/auth/access";
import { authorize } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record";
import { getSecrets } from "@/lib/security/secrets";

export type WeeklyReportChoice = { brandId: number; name: string; subscribed: boolean };

const managed = (user: SessionUser) => user.memberships.filter((m) => roleAtLeast(m.role, "manager"));

/** The brands whose weekly report the user may receive (manager or admin), and which they chose. */
export async function weeklyReportChoices({ db = database(), user }: { db?: Db; user: SessionUser }): Promise<WeeklyReportChoice[]> {
  const brandsOf = managed(user);
  if (brandsOf.length === 0) return [];
  const rows = await db
    .select({ brandId: weeklyReportSubscriptions.brandId })
    .from(weeklyReportSubscriptions)
    .where(and(eq(weeklyReportSubscriptions.userId, user.id), inArray(weeklyReportSubscriptions.brandId, brandsOf.map((m) => m.brandId))));
  const chosen = new Set(rows.map((r) => r.brandId));
  return brandsOf.map((m) => ({ brandId: m.brandId, name: m.name, subscribed: chosen.has(m.brandId) })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Opts the user in or out of one brand's weekly report; managers and admins of that brand only. */
export async function setWeeklyReportOptIn({ db = database(), user, brandId, subscribed }: { db?: Db; user: SessionUser; brandId: number; subscribed: boolean }): Promise<void> {
  const actor = authorize({ actor: { kind: "member", user }, brandId, needs: "manager" }).audit;
  await db.transaction(async (tx) => {
    if (subscribed) {
      const added = await tx.insert(weeklyReportSubscriptions).values({ userId: user.id, brandId }).onConflictDoNothing();
      if (added.changes > 0) await recordAudit(tx, { actor, brandId, action: "weekly_report.subscribe", objectType: "user", objectId: user.id });
    } else {
      const removed = await tx.delete(weeklyReportSubscriptions).where(and(eq(weeklyReportSubscriptions.userId, user.id), eq(weeklyReportSubscriptions.brandId, brandId)));
      if (removed.changes > 0) await recordAudit(tx, { actor, brandId, action: "weekly_report.unsubscribe", objectType: "user", objectId: user.id });
    }
  });
}

const tokenFor = ({ userId, brandId }: { userId: number; brandId: number }) =>
  crypto.createHmac("sha256", getSecrets().authSecret).update(`weekly-report-unsubscribe:${userId}:${brandId}`).digest("base64url");

/** The unsubscribe link's token: it names one person and one brand, and nothing else. */
export function unsubscribeToken({ userId, brandId }: { userId: number; brandId: number }): string {
  return tokenFor({ userId, brandId });
}

/**
 * Ends one weekly report subscription by the signed link in its e-mail; null when the token does
 * not match. Returns the brand's name so the page can say what stopped.
 */
export async function unsubscribeByToken({ db = database(), userId, brandId, token }: { db?: Db; userId: number; brandId: number; token: string }): Promise<{ brand: string } | null> {
  const expected = Buffer.from(tokenFor({ userId, brandId }));
  const given = Buffer.from(token);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  const [brand] = await db.select({ name: brands.name }).from(brands).where(eq(brands.id, brandId)).limit(1);
  if (!brand) return null;
  await db.transaction(async (tx) => {
    const removed = await tx.delete(weeklyReportSubscriptions).where(and(eq(weeklyReportSubscriptions.userId, userId), eq(weeklyReportSubscriptions.brandId, brandId)));
    if (removed.changes > 0) await recordAudit(tx, { actor: { userId, label: "unsubscribe-link" }, brandId, action: "weekly_report.unsubscribe", objectType: "user", objectId: userId });
  });
  return { brand: brand.name };
}
