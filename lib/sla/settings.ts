import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { brands, calendars, channels, slaPolicies } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { requireMembership, type SessionUser } from "@/lib/auth/access";
import { recordChange } from "@/lib/realtime/record-change";
import { ALWAYS_OPEN, type Calendar } from "./calendar";
import { checkCalendar, checkName, checkPolicy, hasScope, sameScope, type CalendarInput, type PolicyInput } from "./settings-input";

export type PolicyRow = typeof slaPolicies.$inferSelect;
export type CalendarRow = typeof calendars.$inferSelect;
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Scope = { db: Db; user: SessionUser; brandId: number };

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
  requireMembership({ user, brandId, role: "admin" });
  return { userId: user.id, label: user.email };
}

export function loadSlaSettings({ db, user, brandId }: Scope): SlaSettings {
  const membership = requireMembership({ user, brandId });
  const policies = db.select().from(slaPolicies).where(eq(slaPolicies.brandId, brandId)).orderBy(asc(slaPolicies.position), asc(slaPolicies.id)).all();
  return {
    canEdit: membership.role === "admin",
    brandTimezone: membership.timezone,
    policies: [...policies.filter((p) => p.isDefault), ...policies.filter((p) => !p.isDefault)],
    calendars: db.select().from(calendars).where(eq(calendars.brandId, brandId)).orderBy(asc(calendars.name), asc(calendars.id)).all(),
    channels: db.select({ id: channels.id, name: channels.name, kind: channels.kind }).from(channels).where(eq(channels.brandId, brandId)).orderBy(asc(channels.kind), asc(channels.name)).all(),
  };
}

/** The calendar a policy counts time in: its own, or 24/7 in the brand's zone (as policy-store reads it). */
export function policyCalendar({ db, brandId, calendarId }: { db: Db; brandId: number; calendarId: number | null }): Calendar {
  if (calendarId === null) {
    const brand = db.select({ timezone: brands.timezone }).from(brands).where(eq(brands.id, brandId)).get();
    return { ...ALWAYS_OPEN, timezone: brand?.timezone ?? "UTC" };
  }
  const row = requireCalendar({ db, brandId, id: calendarId });
  return { timezone: row.timezone, intervals: row.intervals as Calendar["intervals"], holidays: row.holidays };
}

export function requireCalendar({ db, brandId, id }: { db: Pick<Db, "select">; brandId: number; id: number }): CalendarRow {
  const row = db.select().from(calendars).where(and(eq(calendars.id, id), eq(calendars.brandId, brandId))).get();
  if (!row) throw new AppError("not_found:calendar");
  return row;
}

function requirePolicy(tx: Pick<Db, "select">, { brandId, id }: { brandId: number; id: number }): PolicyRow {
  const row = tx.select().from(slaPolicies).where(and(eq(slaPolicies.id, id), eq(slaPolicies.brandId, brandId))).get();
  if (!row) throw new AppError("not_found:policy", "The policy was not found; it may have been deleted.");
  return row;
}

