import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { database, type Db } from "@/db/client";
import { brands, channels, slaPolicies } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { installDefaultRules } from "@/lib/escalation/rules";
import { roleAtLeast, type SessionUser } from "@/lib/auth/access";
import { translator } from "@/lib/i18n/messages";
import { setMembership } from "@/lib/team/users";
import { DEFAULT_AT_RISK_SHARE, DEFAULT_FIRST_RESPONSE_SECONDS } from "@/lib/sla/defaults";
import { catalogueError } from "@/lib/i18n/errors";

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

// A new brand learns from its team's corrections and replies nightly until an admin changes it.
export const DEFAULT_RETRAIN_EVERY_HOURS = 24;

// A brand always has its `api` channel and a default one-hour, 24/7 SLA policy.
export async function createBrand({
  db = database(),
  slug,
  name,
  timezone = "UTC",
  actor,
}: {
  db?: Db;
  slug: string;
  name: string;
  timezone?: string;
  actor: Actor;
}): Promise<Brand> {
  const parsedSlug = slugSchema.safeParse(slug);
  if (!parsedSlug.success) throw new AppError("bad_request:slug", parsedSlug.error.issues[0].message);
  if (!name.trim()) throw new AppError("bad_request:name", "A brand needs a name.");
  if (!isValidTimezone(timezone)) throw catalogueError("bad_request:timezone", "unknown", { timezone });
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: brands.id }).from(brands).where(eq(brands.slug, slug));
    if (existing) throw new AppError("conflict:brand", `A brand with slug "${slug}" already exists.`);
    const [brand] = await tx.insert(brands).values({ slug, name: name.trim(), timezone, retrainEveryHours: DEFAULT_RETRAIN_EVERY_HOURS }).returning();
    await tx.insert(channels).values({ brandId: brand.id, kind: "api", name: "API" });
    await tx.insert(slaPolicies).values({
      brandId: brand.id,
      name: "Default",
      isDefault: true,
      firstResponseSeconds: DEFAULT_FIRST_RESPONSE_SECONDS,
      atRiskShare: DEFAULT_AT_RISK_SHARE,
    });
    await installDefaultRules({ tx, brandId: brand.id, actor });
    await recordAudit(tx, { actor, brandId: brand.id, action: "brand.create", objectType: "brand", objectId: brand.id, after: brand });
    return brand;
  });
}

export async function updateBrand({
  db = database(),
  brandId,
  name,
  timezone,
  publicStatus,
  retrainEveryHours,
  autoAssign,
  actor,
}: {
  db?: Db;
  brandId: number;
  name?: string;
  timezone?: string;
  publicStatus?: boolean;
  retrainEveryHours?: number | null;
  autoAssign?: boolean;
  actor: Actor;
}): Promise<Brand> {
  if (name !== undefined && !name.trim()) throw new AppError("bad_request:name", "A brand needs a name.");
  if (timezone !== undefined && !isValidTimezone(timezone))
    throw catalogueError("bad_request:timezone", "unknown", { timezone });
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(brands).where(eq(brands.id, brandId));
    if (!before) throw new AppError("not_found:brand");
    const [after] = await tx
      .update(brands)
      .set({
        name: name?.trim() ?? before.name,
        timezone: timezone ?? before.timezone,
        publicStatus: publicStatus ?? before.publicStatus,
        retrainEveryHours: retrainEveryHours === undefined ? before.retrainEveryHours : retrainEveryHours,
        autoAssign: autoAssign ?? before.autoAssign,
      })
      .where(eq(brands.id, brandId))
      .returning();
    await recordAudit(tx, { actor, brandId, action: "brand.update", objectType: "brand", objectId: brandId, before, after });
    return after;
  });
}

export async function getBrandBySlug({ db = database(), slug }: { db?: Db; slug: string }): Promise<Brand | undefined> {
  const [brand] = await db.select().from(brands).where(eq(brands.slug, slug));
  return brand;
}

export async function requireBrandBySlug({ db = database(), slug }: { db?: Db; slug: string }): Promise<Brand> {
  const brand = await getBrandBySlug({ db, slug });
  if (!brand) throw new AppError("not_found:brand", `No brand with slug "${slug}".`);
  return brand;
}

export async function apiChannelId({ db = database(), brandId }: { db?: Db; brandId: number }): Promise<number> {
  const [row] = await db
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.brandId, brandId), eq(channels.kind, "api")));
  if (!row) throw new AppError("not_found:channel", "The brand has no api channel.");
  return row.id;
}

// An admin of any brand may open a new one (an agency adding a client) and becomes its admin.
export async function openBrand({
  db = database(),
  user,
  slug,
  name,
  timezone,
}: {
  db?: Db;
  user: SessionUser;
  slug: string;
  name: string;
  timezone: string;
}): Promise<Brand> {
  if (!user.memberships.some((m) => roleAtLeast(m.role, "admin"))) throw new AppError("forbidden:brand", translator(user.locale)("brands.adminsOnly"));
  const actor = { userId: user.id, label: user.email };
  return db.transaction(async (tx) => {
    const brand = await createBrand({ db: tx, slug, name, timezone, actor });
    await setMembership({ db: tx, userId: user.id, brandId: brand.id, role: "admin", actor });
    return brand;
  });
}
