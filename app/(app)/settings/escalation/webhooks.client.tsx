"use client";

import { useActionState, useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { ConfirmSubmit } from "@/app/_components/ui/dialog";
import { useT } from "@/app/_components/i18n.client";
import { isMessageKey } from "@/lib/i18n/messages";
import { Field, Input } from "@/app/_components/ui/input";
import { FormMessage } from "@/app/_components/ui/form-message";
import { createEndpointAction, endpointAction, retryDeliveryAction } from "./actions";

export type EndpointRow = { id: number; name: string; url: string; enabled: boolean; lastDelivery: { state: string; at: number; error: string | null } | null; failed: number; queued: number };

const time = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;

// The secret exists in the browser only in this answer; it is never fetched again.
function SecretOnce({ secret }: { secret: string }) {
  const t = useT();
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  return (
    <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950" data-testid="webhook-secret">
      <p className="font-medium">{t("webhooks.secretTitle")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="break-all select-all">{secret}</code>
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            navigator.clipboard.writeText(secret).then(
              () => setCopied("yes"),
              () => setCopied("no"),
            )
          }
        >
          {t("webhooks.copy")}
        </Button>
        <span role="status" className="text-xs">
          {copied === "yes" ? t("webhooks.copied") : copied === "no" ? t("webhooks.copyFailed") : ""}
        </span>
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("webhooks.signatureHelp")}</p>
    </div>
  );
}

export function AddEndpointForm({ brandId }: { brandId: number }) {
  const t = useT();
  const [state, action, pending] = useActionState(createEndpointAction, null);
  return (
    <form action={action} className="grid max-w-3xl grid-cols-1 gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end" aria-label={t("webhooks.addLabel")}>
      <input type="hidden" name="brandId" value={brandId} />
      <Field label={t("webhooks.name")} htmlFor="endpoint-name">
        <Input id="endpoint-name" name="name" required maxLength={80} defaultValue={state?.error ? state.values?.name : undefined} placeholder="Slack #escalations" />
      </Field>
      <Field label={t("webhooks.url")} htmlFor="endpoint-url">
        <Input id="endpoint-url" name="url" type="url" required maxLength={2000} defaultValue={state?.error ? state.values?.url : undefined} placeholder="https://hooks.slack.com/services/…" />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t("common.adding") : t("webhooks.add")}
      </Button>
      <div className="space-y-2 sm:col-span-3">
        <FormMessage state={state} />
        {state?.secret && <SecretOnce secret={state.secret} />}
      </div>
    </form>
  );
}

function EndpointItem({ brandId, endpoint }: { brandId: number; endpoint: EndpointRow }) {
  const t = useT();
  const [state, act, pending] = useActionState(endpointAction, null);
  const op = (name: string, label: string, variant: "secondary" | "ghost" = "secondary", confirm?: string) => (
    <form action={act}>
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="endpointId" value={endpoint.id} />
      <input type="hidden" name="op" value={name} />
      {confirm ? (
        <ConfirmSubmit question={confirm} confirmLabel={label} cancelLabel={t("common.cancel")} disabled={pending} variant={variant}>
          {label}
        </ConfirmSubmit>
      ) : (
        <Button type="submit" variant={variant} disabled={pending}>
          {label}
        </Button>
      )}
    </form>
  );
  const last = endpoint.lastDelivery;
  const stateWord = (state: string) => {
    const key = `webhooks.state.${state}`;
    return isMessageKey(key) ? t(key) : state;
  };
  return (
    <li className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" data-testid={`endpoint-${endpoint.id}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{endpoint.name}</span>
        <Badge tone={endpoint.enabled ? "good" : "neutral"}>{endpoint.enabled ? t("rules.enabled") : t("rules.disabled")}</Badge>
        {endpoint.queued > 0 && <Badge tone="info">{t("webhooks.queuedCount", { count: endpoint.queued })}</Badge>}
        {endpoint.failed > 0 && <Badge tone="bad">{t("webhooks.failedCount", { count: endpoint.failed })}</Badge>}
        <code className="text-xs break-all text-zinc-500">{endpoint.url}</code>
      </div>
      <p className="text-xs text-zinc-500">
        {t("webhooks.lastDelivery", { delivery: last ? `${t("webhooks.lastDeliveryAt", { state: stateWord(last.state), time: time(last.at) })}${last.error ? ` — ${last.error}` : ""}` : t("webhooks.noneYet") })}
      </p>
      <div className="flex flex-wrap gap-1">
        {endpoint.enabled && op("test", t("webhooks.sendTest"))}
        {op(endpoint.enabled ? "disable" : "enable", endpoint.enabled ? t("rules.disable") : t("rules.enable"))}
        {op("rotate", t("webhooks.newSecret"), "ghost", t("webhooks.confirmRotate"))}
        {op("delete", t("common.delete"), "ghost", t("webhooks.confirmDelete", { name: endpoint.name }))}
      </div>
      <FormMessage state={state} />
      {state?.secret && <SecretOnce secret={state.secret} />}
    </li>
  );
}

export function EndpointList({ brandId, endpoints }: { brandId: number; endpoints: EndpointRow[] }) {
  const t = useT();
  return (
    <ul className="space-y-2" aria-label={t("webhooks.listLabel")}>
      {endpoints.map((e) => (
        <EndpointItem key={e.id} brandId={brandId} endpoint={e} />
      ))}
    </ul>
  );
}

export function RetryDelivery({ brandId, deliveryId }: { brandId: number; deliveryId: number }) {
  const t = useT();
  const [state, act, pending] = useActionState(retryDeliveryAction, null);
  return (
    <form action={act} className="inline-flex items-center gap-2">
      <input type="hidden" name="brandId" value={brandId} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <button type="submit" disabled={pending} className="text-xs text-blue-700 underline dark:text-blue-400">
        {t("webhooks.retry")}
      </button>
      {state?.error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.error}
        </span>
      )}
    </form>
  );
}