function uniqueName(rows: { id: number; name: string }[], name: string, id: number | null, what: string): void {
  const clash = rows.find((r) => r.id !== id && r.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new AppError("conflict:name", `There is already a ${what} called “${clash.name}”.`);
}

// ---- calendars ----

export function createCalendar({ db, user, brandId, input }: Scope & { input: CalendarInput }): CalendarRow {
  const actor = adminActor({ user, brandId });
  const name = checkName(input.name, "calendar");
  const calendar = checkCalendar(input);
  return db.transaction((tx) => {
    uniqueName(tx.select({ id: calendars.id, name: calendars.name }).from(calendars).where(eq(calendars.brandId, brandId)).all(), name, null, "calendar");
    const row = tx.insert(calendars).values({ brandId, name, ...calendar }).returning().get();
    recordAudit(tx, { actor, brandId, action: "calendar.create", objectType: "calendar", objectId: row.id, after: row });
    return row;
  });
}

// Cycles already running keep the calendar copied onto them; only new cycles see the change.
export function updateCalendar({ db, user, brandId, id, input }: Scope & { id: number; input: CalendarInput }): CalendarRow {
  const actor = adminActor({ user, brandId });
  const name = checkName(input.name, "calendar");
  const calendar = checkCalendar(input);
  return db.transaction((tx) => {
    const before = requireCalendar({ db: tx, brandId, id });
    uniqueName(tx.select({ id: calendars.id, name: calendars.name }).from(calendars).where(eq(calendars.brandId, brandId)).all(), name, id, "calendar");
    const after = tx.update(calendars).set({ name, ...calendar }).where(eq(calendars.id, id)).returning().get();
    recordAudit(tx, { actor, brandId, action: "calendar.update", objectType: "calendar", objectId: id, before, after });
    return after;
  });
}

export function deleteCalendar({ db, user, brandId, id }: Scope & { id: number }): void {
  const actor = adminActor({ user, brandId });
  db.transaction((tx) => {
    const before = requireCalendar({ db: tx, brandId, id });
    const users = tx.select({ name: slaPolicies.name }).from(slaPolicies).where(and(eq(slaPolicies.brandId, brandId), eq(slaPolicies.calendarId, id))).all();
    if (users.length > 0)
      throw new AppError("conflict:calendar", `“${before.name}” is used by ${users.map((u) => `“${u.name}”`).join(", ")}; give that policy another calendar first.`);
    tx.delete(calendars).where(eq(calendars.id, id)).run();
    recordAudit(tx, { actor, brandId, action: "calendar.delete", objectType: "calendar", objectId: id, before });
  });
}

// ---- policies ----

function checkReferences(tx: Tx, brandId: number, input: PolicyInput): void {
  if (input.calendarId !== null) requireCalendar({ db: tx, brandId, id: input.calendarId });
  if (input.channelId !== null) {
    const channel = tx.select({ id: channels.id }).from(channels).where(and(eq(channels.id, input.channelId), eq(channels.brandId, brandId))).get();
    if (!channel) throw new AppError("not_found:channel");
  }
}

// Two policies with the same scope would leave the lower one unreachable.
function checkSiblings(tx: Tx, brandId: number, input: PolicyInput, id: number | null, isDefault: boolean): void {
  const rows = tx.select().from(slaPolicies).where(eq(slaPolicies.brandId, brandId)).all();
  uniqueName(rows, input.name, id, "policy");
  if (isDefault) {
    if (hasScope(input)) throw new AppError("bad_request:policy", "The default policy covers every conversation no other policy matches; it cannot be limited to a channel, category or priority.");
    return;
  }
  if (!hasScope(input)) throw new AppError("bad_request:policy", "Choose a channel, category or priority for this policy; conversations matching none of the policies get the default.");
  const twin = rows.find((r) => r.id !== id && !r.isDefault && sameScope(r, input));
  if (twin) throw new AppError("conflict:policy", `“${twin.name}” already applies to exactly these conversations; change that policy or choose a different scope.`);
}

// Brand-wide figures (the dashboard's target, the public badge) read the policies. The same
// connection, so inside the drizzle transaction.
function changed(db: Db, brandId: number): void {
  recordChange(db.$client, { brandId, kind: "brand", data: { sla: "policies" } });
}

export function createPolicy({ db, user, brandId, input }: Scope & { input: PolicyInput }): PolicyRow {
  const actor = adminActor({ user, brandId });
  const checked = checkPolicy(input);
  return db.transaction((tx) => {
    checkReferences(tx, brandId, checked);
    checkSiblings(tx, brandId, checked, null, false);
    const last = tx.select({ position: slaPolicies.position }).from(slaPolicies).where(eq(slaPolicies.brandId, brandId)).all();
    const position = Math.max(0, ...last.map((r) => r.position + 1));
    const row = tx.insert(slaPolicies).values({ brandId, ...checked, isDefault: false, position }).returning().get();
    recordAudit(tx, { actor, brandId, action: "sla_policy.create", objectType: "sla_policy", objectId: row.id, after: row });
    changed(db, brandId);
    return row;
  });
}

// Running cycles keep the target, calendar and due time they started with.
export function updatePolicy({ db, user, brandId, id, input }: Scope & { id: number; input: PolicyInput }): PolicyRow {
  const actor = adminActor({ user, brandId });
  const checked = checkPolicy(input);
  return db.transaction((tx) => {
    const before = requirePolicy(tx, { brandId, id });
    checkReferences(tx, brandId, checked);
    checkSiblings(tx, brandId, checked, id, before.isDefault);
    const after = tx.update(slaPolicies).set(checked).where(eq(slaPolicies.id, id)).returning().get();
    recordAudit(tx, { actor, brandId, action: "sla_policy.update", objectType: "sla_policy", objectId: id, before, after });
    changed(db, brandId);
    return after;
  });
}

export function deletePolicy({ db, user, brandId, id }: Scope & { id: number }): void {
  const actor = adminActor({ user, brandId });
  db.transaction((tx) => {
    const before = requirePolicy(tx, { brandId, id });
    if (before.isDefault) throw new AppError("conflict:policy", "The default policy cannot be deleted; make another policy the default first.");
    tx.delete(slaPolicies).where(eq(slaPolicies.id, id)).run();
    recordAudit(tx, { actor, brandId, action: "sla_policy.delete", objectType: "sla_policy", objectId: id, before });
    changed(db, brandId);
  });
}

/** Moves a non-default policy one place up or down; positions are renumbered 0..n-1. */
export function movePolicy({ db, user, brandId, id, direction }: Scope & { id: number; direction: "up" | "down" }): PolicyRow[] {
  const actor = adminActor({ user, brandId });
  return db.transaction((tx) => {
    const target = requirePolicy(tx, { brandId, id });
    if (target.isDefault) throw new AppError("bad_request:policy", "The default policy has no place in the order: it applies when no other policy matches.");
    const ordered = tx
      .select()
      .from(slaPolicies)
      .where(and(eq(slaPolicies.brandId, brandId), eq(slaPolicies.isDefault, false)))
      .orderBy(asc(slaPolicies.position), asc(slaPolicies.id))
      .all();
    const from = ordered.findIndex((p) => p.id === id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ordered.length) return ordered;
    const before = ordered.map((p) => p.id);
    [ordered[from], ordered[to]] = [ordered[to], ordered[from]];
    ordered.forEach((p, position) => tx.update(slaPolicies).set({ position }).where(eq(slaPolicies.id, p.id)).run());
    recordAudit(tx, { actor, brandId, action: "sla_policy.reorder", objectType: "sla_policy", objectId: id, before: { order: before }, after: { order: ordered.map((p) => p.id) } });
    changed(db, brandId);
    return ordered.map((p, position) => ({ ...p, position }));
  });
}
