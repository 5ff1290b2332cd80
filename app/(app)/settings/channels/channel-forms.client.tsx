"use client";

import { useActionState, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field, Input, Select, fieldClass } from "@/app/_components/ui/input";
import { FormMessage } from "@/app/_components/ui/form-message";
import { useT } from "@/app/_components/i18n.client";
import { createChannelAction, setChannelPausedAction, updateChannelAction } from "./actions";

type CredentialField = { key: string; label: string; secret: boolean };
type KindForm = { kind: string; accountIdLabel: string | null; fields: CredentialField[] };
type WebProps = { origins: string[]; mode: "chat" | "form"; showResponseTime: boolean };
type ChannelProps = { id: number; name: string; accountId: string | null; status: string; credentialKeys: string[]; web: WebProps | null };

const TEXTAREA = `block w-full font-mono ${fieldClass()}`;

// The widget's settings of a web channel; a failed form keeps what was typed.
function WebInputs({ prefix, web, values }: { prefix: string; web: WebProps | null; values?: Record<string, string> }) {
  const t = useT();
  const origins = values?.origins ?? web?.origins.join("\n") ?? "";
  const mode = values?.mode ?? web?.mode ?? "chat";
  const show = values ? values.showResponseTime === "on" : (web?.showResponseTime ?? true);
  return (
    <>
      <div className="sm:col-span-2">
        <Field label={t("channels.web.origins")} htmlFor={`${prefix}-origins`} hint={t("channels.web.originsHint")}>
          <textarea id={`${prefix}-origins`} name="origins" rows={3} className={TEXTAREA} defaultValue={origins} placeholder="https://www.example.com" />
        </Field>
      </div>
      <Field label={t("channels.web.mode")} htmlFor={`${prefix}-mode`}>
        <Select id={`${prefix}-mode`} name="mode" defaultValue={mode}>
          <option value="chat">{t("channels.web.mode.chat")}</option>
          <option value="form">{t("channels.web.mode.form")}</option>
        </Select>
      </Field>
      <label className="flex items-center gap-2 text-sm sm:col-span-3">
        <input type="checkbox" name="showResponseTime" defaultChecked={show} /> {t("channels.web.showResponseTime")}
      </label>
    </>
  );
}

function CredentialInputs({ prefix, fields, setKeys }: { prefix: string; fields: CredentialField[]; setKeys: string[] }) {
  const t = useT();
  return (
    <>
      {fields.map((f) => {
        const isSet = setKeys.includes(f.key);
        return (
          <Field key={f.key} label={f.label} htmlFor={`${prefix}-${f.key}`} hint={t(isSet ? "channels.isSet" : "channels.notSet")}>
            <Input id={`${prefix}-${f.key}`} name={`cred_${f.key}`} type={f.secret ? "password" : "text"} autoComplete="off" />
            {isSet && (
              <label className="flex items-center gap-1 text-xs text-zinc-500">
                <input type="checkbox" name={`clear_${f.key}`} /> {t("channels.clear")}
              </label>
            )}
          </Field>
        );
      })}
    </>
  );
}

export function AddChannelForm({ brandId, kinds }: { brandId: number; kinds: KindForm[] }) {
  const [state, action, pending] = useActionState(createChannelAction, null);
  const t = useT();
  const [kind, setKind] = useState(state?.values?.kind ?? kinds[0]?.kind ?? "facebook");
  const form = kinds.find((k) => k.kind === kind) ?? kinds[0];
  return (
    <form action={action} className="grid max-w-3xl grid-cols-1 gap-3 sm:grid-cols-3 sm:items-end">
      <input type="hidden" name="brandId" value={brandId} />
      <Field label={t("channels.kind")} htmlFor="channel-kind">
        <Select id="channel-kind" name="kind" defaultValue={kind} onChange={(e) => setKind(e.target.value)}>
          {kinds.map((k) => (
            <option key={k.kind}>{k.kind}</option>
          ))}
        </Select>
      </Field>
      <Field label={t("channels.name")} htmlFor="channel-name">
        <Input id="channel-name" name="name" required defaultValue={state?.values?.name} />
      </Field>
      {form?.accountIdLabel && (
        <Field label={form.accountIdLabel} htmlFor="channel-account">
          <Input id="channel-account" name="accountId" defaultValue={state?.values?.accountId} />
        </Field>
      )}
      {form && <CredentialInputs prefix="new" fields={form.fields} setKeys={[]} />}
      {form?.kind === "web" && <WebInputs prefix="new" web={null} values={state?.values?.kind === "web" ? state.values : undefined} />}
      <div className="sm:col-span-3">
        <Button type="submit" disabled={pending}>
          {t(pending ? "common.adding" : "channels.add")}
        </Button>
      </div>
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function ChannelEditor({ brandId, channel, kind }: { brandId: number; channel: ChannelProps; kind: KindForm }) {
  const [state, action, pending] = useActionState(updateChannelAction, null);
  const [pauseState, pauseAction] = useActionState(setChannelPausedAction, null);
  const paused = channel.status === "paused";
  const t = useT();
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">{t("common.edit")}</summary>
      <form action={action} className="mt-2 grid max-w-3xl grid-cols-1 gap-3 sm:grid-cols-3 sm:items-end">
        <input type="hidden" name="brandId" value={brandId} />
        <input type="hidden" name="channelId" value={channel.id} />
        <Field label={t("channels.name")} htmlFor={`name-${channel.id}`}>
          <Input id={`name-${channel.id}`} name="name" required defaultValue={state?.values?.name ?? channel.name} />
        </Field>
        {kind.accountIdLabel && (
          <Field label={kind.accountIdLabel} htmlFor={`account-${channel.id}`}>
            <Input id={`account-${channel.id}`} name="accountId" defaultValue={state?.values?.accountId ?? channel.accountId ?? ""} />
          </Field>
        )}
        <CredentialInputs prefix={`c${channel.id}`} fields={kind.fields} setKeys={channel.credentialKeys} />
        {kind.kind === "web" && <WebInputs prefix={`c${channel.id}`} web={channel.web} values={state?.values} />}
        <div className="sm:col-span-3">
          <Button type="submit" disabled={pending}>
            {t(pending ? "common.saving" : "common.save")}
          </Button>
        </div>
        <div className="sm:col-span-3">
          <FormMessage state={state} />
        </div>
      </form>
      <form action={pauseAction} className="mt-2">
        <input type="hidden" name="brandId" value={brandId} />
        <input type="hidden" name="channelId" value={channel.id} />
        <input type="hidden" name="paused" value={paused ? "false" : "true"} />
        <Button type="submit" variant="secondary">
          {t(paused ? "channels.resume" : "channels.pause")}
        </Button>
        <FormMessage state={pauseState} />
      </form>
    </details>
  );
}
