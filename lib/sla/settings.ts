import { and, asc, eq } from "drizzle-orm";
import { database, type Db, type Tx } from "@/db/client";
import { brands, calendars, channels, slaPolicies } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/access";
import { authorize } from "@/lib/auth/authorize";
import { recordChange } from "@/lib/realtime/record-change";
import { ALWAYS_OPEN, type Calendar } from "./calendar";
import { checkCalendar, checkName, checkPolicy, hasScope, sameScope, type CalendarInput, type PolicyInput } from "./settings-input";
import { catalogueError } from "@/lib/i18n/errors";

export type PolicyRow = typeof slaPolicies.$inferSelect;
export type CalendarRow = typeof calendars.$inferSelect;
type Scope = { db?: Db; user: SessionUser; brandId: number };

export type SlaSettings = {
  canEdit: boolean;
  brandTimezone: string;
  /** Default first, then the order in which equally specific policies win. */
  policies: PolicyRow[];
  calendars: CalendarRow[];
  channels: { id: number; name: string; kind: string }[];
};

// Admins change; every member of the brand may look (DESIGN.md roles).
function adminActor({ user, brandId }: { user: SessionUser; brandId: number }): Actor {
  return authorize({ actor: { kind: "member", user }, brandId, needs: "admin" }).audit;
}

export async function loadSlaSettings({ db = database(), user, brandId }: Scope): Promise<SlaSettings> {
  const { role } = authorize({ actor: { kind: "member", user }, brandId, needs: "agent" });
  const [brand] = await db.select({ timezone: brands.timezone }).from(brands).where(eq(brands.id, brandId)).limit(1);
  const policies = await db.select().from(slaPolicies).where(eq(slaPolicies.brandId, brandId)).orderBy(asc(slaPolicies.position), asc(slaPolicies.id));
  return {
    canEdit: role === "admin",
    brandTimezone: brand.timezone,
    policies: [...policies.filter((p) => p.isDefault), ...policies.filter((p) => !p.isDefault)],
    calendars: await db.select().from(calendars).where(eq(calendars.brandId, brandId)).orderBy(asc(calendars.name), asc(calendars.id)),
    channels: await db.select({ id: channels.id, name: channels.name, kind: channels.kind }).from(channels).where(eq(channels.brandId, brandId)).orderBy(asc(channels.kind), asc(channels.name)),
  };
}

/** The calendar a policy counts time in: its own, or 24/7 in the brand's zone (as policy-store reads it). */
export async function policyCalendar({ db = database(), brandId, calendarId }: { db?: Db; brandId: number; calendarId: number | null }): Promise<Calendar> {
  if (calendarId === null) {
    const [brand] = await db.select({ timezone: brands.timezone }).from(brands).where(eq(brands.id, brandId)).limit(1);
    return { ...ALWAYS_OPEN, timezone: brand?.timezone ?? "UTC" };
  }
  const row = await requireCalendar({ db, brandId, id: calendarId });
  return { timezone: row.timezone, intervals: row.intervals as Calendar["intervals"], holidays: row.holidays };
}

export async function requireCalendar({ db, brandId, id }: { db: Db; brandId: number; id: number }): Promise<CalendarRow> {
  const [row] = await db.select().from(calendars).where(and(eq(calendars.id, id), eq(calendars.brandId, brandId))).limit(1);
  if (!row) throw new AppError("not_found:calendar");
  return row;
}

async function requirePolicy(tx: Db, { brandId, id }: { brandId: number; id: number }): Promise<PolicyRow> {
  const [row] = await tx.select().from(slaPolicies).where(and(eq(slaPolicies.id, id), eq(slaPolicies.brandId, brandId))).limit(1);
  if (!row) throw new AppError("not_found:policy", "The policy was not found; it may have been deleted.");
  return row;
}

function uniqueName(rows: { id: number; name: string }[], name: string, id: number | null, what: "calendar" | "policy"): void {
  const clash = rows.find((r) => r.id !== id && r.name.toLowerCase() === name.toLowerCase());
  if (clash) throw catalogueError("conflict:name", what, { name: clash.name });
}

