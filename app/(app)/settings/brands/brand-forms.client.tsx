"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field, Input } from "@/app/_components/ui/input";
import { FormMessage } from "@/app/_components/ui/form-message";
import { useT } from "@/app/_components/i18n.client";
import { createBrandAction, updateBrandAction } from "./actions";

type BrandProps = { id: number; name: string; slug: string; timezone: string; publicStatus: boolean; retrainEveryHours: number | null; autoAssign: boolean };

export function EditBrandForm({ brand, timezones }: { brand: BrandProps; timezones: string[] }) {
  const [state, action, pending] = useActionState(updateBrandAction, null);
  const t = useT();
  return (
    <form action={action} className="max-w-md space-y-3">
      <input type="hidden" name="brandId" value={brand.id} />
      <Field label={t("brands.name")} htmlFor="brand-name">
        <Input id="brand-name" name="name" defaultValue={state?.values?.name ?? brand.name} required maxLength={120} />
      </Field>
      <Field label={t("brands.timezone")} htmlFor="brand-tz" hint={t("brands.timezoneHint")}>
        <Input id="brand-tz" name="timezone" list="timezones" defaultValue={state?.values?.timezone ?? brand.timezone} required />
      </Field>
      <datalist id="timezones">
        {timezones.map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
      <Field label={t("brands.retrain")} htmlFor="brand-retrain" hint={t("brands.retrainHint")}>
        <Input id="brand-retrain" name="retrainEveryHours" type="number" min={1} max={720} defaultValue={state?.values?.retrainEveryHours ?? brand.retrainEveryHours ?? ""} />
      </Field>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="publicStatus" value="on" defaultChecked={brand.publicStatus} />
        {t("brands.publicStatus")} <code>/status/{brand.slug}</code>
      </label>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="autoAssign" value="on" defaultChecked={brand.autoAssign} className="mt-1" />
        <span>
          {t("brands.autoAssign")}
          <span className="block text-xs text-zinc-500">{t("brands.autoAssignHint")}</span>
        </span>
      </label>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {t(pending ? "common.saving" : "common.save")}
      </Button>
    </form>
  );
}

export function CreateBrandForm({ timezones }: { timezones: string[] }) {
  const [state, action, pending] = useActionState(createBrandAction, null);
  const t = useT();
  return (
    <form action={action} className="max-w-md space-y-3">
      <Field label={t("brands.name")} htmlFor="new-brand-name">
        <Input id="new-brand-name" name="name" defaultValue={state?.values?.name} required maxLength={120} />
      </Field>
      <Field label={t("brands.slug")} htmlFor="new-brand-slug" hint={t("brands.slugHint")}>
        <Input id="new-brand-slug" name="slug" defaultValue={state?.values?.slug} required pattern="[a-z0-9_\-]{1,64}" />
      </Field>
      <Field label={t("brands.timezone")} htmlFor="new-brand-tz">
        <Input id="new-brand-tz" name="timezone" list="timezones-new" defaultValue={state?.values?.timezone ?? "UTC"} required />
      </Field>
      <datalist id="timezones-new">
        {timezones.map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {t(pending ? "brands.creating" : "brands.create")}
      </Button>
    </form>
  );
}
