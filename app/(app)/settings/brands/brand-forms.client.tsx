"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field, Input } from "@/app/_components/ui/input";
import { FormMessage } from "@/app/_components/ui/form-message";
import { createBrandAction, updateBrandAction } from "./actions";

type BrandProps = { id: number; name: string; slug: string; timezone: string; publicStatus: boolean; retrainEveryHours: number | null; autoAssign: boolean };

export function EditBrandForm({ brand, timezones }: { brand: BrandProps; timezones: string[] }) {
  const [state, action, pending] = useActionState(updateBrandAction, null);
  return (
    <form action={action} className="max-w-md space-y-3">
      <input type="hidden" name="brandId" value={brand.id} />
      <Field label="Name" htmlFor="brand-name">
        <Input id="brand-name" name="name" defaultValue={state?.values?.name ?? brand.name} required maxLength={120} />
      </Field>
      <Field label="Time zone" htmlFor="brand-tz" hint="“Today” on the dashboard and the public figure follow this zone.">
        <Input id="brand-tz" name="timezone" list="timezones" defaultValue={state?.values?.timezone ?? brand.timezone} required />
      </Field>
      <datalist id="timezones">
        {timezones.map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
      <Field label="Retrain the classifier every (hours)" htmlFor="brand-retrain" hint="Learns from your team's corrections and replies. Empty: only when run by hand.">
        <Input id="brand-retrain" name="retrainEveryHours" type="number" min={1} max={720} defaultValue={state?.values?.retrainEveryHours ?? brand.retrainEveryHours ?? ""} />
      </Field>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="publicStatus" value="on" defaultChecked={brand.publicStatus} />
        Publish the live response time at <code>/status/{brand.slug}</code>
      </label>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="autoAssign" value="on" defaultChecked={brand.autoAssign} className="mt-1" />
        <span>
          Assign waiting requests automatically
          <span className="block text-xs text-zinc-500">Round-robin among available agents, within each agent&apos;s capacity, matching the customer&apos;s language when someone speaks it.</span>
        </span>
      </label>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}

export function CreateBrandForm({ timezones }: { timezones: string[] }) {
  const [state, action, pending] = useActionState(createBrandAction, null);
  return (
    <form action={action} className="max-w-md space-y-3">
      <Field label="Name" htmlFor="new-brand-name">
        <Input id="new-brand-name" name="name" defaultValue={state?.values?.name} required maxLength={120} />
      </Field>
      <Field label="Slug" htmlFor="new-brand-slug" hint="Lowercase letters, digits, - and _; used in URLs.">
        <Input id="new-brand-slug" name="slug" defaultValue={state?.values?.slug} required pattern="[a-z0-9_\-]{1,64}" />
      </Field>
      <Field label="Time zone" htmlFor="new-brand-tz">
        <Input id="new-brand-tz" name="timezone" list="timezones-new" defaultValue={state?.values?.timezone ?? "UTC"} required />
      </Field>
      <datalist id="timezones-new">
        {timezones.map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create brand"}
      </Button>
    </form>
  );
}
