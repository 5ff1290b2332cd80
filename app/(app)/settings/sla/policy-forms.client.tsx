"use client";

import { useActionState, useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { FormMessage } from "@/app/_components/ui/form-message";
import { Field, Input, Select } from "@/app/_components/ui/input";
import { createPolicyAction, deletePolicyAction, movePolicyAction, updatePolicyAction } from "./actions";
import { LivePreview, usePreview, type PreviewState } from "./live-preview.client";
import { useT } from "@/app/_components/i18n.client";

export type PolicyValues = {
  id: number;
  name: string;
  isDefault: boolean;
  firstResponseSeconds: number;
  nextResponseSeconds: number | null;
  atRiskShare: number;
  calendarId: number | null;
  channelId: number | null;
  category: string | null;
  priority: string | null;
};
export type Choices = {
  brandId: number;
  brandTimezone: string;
  calendars: { id: number; name: string; timezone: string }[];
  channels: { id: number; name: string; kind: string }[];
  /** The target and at-risk share a new policy starts from. */
  defaults: { firstResponseSeconds: number; atRiskShare: number };
};

const UNIT_SECONDS = { minutes: 60, hours: 3600 } as const;
const NEW_POLICY: Omit<PolicyValues, "id" | "firstResponseSeconds" | "atRiskShare"> = {
  name: "",
  isDefault: false,
  nextResponseSeconds: null,
  calendarId: null,
  channelId: null,
  category: "request",
  priority: null,
};

function split(seconds: number | null): { amount: string; unit: "minutes" | "hours" } {
  if (seconds === null) return { amount: "", unit: "minutes" };
  return seconds % 3600 === 0 ? { amount: String(seconds / 3600), unit: "hours" } : { amount: String(Math.round((seconds / 60) * 100) / 100), unit: "minutes" };
}

function Duration({ id, name, label, seconds, optional, values }: { id: string; name: string; label: string; seconds: number | null; optional?: boolean; values?: Record<string, string> }) {
  const t = useT();
  const initial = split(seconds);
  return (
    <Field label={label} htmlFor={id} hint={optional ? t("sla.settings.optional") : undefined}>
      <div className="flex gap-2">
        <div className="w-24">
          <Input id={id} name={name} type="number" min="0" step="any" inputMode="decimal" required={!optional} defaultValue={values?.[name] ?? initial.amount} />
        </div>
        <Select aria-label={t("sla.settings.unit", { label })} name={`${name}Unit`} defaultValue={values?.[`${name}Unit`] ?? initial.unit}>
          <option value="minutes">{t("sla.settings.minutes")}</option>
          <option value="hours">{t("sla.settings.hoursUnit")}</option>
        </Select>
      </div>
    </Field>
  );
}

/** Create (no policy) or edit one policy, with a live preview of its due times. */
export function PolicyForm({ choices, policy, initialPreview }: { choices: Choices; policy?: PolicyValues; initialPreview: PreviewState }) {
  const t = useT();
  const [state, action, pending] = useActionState(policy ? updatePolicyAction : createPolicyAction, null);
  const [preview, requestPreview] = usePreview(choices.brandId, initialPreview);
  const p = policy ?? { ...NEW_POLICY, ...choices.defaults, id: 0 };
  const v = state?.values;
  const prefix = policy ? `policy-${policy.id}` : "policy-new";

  function onChange(event: FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget);
    const amount = Number(data.get("firstResponse"));
    const targetSeconds = Math.round(amount * UNIT_SECONDS[data.get("firstResponseUnit") === "hours" ? "hours" : "minutes"]);
    const percent = Number(data.get("atRiskPercent"));
    if (!(targetSeconds >= 60 && targetSeconds <= 30 * 86_400)) return requestPreview({ error: t("sla.settings.targetRange") });
    if (!(percent >= 1 && percent <= 99)) return requestPreview({ error: t("sla.settings.shareRange") });
    const calendar = String(data.get("calendarId") ?? "");
    requestPreview({ targetSeconds, atRiskShare: Math.round(percent) / 100, calendarId: calendar === "" ? null : Number(calendar) });
  }

  return (
    <form action={action} onChange={onChange} className="space-y-3" aria-label={policy ? t("sla.settings.editPolicy", { name: policy.name }) : t("sla.settings.newPolicy")}>
      <input type="hidden" name="brandId" value={choices.brandId} />
      {policy && <input type="hidden" name="policyId" value={policy.id} />}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Field label={t("sla.settings.name")} htmlFor={`${prefix}-name`}>
          <Input id={`${prefix}-name`} name="name" required maxLength={80} defaultValue={v?.name ?? p.name} />
        </Field>
        <Duration id={`${prefix}-frt`} name="firstResponse" label={t("sla.settings.frt")} seconds={p.firstResponseSeconds} values={v} />
        <Duration id={`${prefix}-nrt`} name="nextResponse" label={t("sla.settings.nrt")} seconds={p.nextResponseSeconds} optional values={v} />
        <Field label={t("sla.settings.atRisk")} htmlFor={`${prefix}-risk`}>
          <Input id={`${prefix}-risk`} name="atRiskPercent" type="number" min="1" max="99" step="1" required defaultValue={v?.atRiskPercent ?? String(Math.round(p.atRiskShare * 100))} />
        </Field>
        <Field label={t("sla.settings.calendar")} htmlFor={`${prefix}-calendar`} hint={t("sla.settings.calendarHint")}>
          <Select id={`${prefix}-calendar`} name="calendarId" defaultValue={v?.calendarId ?? (p.calendarId === null ? "" : String(p.calendarId))}>
            <option value="">{t("sla.settings.allHours", { timezone: choices.brandTimezone })}</option>
            {choices.calendars.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.timezone})
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {!p.isDefault && (
        <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <legend className="mb-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">{t("sla.settings.appliesTo")}</legend>
          <Field label={t("sla.settings.channel")} htmlFor={`${prefix}-channel`}>
            <Select id={`${prefix}-channel`} name="channelId" defaultValue={v?.channelId ?? (p.channelId === null ? "" : String(p.channelId))}>
              <option value="">{t("sla.settings.anyChannel")}</option>
              {choices.channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.kind})
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("sla.settings.category")} htmlFor={`${prefix}-category`}>
            <Select id={`${prefix}-category`} name="category" defaultValue={v?.category ?? p.category ?? ""}>
              <option value="">{t("sla.settings.anyCategory")}</option>
              <option value="request">{t("conversation.category.request")}</option>
              <option value="noise">{t("conversation.category.noise")}</option>
            </Select>
          </Field>
          <Field label={t("sla.settings.priority")} htmlFor={`${prefix}-priority`}>
            <Select id={`${prefix}-priority`} name="priority" defaultValue={v?.priority ?? p.priority ?? ""}>
              <option value="">{t("sla.settings.anyPriority")}</option>
              {(["urgent", "high", "normal", "low"] as const).map((x) => (
                <option key={x} value={x}>
                  {t(`conversation.priority.${x}`)}
                </option>
              ))}
            </Select>
          </Field>
        </fieldset>
      )}
      <LivePreview preview={preview} heading={t("sla.settings.preview")} testId={`${prefix}-preview`} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("common.saving") : policy ? t("sla.settings.savePolicy") : t("sla.settings.addPolicyButton")}
        </Button>
        <span className="text-xs text-zinc-500">{t("sla.settings.savedHint")}</span>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** Order and delete for a non-default policy; deleting asks once more. */
