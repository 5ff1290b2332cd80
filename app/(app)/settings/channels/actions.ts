"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/audit/record";
import { runAction, formValues, type ActionState } from "@/lib/auth/action-result";
import { createChannel, CONFIGURABLE_KINDS, requireChannel, setChannelPaused, updateChannel } from "@/lib/channels/channels";
import { AppError } from "@/lib/errors";
import { parseWebConfig, splitOrigins, type WebConfig } from "@/lib/channels/web";
import { translator, type Translate } from "@/lib/i18n/messages";

const id = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
const CRED_PREFIX = "cred_";

function parse<T extends z.ZodType>(schema: T, values: Record<string, string>): z.output<T> {
  const result = schema.safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError("bad_request:input", `${issue.path.join(".") || "input"}: ${issue.message}`);
  }
  return result.data;
}

// Typed secrets never travel back to the browser, not even in a failed form's values.
function splitSecrets(formData: FormData): { values: Record<string, string>; credentials: Record<string, string>; clear: string[] } {
  const all = formValues(formData);
  const values: Record<string, string> = {};
  const credentials: Record<string, string> = {};
  const clear: string[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(CRED_PREFIX)) credentials[key.slice(CRED_PREFIX.length)] = value.slice(0, 4096);
    else if (key.startsWith("clear_") && value === "on") clear.push(key.slice("clear_".length));
    else values[key] = value;
  }
  return { values, credentials, clear };
}

// The widget's fields of a web channel's form; other kinds have none.
function webConfig(kind: string, values: Record<string, string>): WebConfig | undefined {
  if (kind !== "web") return undefined;
  return parseWebConfig({ origins: splitOrigins(values.origins ?? ""), mode: values.mode || "chat", showResponseTime: values.showResponseTime === "on" });
}

async function adminAction(formData: FormData, body: (ctx: { values: Record<string, string>; credentials: Record<string, string>; clear: string[]; brandId: number; actor: Actor; t: Translate }) => Promise<ActionState>) {
  const user = await requireActionUser();
  const { values, credentials, clear } = splitSecrets(formData);
  return runAction(values, async () => {
    const { brandId } = parse(z.object({ brandId: id }), values);
    const { audit } = authorize({ actor: { kind: "member", user }, brandId, needs: "admin" });
    const result = await body({ values, credentials, clear, brandId, actor: audit, t: translator(user.locale) });
    revalidatePath("/settings/channels");
    return result;
  });
}

export async function createChannelAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ values, credentials, brandId, actor, t }) => {
    const input = parse(z.object({ kind: z.enum(CONFIGURABLE_KINDS), name: text(120).min(1, t("channels.nameRequired")), accountId: text(512).optional() }), values);
    const channel = await createChannel({ brandId, kind: input.kind, name: input.name, accountId: input.accountId, credentials, web: webConfig(input.kind, values), actor });
    return { ok: t("channels.added", { name: channel.name }) };
  });
}

export async function updateChannelAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ values, credentials, clear, brandId, actor, t }) => {
    const input = parse(z.object({ channelId: id, name: text(120).min(1, t("channels.nameRequired")), accountId: text(512).optional() }), values);
    const { kind } = await requireChannel({ id: input.channelId, brandId });
    const channel = await updateChannel({ brandId, id: input.channelId, name: input.name, accountId: input.accountId ?? null, credentials, clear, web: webConfig(kind, values), actor });
    return { ok: t("channels.saved", { name: channel.name }) };
  });
}

export async function setChannelPausedAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return adminAction(formData, async ({ values, brandId, actor, t }) => {
    const input = parse(z.object({ channelId: id, paused: z.enum(["true", "false"]) }), values);
    const channel = await setChannelPaused({ brandId, id: input.channelId, paused: input.paused === "true", actor });
    return { ok: t(channel.status === "paused" ? "channels.pausedOk" : "channels.activeOk", { name: channel.name }) };
  });
}