function calendarNames(tx: Tx, brandId: number) {
  return tx.select({ id: calendars.id, name: calendars.name }).from(calendars).where(eq(calendars.brandId, brandId));
}

// ---- calendars ----

export async function createCalendar({ db = database(), user, brandId, input }: Scope & { input: CalendarInput }): Promise<CalendarRow> {
  const actor = adminActor({ user, brandId });
  const name = checkName(input.name, "calendar");
  const calendar = checkCalendar(input);
  return db.transaction(async (tx) => {
    uniqueName(await calendarNames(tx, brandId), name, null, "calendar");
    const [row] = await tx.insert(calendars).values({ brandId, name, ...calendar }).returning();
    await recordAudit(tx, { actor, brandId, action: "calendar.create", objectType: "calendar", objectId: row.id, after: row });
    return row;
  });
}

// Cycles already running keep the calendar copied onto them; only new cycles see the change.
export async function updateCalendar({ db = database(), user, brandId, id, input }: Scope & { id: number; input: CalendarInput }): Promise<CalendarRow> {
  const actor = adminActor({ user, brandId });
  const name = checkName(input.name, "calendar");
  const calendar = checkCalendar(input);
  return db.transaction(async (tx) => {
    const before = await requireCalendar({ db: tx, brandId, id });
    uniqueName(await calendarNames(tx, brandId), name, id, "calendar");
    const [after] = await tx
      .update(calendars)
      .set({ name, ...calendar })
      .where(and(eq(calendars.id, id), eq(calendars.brandId, brandId)))
      .returning();
    await recordAudit(tx, { actor, brandId, action: "calendar.update", objectType: "calendar", objectId: id, before, after });
    return after;
  });
}

export async function deleteCalendar({ db = database(), user, brandId, id }: Scope & { id: number }): Promise<void> {
  const actor = adminActor({ user, brandId });
  await db.transaction(async (tx) => {
    const before = await requireCalendar({ db: tx, brandId, id });
    const users = await tx.select({ name: slaPolicies.name }).from(slaPolicies).where(and(eq(slaPolicies.brandId, brandId), eq(slaPolicies.calendarId, id)));
    if (users.length > 0)
      throw catalogueError("conflict:calendar", "used", { name: before.name, policies: users.map((u) => `“${u.name}”`).join(", ") });
    await tx.delete(calendars).where(and(eq(calendars.id, id), eq(calendars.brandId, brandId)));
    await recordAudit(tx, { actor, brandId, action: "calendar.delete", objectType: "calendar", objectId: id, before });
  });
}

// ---- policies ----

async function checkReferences(tx: Tx, brandId: number, input: PolicyInput): Promise<void> {
  if (input.calendarId !== null) await requireCalendar({ db: tx, brandId, id: input.calendarId });
  if (input.channelId !== null) {
    const [channel] = await tx.select({ id: channels.id }).from(channels).where(and(eq(channels.id, input.channelId), eq(channels.brandId, brandId))).limit(1);
    if (!channel) throw new AppError("not_found:channel");
  }
}

// Two policies with the same scope would leave the lower one unreachable.
async function checkSiblings(tx: Tx, brandId: number, input: PolicyInput, id: number | null, isDefault: boolean): Promise<void> {
  const rows = await tx.select().from(slaPolicies).where(eq(slaPolicies.brandId, brandId));
  uniqueName(rows, input.name, id, "policy");
  if (isDefault) {
    if (hasScope(input)) throw new AppError("bad_request:policy", "The default policy covers every conversation no other policy matches; it cannot be limited to a channel, category or priority.");
    return;
  }
  if (!hasScope(input)) throw new AppError("bad_request:policy", "Choose a channel, category or priority for this policy; conversations matching none of the policies get the default.");
  const twin = rows.find((r) => r.id !== id && !r.isDefault && sameScope(r, input));
  if (twin) throw catalogueError("conflict:policy", "twin", { name: twin.name });
}