export function PolicyControls({ brandId, policy, first, last }: { brandId: number; policy: { id: number; name: string }; first: boolean; last: boolean }) {
  const t = useT();
  const [moveState, move, moving] = useActionState(movePolicyAction, null);
  const [deleteState, remove, deleting] = useActionState(deletePolicyAction, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={move} className="flex gap-1">
        <input type="hidden" name="brandId" value={brandId} />
        <input type="hidden" name="policyId" value={policy.id} />
        <Button type="submit" name="direction" value="up" variant="secondary" disabled={first || moving} aria-label={t("sla.settings.moveUp", { name: policy.name })}>
          {t("sla.settings.up")}
        </Button>
        <Button type="submit" name="direction" value="down" variant="secondary" disabled={last || moving} aria-label={t("sla.settings.moveDown", { name: policy.name })}>
          {t("sla.settings.down")}
        </Button>
      </form>
      <form action={remove} className="flex items-center gap-1">
        <input type="hidden" name="brandId" value={brandId} />
        <input type="hidden" name="policyId" value={policy.id} />
        {confirming ? (
          <>
            <Button type="submit" variant="danger" disabled={deleting}>
              {t("sla.settings.deleteNamed", { name: policy.name })}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </Button>
          </>
        ) : (
          <Button type="button" variant="ghost" onClick={() => setConfirming(true)} aria-label={t("sla.settings.deleteLabel", { name: policy.name })}>
            {t("sla.settings.deleteAsk")}
          </Button>
        )}
      </form>
      {moveState?.error && <FormMessage state={moveState} />}
      <FormMessage state={deleteState} />
    </div>
  );
}
