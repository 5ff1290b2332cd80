"use client";

import { useActionState, useEffect, useState, useSyncExternalStore, useTransition } from "react";
import { Button } from "@/app/_components/ui/button";
import { ConfirmSubmit } from "@/app/_components/ui/dialog";
import { Field, Input } from "@/app/_components/ui/input";
import { FormMessage, type ActionResult } from "@/app/_components/ui/form-message";
import { ToastProvider, useToast } from "@/app/_components/ui/toast";
import { useT } from "@/app/_components/i18n.client";
import { removePushDeviceAction, savePushSubscriptionAction, sendTestPushAction, updatePushDeviceAction } from "./push-actions";

export type DeviceRow = { id: number; endpointHash: string; label: string; kinds: string[]; quietStart: string; quietEnd: string; timezone: string; lastSent: string | null };

const KINDS = ["escalation", "mention", "at_risk"] as const;

// What the browser supports does not change while the page is open.
const noChange = () => () => undefined;

function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function hashOf(endpoint: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(endpoint)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("").slice(0, 32);
}

function guessLabel(): string {
  const ua = navigator.userAgent;
  const system = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iPhone" : /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "Mac" : /Linux/.test(ua) ? "Linux" : "";
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "";
  return [browser, system].filter(Boolean).join(" on ") || "Browser";
}