// Brand-wide figures (the dashboard's target, the public badge) read the policies.
function changed(tx: Tx, brandId: number): Promise<void> {
  return recordChange(tx, { brandId, kind: "brand", data: { sla: "policies" } });
}

export async function createPolicy({ db = database(), user, brandId, input }: Scope & { input: PolicyInput }): Promise<PolicyRow> {
  const actor = adminActor({ user, brandId });
  const checked = checkPolicy(input);
  return db.transaction(async (tx) => {
    await checkReferences(tx, brandId, checked);
    await checkSiblings(tx, brandId, checked, null, false);
    const last = await tx.select({ position: slaPolicies.position }).from(slaPolicies).where(eq(slaPolicies.brandId, brandId));
    const position = Math.max(0, ...last.map((r) => r.position + 1));
    const [row] = await tx.insert(slaPolicies).values({ brandId, ...checked, isDefault: false, position }).returning();
    await recordAudit(tx, { actor, brandId, action: "sla_policy.create", objectType: "sla_policy", objectId: row.id, after: row });
    await changed(tx, brandId);
    return row;
  });
}

// Running cycles keep the target, calendar and due time they started with.
export async function updatePolicy({ db = database(), user, brandId, id, input }: Scope & { id: number; input: PolicyInput }): Promise<PolicyRow> {
  const actor = adminActor({ user, brandId });
  const checked = checkPolicy(input);
  return db.transaction(async (tx) => {
    const before = await requirePolicy(tx, { brandId, id });
    await checkReferences(tx, brandId, checked);
    await checkSiblings(tx, brandId, checked, id, before.isDefault);
    const [after] = await tx
      .update(slaPolicies)
      .set(checked)
      .where(and(eq(slaPolicies.id, id), eq(slaPolicies.brandId, brandId)))
      .returning();
    await recordAudit(tx, { actor, brandId, action: "sla_policy.update", objectType: "sla_policy", objectId: id, before, after });
    await changed(tx, brandId);
    return after;
  });
}

export async function deletePolicy({ db = database(), user, brandId, id }: Scope & { id: number }): Promise<void> {
  const actor = adminActor({ user, brandId });
  await db.transaction(async (tx) => {
    const before = await requirePolicy(tx, { brandId, id });
    if (before.isDefault) throw new AppError("conflict:policy", "The default policy cannot be deleted; make another policy the default first.");
    await tx.delete(slaPolicies).where(and(eq(slaPolicies.id, id), eq(slaPolicies.brandId, brandId)));
    await recordAudit(tx, { actor, brandId, action: "sla_policy.delete", objectType: "sla_policy", objectId: id, before });
    await changed(tx, brandId);
  });
}

/** Moves a non-default policy one place up or down; positions are renumbered 0..n-1. */
export async function movePolicy({ db = database(), user, brandId, id, direction }: Scope & { id: number; direction: "up" | "down" }): Promise<PolicyRow[]> {
  const actor = adminActor({ user, brandId });
  return db.transaction(async (tx) => {
    const target = await requirePolicy(tx, { brandId, id });
    if (target.isDefault) throw new AppError("bad_request:policy", "The default policy has no place in the order: it applies when no other policy matches.");
    const ordered = await tx
      .select()
      .from(slaPolicies)
      .where(and(eq(slaPolicies.brandId, brandId), eq(slaPolicies.isDefault, false)))
      .orderBy(asc(slaPolicies.position), asc(slaPolicies.id));
    const from = ordered.findIndex((p) => p.id === id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ordered.length) return ordered;
    const before = ordered.map((p) => p.id);
    [ordered[from], ordered[to]] = [ordered[to], ordered[from]];
    for (const [position, p] of ordered.entries())
      await tx
        .update(slaPolicies)
        .set({ position })
        .where(and(eq(slaPolicies.id, p.id), eq(slaPolicies.brandId, brandId)));
    await recordAudit(tx, { actor, brandId, action: "sla_policy.reorder", objectType: "sla_policy", objectId: id, before: { order: before }, after: { order: ordered.map((p) => p.id) } });
    await changed(tx, brandId);
    return ordered.map((p, position) => ({ ...p, position }));
  });
}
