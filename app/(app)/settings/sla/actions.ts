"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/access";
import { authorize } from "@/lib/auth/authorize";
import { formValues, parseInput, runAction, type ActionState } from "@/lib/auth/action-result";
import { requireActionUser } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { errorText } from "@/lib/i18n/errors";
import { CATEGORIES, checkCalendar, PRIORITIES, type CalendarInput, type PolicyInput } from "@/lib/sla/settings-input";
import { previewDue, type PreviewExample } from "@/lib/sla/settings-preview";
import { createCalendar, createPolicy, deleteCalendar, deletePolicy, movePolicy, policyCalendar, updateCalendar, updatePolicy } from "@/lib/sla/settings";
import { translator, type Translate } from "@/lib/i18n/messages";

const id = z.coerce.number().int().positive();
const optionalId = z.union([z.literal(""), id]).transform((v) => (v === "" ? null : v));
const UNITS = { minutes: 60, hours: 3600 } as const;
const unit = z.enum(["minutes", "hours"]);
const amount = z.coerce.number().positive("must be a positive number").max(100_000);

const calendarJson = z.object({
  timezone: z.string().max(100),
  intervals: z.array(z.object({ day: z.number().int().min(0).max(6), start: z.string().max(5), end: z.string().max(5) })).max(200).nullable(),
  holidays: z.array(z.string().max(10)).max(1000),
});

const calendarForm = z.object({ name: z.string().max(200), calendar: z.string().max(50_000) });

const policyForm = z.object({
  name: z.string().max(200),
  firstResponse: amount,
  firstResponseUnit: unit,
  nextResponse: z.union([z.literal(""), amount]),
  nextResponseUnit: unit,
  atRiskPercent: z.coerce.number().min(1, "must be 1% or more").max(99, "must be 99% or less"),
  calendarId: optionalId,
  channelId: optionalId.optional(),
  category: z.enum(["", ...CATEGORIES]).optional().default(""),
  priority: z.enum(["", ...PRIORITIES]).optional().default(""),
});

function parseCalendar(text: string, t: Translate): Omit<CalendarInput, "name"> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("bad_request:calendar", t("sla.settings.unreadable"));
  }
  const parsed = calendarJson.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request:calendar", t("sla.settings.unreadable"));
  return parsed.data as Omit<CalendarInput, "name">;
}

function toPolicyInput(values: Record<string, string>): PolicyInput {
  const form = parseInput(policyForm, values);
  return {
    name: form.name,
    firstResponseSeconds: Math.round(form.firstResponse * UNITS[form.firstResponseUnit]),
    nextResponseSeconds: form.nextResponse === "" ? null : Math.round(form.nextResponse * UNITS[form.nextResponseUnit]),
    atRiskShare: Math.round(form.atRiskPercent) / 100,
    calendarId: form.calendarId,
    channelId: form.channelId ?? null,
    category: form.category || null,
    priority: form.priority || null,
  };
}

// Authenticate before reading input; lib/sla/settings checks the admin role itself.
async function settingsAction(formData: FormData, body: (ctx: { values: Record<string, string>; user: SessionUser; brandId: number; t: Translate }) => Promise<ActionState>): Promise<ActionState> {
  const user = await requireActionUser();
  const values = formValues(formData);
  return runAction(values, async () => {
    const { brandId } = parseInput(z.object({ brandId: id }), values);
    const result = await body({ values, user, brandId, t: translator(user.locale) });
    revalidatePath("/settings/sla");
    return result;
  });
}

export async function createCalendarAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, async ({ values, user, brandId, t }) => {
    const form = parseInput(calendarForm, values);
    const row = await createCalendar({ user, brandId, input: { name: form.name, ...parseCalendar(form.calendar, t) } });
    return { ok: t("sla.settings.calendarAdded", { name: row.name }) };
  });
}

export async function updateCalendarAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, async ({ values, user, brandId, t }) => {
    const form = parseInput(calendarForm.extend({ calendarId: id }), values);
    const row = await updateCalendar({ user, brandId, id: form.calendarId, input: { name: form.name, ...parseCalendar(form.calendar, t) } });
    return { ok: t("sla.settings.calendarSaved", { name: row.name }) };
  });
}

export async function deleteCalendarAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, async ({ values, user, brandId, t }) => {
    const { calendarId } = parseInput(z.object({ calendarId: id }), values);
    await deleteCalendar({ user, brandId, id: calendarId });
    return { ok: t("sla.settings.calendarDeleted") };
  });
}

export async function createPolicyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, async ({ values, user, brandId, t }) => {
    const row = await createPolicy({ user, brandId, input: toPolicyInput(values) });
    return { ok: t("sla.settings.policyAdded", { name: row.name }) };
  });
}

export async function updatePolicyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, async ({ values, user, brandId, t }) => {
    const { policyId } = parseInput(z.object({ policyId: id }), values);
    const row = await updatePolicy({ user, brandId, id: policyId, input: toPolicyInput(values) });
    return { ok: t("sla.settings.policySaved", { name: row.name }) };
  });
}

export async function deletePolicyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, async ({ values, user, brandId, t }) => {
    const { policyId } = parseInput(z.object({ policyId: id }), values);
    await deletePolicy({ user, brandId, id: policyId });
    return { ok: t("sla.settings.policyDeleted") };
  });
}

export async function movePolicyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, async ({ values, user, brandId, t }) => {
    const { policyId, direction } = parseInput(z.object({ policyId: id, direction: z.enum(["up", "down"]) }), values);
    await movePolicy({ user, brandId, id: policyId, direction });
    return { ok: t(direction === "up" ? "sla.settings.movedUp" : "sla.settings.movedDown") };
  });
}

export type PreviewResult = { examples: PreviewExample[]; timeZone: string } | { error: string };

const previewInput = z.object({
  brandId: id,
  targetSeconds: z.number().int().min(60).max(30 * 86_400),
  atRiskShare: z.number().min(0.01).max(0.99),
  calendarId: z.number().int().positive().nullable().optional(),
  calendar: z.string().max(50_000).optional(),
});

/** The live preview: a saved calendar (or 24/7) by id, or the draft being edited. Any member may look. */
export async function previewAction(input: z.input<typeof previewInput>): Promise<PreviewResult> {
  const user = await requireActionUser();
  const t = translator(user.locale);
  const parsed = previewInput.safeParse(input);
  if (!parsed.success) return { error: t("sla.settings.previewRange") };
  const { brandId, targetSeconds, atRiskShare, calendarId, calendar } = parsed.data;
  try {
    authorize({ actor: { kind: "member", user }, brandId, needs: "agent" });
    const resolved = calendar !== undefined ? checkCalendar(parseCalendar(calendar, t)) : await policyCalendar({ brandId, calendarId: calendarId ?? null });
    return { examples: previewDue({ calendar: resolved, targetSeconds, atRiskShare, now: Date.now() }), timeZone: resolved.timezone };
  } catch (error) {
    if (isAppError(error)) return { error: errorText({ error, locale: user.locale }) };
    console.error("preview failed", error);
    return { error: t("sla.settings.previewFailed") };
  }
}