function SettingsFields({ prefix, device, zone }: { prefix: string; device?: DeviceRow; zone: string }) {
  const t = useT();
  return (
    <>
      <Field label={t("push.label")} htmlFor={`${prefix}-label`}>
        <Input id={`${prefix}-label`} name="label" defaultValue={device?.label ?? ""} maxLength={60} required />
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-xs font-medium text-zinc-700 dark:text-zinc-300">{t("push.kinds")}</legend>
        {KINDS.map((kind) => (
          <label key={kind} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="kinds" value={kind} defaultChecked={device ? device.kinds.includes(kind) : true} className="h-4 w-4" />
            {t(`push.kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-xs font-medium text-zinc-700 dark:text-zinc-300">{t("push.quiet")}</legend>
        <div className="flex flex-wrap gap-3">
          <Field label={t("push.quietFrom")} htmlFor={`${prefix}-from`}>
            <Input id={`${prefix}-from`} name="quietStart" type="time" defaultValue={device?.quietStart ?? ""} className="w-32" />
          </Field>
          <Field label={t("push.quietTo")} htmlFor={`${prefix}-to`}>
            <Input id={`${prefix}-to`} name="quietEnd" type="time" defaultValue={device?.quietEnd ?? ""} className="w-32" />
          </Field>
        </div>
        <p className="text-xs text-zinc-500">{t("push.quietHint", { zone })}</p>
      </fieldset>
      <input type="hidden" name="timezone" value={zone} />
    </>
  );
}

function ThisDevice({ publicKey, onSubscribed }: { publicKey: string; onSubscribed: (hash: string) => void }) {
  const t = useT();
  const [state, setState] = useState<ActionResult>(null);
  const [pending, start] = useTransition();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const submit = (formData: FormData) =>
    start(async () => {
      if ((await Notification.requestPermission()) !== "granted") return setState({ error: t("push.denied") });
      try {
        const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
        await navigator.serviceWorker.ready;
        const subscription =
          (await registration.pushManager.getSubscription()) ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: applicationServerKey(publicKey) }));
        const result = await savePushSubscriptionAction(subscription.toJSON(), formData);
        setState(result);
        if (result?.ok) onSubscribed(await hashOf(subscription.endpoint));
      } catch (error) {
        setState({ error: t("push.failed", { reason: error instanceof Error ? error.name : "error" }) });
      }
    });
  return (
    <form action={submit} className="grid max-w-md gap-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-testid="push-this-device">
      <h3 className="font-medium">{t("push.thisDevice")}</h3>
      <SettingsFields prefix="new-device" zone={zone} device={{ id: 0, endpointHash: "", label: guessLabel(), kinds: [...KINDS], quietStart: "", quietEnd: "", timezone: zone, lastSent: null }} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("push.enabling") : t("push.enable")}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

// Short confirmations go to a toast; a failure stays beside the form that caused it.
function useToastedAction(run: (prev: ActionResult, formData: FormData) => Promise<ActionResult>) {
  const toast = useToast();
  return useActionState(async (prev: ActionResult, formData: FormData) => {
    const result = await run(prev, formData);
    if (result?.ok) toast(result.ok);
    return result?.error ? result : null;
  }, null);
}

function Device({ device, mine }: { device: DeviceRow; mine: boolean }) {
  const t = useT();
  const [saved, save, saving] = useToastedAction(updatePushDeviceAction);
  const [removed, remove, removing] = useToastedAction(removePushDeviceAction);
  const [tested, test, testing] = useToastedAction(sendTestPushAction);
  const quiet = device.quietStart && device.quietEnd ? t("push.quietSummary", { from: device.quietStart, to: device.quietEnd, zone: device.timezone }) : null;
  return (
    <li className="space-y-2 px-3 py-3" data-testid="push-device">
      <p className="flex flex-wrap items-center gap-x-2 text-sm">
        <span className="font-medium">{device.label}</span>
        {mine && <span className="rounded bg-blue-50 px-1.5 text-xs text-blue-800 dark:bg-blue-950 dark:text-blue-200">{t("push.thisDevice")}</span>}
        <span className="text-zinc-500">{[device.kinds.map((k) => t(`push.kind.${k as (typeof KINDS)[number]}`)).join(", "), quiet, device.lastSent ? t("push.lastSent", { at: device.lastSent }) : null].filter(Boolean).join(" · ")}</span>
      </p>
      <details>
        <summary className="cursor-pointer text-sm text-blue-700 dark:text-blue-400">{t("push.edit")}</summary>
        <form action={save} className="mt-2 grid max-w-md gap-3">
          <input type="hidden" name="id" value={device.id} />
          <SettingsFields prefix={`device-${device.id}`} device={device} zone={device.timezone} />
          <div>
            <Button type="submit" disabled={saving}>
              {t("push.save")}
            </Button>
          </div>
          <FormMessage state={saved} />
        </form>
      </details>
      <div className="flex flex-wrap gap-2">
        <form action={test}>
          <input type="hidden" name="id" value={device.id} />
          <Button type="submit" variant="secondary" disabled={testing}>
            {t("push.test")}
          </Button>
        </form>
        <form action={remove}>
          <input type="hidden" name="id" value={device.id} />
          <ConfirmSubmit question={t("push.removeConfirm", { label: device.label })} confirmLabel={t("push.remove")} cancelLabel={t("common.cancel")} disabled={removing} variant="secondary">
            {t("push.remove")}
          </ConfirmSubmit>
        </form>
      </div>
      <FormMessage state={tested ?? removed} />
    </li>
  );
}

export function PushSettings({ publicKey, devices }: { publicKey: string; devices: DeviceRow[] }) {
  const t = useT();
  const support = useSyncExternalStore(
    noChange,
    () => ("serviceWorker" in navigator && "PushManager" in window && "Notification" in window ? "yes" : "no"),
    () => "checking",
  );
  const [mine, setMine] = useState<string | null>(null);
  useEffect(() => {
    if (support !== "yes") return;
    navigator.serviceWorker.getRegistration("/").then(async (registration) => {
      const subscription = await registration?.pushManager.getSubscription();
      if (subscription) setMine(await hashOf(subscription.endpoint));
    });
  }, [support]);
  const subscribedHere = mine != null && devices.some((d) => d.endpointHash === mine);
  return (
    <ToastProvider label={t("push.heading")}>
    <div className="space-y-4">
      {support === "no" && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">{t("push.unsupported")}</p>}
      {support === "yes" && !subscribedHere && <ThisDevice publicKey={publicKey} onSubscribed={setMine} />}
      <h3 className="font-medium">{t("push.devices")}</h3>
      {devices.length === 0 ? (
        <p className="text-sm text-zinc-500">{t("push.none")}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-testid="push-devices">
          {devices.map((device) => (
            <Device key={device.id} device={device} mine={device.endpointHash === mine} />
          ))}
        </ul>
      )}
    </div>
    </ToastProvider>
  );
}
