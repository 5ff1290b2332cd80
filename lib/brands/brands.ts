import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { brands, channels, slaPolicies } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { installDefaultRules } from "@/lib/escalation/rules";

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9_-]{1,64}$/, "A slug is 1–64 lowercase letters, digits, '-' or '_'.");

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timezoneSchema = z.string().refine(isValidTimezone, "Unknown time zone.");

export type Brand = typeof brands.$inferSelect;

// A brand always has its `api` channel and a default one-hour, 24/7 SLA policy.
export function createBrand({
  db,
  slug,
  name,
  timezone = "UTC",
  actor,
}: {
  db: Db;
  slug: string;
  name: string;
  timezone?: string;
  actor: Actor;
}): Brand {
  const parsedSlug = slugSchema.safeParse(slug);
  if (!parsedSlug.success) throw new AppError("bad_request:slug", parsedSlug.error.issues[0].message);
  if (!name.trim()) throw new AppError("bad_request:name", "A brand needs a name.");
  if (!isValidTimezone(timezone)) throw new AppError("bad_request:timezone", `Unknown time zone: ${timezone}`);
  return db.transaction((tx) => {
    const existing = tx.select({ id: brands.id }).from(brands).where(eq(brands.slug, slug)).get();
    if (existing) throw new AppError("conflict:brand", `A brand with slug "${slug}" already exists.`);
    const brand = tx.insert(brands).values({ slug, name: name.trim(), timezone }).returning().get();
    tx.insert(channels).values({ brandId: brand.id, kind: "api", name: "API" }).run();
    tx.insert(slaPolicies)
      .values({ brandId: brand.id, name: "Default", isDefault: true, firstResponseSeconds: 3600, atRiskShare: 0.75 })
      .run();
    installDefaultRules({ tx, brandId: brand.id, actor });
    recordAudit(tx, { actor, brandId: brand.id, action: "brand.create", objectType: "brand", objectId: brand.id, after: brand });
    return brand;
  });
}

export function updateBrand({
  db,
  brandId,
  name,
  timezone,
  publicStatus,
  retrainEveryHours,
  autoAssign,
  actor,
}: {
  db: Db;
  brandId: number;
  name?: string;
  timezone?: string;
  publicStatus?: boolean;
  retrainEveryHours?: number | null;
  autoAssign?: boolean;
  actor: Actor;
}): Brand {
  if (name !== undefined && !name.trim()) throw new AppError("bad_request:name", "A brand needs a name.");
  if (timezone !== undefined && !isValidTimezone(timezone))
    throw new AppError("bad_request:timezone", `Unknown time zone: ${timezone}`);
  return db.transaction((tx) => {
    const before = tx.select().from(brands).where(eq(brands.id, brandId)).get();
    if (!before) throw new AppError("not_found:brand");
    const after = tx
      .update(brands)
      .set({
        name: name?.trim() ?? before.name,
        timezone: timezone ?? before.timezone,
        publicStatus: publicStatus ?? before.publicStatus,
        retrainEveryHours: retrainEveryHours === undefined ? before.retrainEveryHours : retrainEveryHours,
        autoAssign: autoAssign ?? before.autoAssign,
      })
      .where(eq(brands.id, brandId))
      .returning()
      .get();
    recordAudit(tx, { actor, brandId, action: "brand.update", objectType: "brand", objectId: brandId, before, after });
    return after;
  });
}

export function getBrandBySlug({ db, slug }: { db: Db; slug: string }): Brand | undefined {
  return db.select().from(brands).where(eq(brands.slug, slug)).get();
}

export function requireBrandBySlug({ db, slug }: { db: Db; slug: string }): Brand {
  const brand = getBrandBySlug({ db, slug });
  if (!brand) throw new AppError("not_found:brand", `No brand with slug "${slug}".`);
  return brand;
}

export function apiChannelId({ db, brandId }: { db: Db; brandId: number }): number {
  const row = db
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.brandId, brandId), eq(channels.kind, "api")))
    .get();
  if (!row) throw new AppError("not_found:channel", "The brand has no api channel.");
  return row.id;
}
