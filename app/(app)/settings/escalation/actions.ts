"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth/session";
import { authorize, type Principal } from "@/lib/auth/authorize";
import { runAction, formValues, parseInput, type ActionState } from "@/lib/auth/action-result";
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

type Ctx = { values: Record<string, string>; brandId: number; actor: Principal; t: Translate };

// Rules are a manager's tool; webhook endpoints carry secrets and are an admin's (DESIGN roles).
// The role is checked here, before any input is read, and again by lib/ for every change.
async function settingsAction<T extends ActionState | RuleFormState>(formData: FormData, role: "manager" | "admin", body: (ctx: Ctx) => Promise<T>): Promise<T | ActionState> {
  const user = await requireActionUser();
  const values = formValues(formData);
  return runAction(values, async () => {
    const { brandId } = parseInput(z.object({ brandId: id }), values);
    const actor: Principal = { kind: "member", user };
    authorize({ actor, brandId, needs: role });
    const result = await body({ values, brandId, actor, t: translator(user.locale) });
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
  return settingsAction(formData, "manager", async ({ values, brandId, actor, t }): Promise<RuleFormState> => {
    const { ruleId } = parseInput(z.object({ ruleId: id.optional() }), values.ruleId ? { ruleId: values.ruleId } : {});
    const input = ruleJson(values);
    const checked = await checkRule({ brandId, input });
    if (!checked.ok) return { error: t("rules.notSaved"), fieldErrors: checked.fieldErrors };
    const rule = ruleId ? await updateRule({ brandId, id: ruleId, input, actor }) : await createRule({ brandId, input, actor });
    return { ok: ruleId ? t("rules.saved", { name: rule.name }) : t("rules.created", { name: rule.name }) };
  });
}

export async function dryRunAction(_prev: RuleFormState, formData: FormData): Promise<RuleFormState> {
  return settingsAction(formData, "manager", async ({ values, brandId, t }): Promise<RuleFormState> => {
    // A rule can be tried before it has a name.
    const input = ruleJson(values);
    const named = input && typeof input === "object" && !(input as { name?: string }).name?.trim() ? { ...input, name: "Untitled rule" } : input;
    const checked = await checkRule({ brandId, input: named });
    if (!checked.ok) return { error: t("rules.fixToTry"), fieldErrors: checked.fieldErrors };
    const result = await dryRunRule({ brandId, rule: checked.rule, limit: 500 });
    if (result.brandAlert) return { ok: t("rules.brandAlertDryRun") };
    const matches = result.matched.slice(0, SHOWN_MATCHES).map((m) => ({ messageId: m.messageId, conversationId: m.conversationId, text: m.text.slice(0, 500), createdAt: m.at, cues: m.cues }));
    return { dryRun: { examined: result.examined, matched: result.matched.length, brandAlert: false, matches } };
  });
}

export async function setRuleEnabledAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, "manager", async ({ values, brandId, actor, t }) => {
    const input = parseInput(z.object({ ruleId: id, enabled: z.enum(["true", "false"]) }), values);
    await setRuleEnabled({ brandId, id: input.ruleId, enabled: input.enabled === "true", actor });
    return { ok: input.enabled === "true" ? t("rules.ruleEnabled") : t("rules.ruleDisabled") };
  });
}

export async function moveRuleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, "manager", async ({ values, brandId, actor, t }) => {
    const input = parseInput(z.object({ ruleId: id, direction: z.enum(["up", "down"]) }), values);
    await moveRule({ brandId, id: input.ruleId, direction: input.direction, actor });
    return { ok: t("rules.orderSaved") };
  });
}

export async function deleteRuleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, "manager", async ({ values, brandId, actor, t }) => {
    const input = parseInput(z.object({ ruleId: id }), values);
    await deleteRule({ brandId, id: input.ruleId, actor });
    return { ok: t("rules.deleted") };
  });
}

export async function createEndpointAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, "admin", async ({ values, brandId, actor, t }) => {
    const { endpoint, secret } = await createWebhookEndpoint({ brandId, input: { name: values.name ?? "", url: values.url ?? "" }, actor });
    return { ok: t("webhooks.added", { name: endpoint.name }), secret };
  });
}

export async function endpointAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, "admin", async ({ values, brandId, actor, t }) => {
    const input = parseInput(z.object({ endpointId: id, op: z.enum(["enable", "disable", "delete", "rotate", "test"]) }), values);
    const target = { brandId, id: input.endpointId, actor };
    switch (input.op) {
      case "enable":
      case "disable":
        await updateWebhookEndpoint({ ...target, enabled: input.op === "enable" });
        return { ok: input.op === "enable" ? t("webhooks.enabled") : t("webhooks.disabled") };
      case "delete":
        await deleteWebhookEndpoint(target);
        return { ok: t("webhooks.deleted") };
      case "rotate":
        return { ok: t("webhooks.rotated"), secret: await rotateWebhookSecret(target) };
      case "test":
        await sendTestWebhook(target);
        return { ok: t("webhooks.testQueued") };
    }
  });
}

export async function retryDeliveryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return settingsAction(formData, "admin", async ({ values, brandId, actor, t }) => {
    const input = parseInput(z.object({ deliveryId: id }), values);
    await retryDelivery({ brandId, id: input.deliveryId, actor });
    return { ok: t("webhooks.requeued") };
  });
}
