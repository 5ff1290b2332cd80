"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { requireActionUser } from "@/lib/auth/session";
import { requireMembership } from "@/lib/auth/access";
import { runAction, formValues, parseInput, type ActionState } from "@/lib/auth/action-result";
import type { Actor } from "@/lib/audit/record";
import { translator, type Translate } from "@/lib/i18n/messages";
import { checkRule, createRule, deleteRule, moveRule, setRuleEnabled, updateRule } from "@/lib/escalation/rules";
import { dryRunRule } from "@/lib/escalation/dry-run";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  retryDelivery,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from "@/lib/escalation/endpoints";

const id = z.coerce.number().int().positive();
const SHOWN_MATCHES = 100;

export type DryRunView = { examined: number; matched: number; brandAlert: boolean; matches: { messageId: number; conversationId: number; text: string; createdAt: number; cues: string[] }[] };
export type RuleFormState = { ok?: string; error?: string; fieldErrors?: Record<string, string>; dryRun?: DryRunView } | null;

type Ctx = { values: Record<string, string>; brandId: number; actor: Actor; t: Translate };

// Rules are a manager's tool; webhook endpoints carry secrets and are an admin's (DESIGN roles).
async function settingsAction<T extends ActionState | RuleFormState>(formData: FormData, role: Role, body: (ctx: Ctx) => T): Promise<T | ActionState> {
  const user = await requireActionUser();
  const values = formValues(formData);
  return runAction(values, () => {
    const { brandId } = parseInput(z.object({ brandId: id }), values);
    requireMembership({ user, brandId, role });
    const result = body({ values, brandId, actor: { userId: user.id, label: user.email }, t: translator(user.locale) });
    revalidatePath("/settings/escalation");
    return result as ActionState;
  });
}

// The editor sends the whole rule as JSON; parseRule (via checkRule) names each bad field.
function ruleJson(values: Record<string, string>): unknown {
  try {
    return JSON.parse(values.rule ?? "");
  } catch {
    return null;
  }
}

export async function saveRuleAction(_prev: RuleFormState, formData: FormData): Promise<RuleFormState> {
  return settingsAction(formData, "manager", ({ values, brandId, actor, t }): RuleFormState => {
    const { ruleId } = parseInput(z.object({ ruleId: id.optional() }), values.ruleId ? { ruleId: values.ruleId } : {});
    const db = getDb();
    const input = ruleJson(values);
    const checked = checkRule({ db, brandId, input });
    if (!checked.ok) return { error: t("rules.notSaved"), fieldErrors: checked.fieldErrors };
    const rule = ruleId ? updateRule({ db, brandId, id: ruleId, input, actor }) : createRule({ db, brandId, input, actor });
    return { ok: ruleId ? t("rules.saved", { name: rule.name }) : t("rules.created", { name: rule.name }) };
  });
}

export async function dryRunAction(_prev: RuleFormState, formData: FormData): Promise<RuleFormState> {
  return settingsAction(formData, "manager", ({ values, brandId, t }): RuleFormState => {
    const db = getDb();
    // A rule can be tried before it has a name.
    const input = ruleJson(values);
    const named = input && typeof input === "object" && !(input as { name?: string }).name?.trim() ? { ...input, name: "Untitled rule" } : input;
    const checked = checkRule({ db, brandId, input: named });
    if (!checked.ok) return { error: t("rules.fixToTry"), fieldErrors: checked.fieldErrors };
    const result = dryRunRule({ db, brandId, rule: checked.rule, limit: 500 });
    if (result.brandAlert) return { ok: t("rules.brandAlertDryRun") };
    const matches = result.matched.slice(0, SHOWN_MATCHES).map((m) => ({ messageId: m.messageId, conversationId: m.conversationId, text: m.text.slice(0, 500), createdAt: m.at, cues: m.cues }));
    return { dryRun: { examined: result.examined, matched: result.matched.length, brandAlert: false, matches } };
  });
}

export async function setRuleEnabledAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, "manager", ({ values, brandId, actor, t }) => {
    const input = parseInput(z.object({ ruleId: id, enabled: z.enum(["true", "false"]) }), values);
    setRuleEnabled({ db: getDb(), brandId, id: input.ruleId, enabled: input.enabled === "true", actor });
    return { ok: input.enabled === "true" ? t("rules.ruleEnabled") : t("rules.ruleDisabled") };
  });
}

export async function moveRuleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, "manager", ({ values, brandId, actor, t }) => {
    const input = parseInput(z.object({ ruleId: id, direction: z.enum(["up", "down"]) }), values);
    moveRule({ db: getDb(), brandId, id: input.ruleId, direction: input.direction, actor });
    return { ok: t("rules.orderSaved") };
  });
}

export async function deleteRuleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, "manager", ({ values, brandId, actor, t }) => {
    const input = parseInput(z.object({ ruleId: id }), values);
    deleteRule({ db: getDb(), brandId, id: input.ruleId, actor });
    return { ok: t("rules.deleted") };
  });
}

export async function createEndpointAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, "admin", ({ values, brandId, actor, t }) => {
    const { endpoint, secret } = createWebhookEndpoint({ db: getDb(), brandId, input: { name: values.name ?? "", url: values.url ?? "" }, actor });
    return { ok: t("webhooks.added", { name: endpoint.name }), secret };
  });
}

export async function endpointAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, "admin", ({ values, brandId, actor, t }) => {
    const input = parseInput(z.object({ endpointId: id, op: z.enum(["enable", "disable", "delete", "rotate", "test"]) }), values);
    const db = getDb();
    const target = { db, brandId, id: input.endpointId, actor };
    switch (input.op) {
      case "enable":
      case "disable":
        updateWebhookEndpoint({ ...target, enabled: input.op === "enable" });
        return { ok: input.op === "enable" ? t("webhooks.enabled") : t("webhooks.disabled") };
      case "delete":
        deleteWebhookEndpoint(target);
        return { ok: t("webhooks.deleted") };
      case "rotate":
        return { ok: t("webhooks.rotated"), secret: rotateWebhookSecret(target) };
      case "test":
        sendTestWebhook(target);
        return { ok: t("webhooks.testQueued") };
    }
  });
}

export async function retryDeliveryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, "admin", ({ values, brandId, actor, t }) => {
    const input = parseInput(z.object({ deliveryId: id }), values);
    retryDelivery({ db: getDb(), brandId, id: input.deliveryId, actor });
    return { ok: t("webhooks.requeued") };
  });
}
