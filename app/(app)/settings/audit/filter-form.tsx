import type { AuditFilters } from "@/lib/audit/query";
import Link from "next/link";
import { Button } from "@/app/_components/ui/button";
import { Field, Input, Select } from "@/app/_components/ui/input";
import { translator, type Locale } from "@/lib/i18n/messages";

type Facets = { actors: { value: string; label: string }[]; actions: string[]; objectTypes: string[] };

// A plain GET form: the filters live in the URL, so a link reproduces the view, and it works without JavaScript.
export function AuditFilterForm({ brand, filters, facets, locale }: { brand: string; filters: AuditFilters; facets: Facets; locale: Locale }) {
  const t = translator(locale);
  const groups = [...new Set(facets.actions.map((a) => a.split(".")[0]))].filter((g) => facets.actions.filter((a) => a.startsWith(`${g}.`)).length > 1);
  return (
    <form method="get" action="/settings/audit" role="search" aria-label={t("audit.filter")} className="grid grid-cols-2 items-end gap-3 md:grid-cols-4 lg:grid-cols-7">
      <input type="hidden" name="brand" value={brand} />
      <Field label={t("audit.who")} htmlFor="audit-actor">
        <Select id="audit-actor" name="actor" defaultValue={filters.actor ?? ""}>
          <option value="">{t("audit.anyone")}</option>
          {facets.actors.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("audit.action")} htmlFor="audit-action">
        <Select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
          <option value="">{t("audit.anyAction")}</option>
          {groups.map((g) => (
            <option key={`${g}.`} value={`${g}.`}>
              {t("audit.group", { group: g })}
            </option>
          ))}
          {facets.actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("audit.objectType")} htmlFor="audit-object-type">
        <Select id="audit-object-type" name="objectType" defaultValue={filters.objectType ?? ""}>
          <option value="">{t("audit.anyObject")}</option>
          {facets.objectTypes.map((type) => (
            <option key={type} value={type}>
              {type.replace(/_/g, " ")}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("audit.objectId")} htmlFor="audit-object-id">
        <Input id="audit-object-id" name="objectId" defaultValue={filters.objectId ?? ""} inputMode="numeric" placeholder={t("audit.objectIdPlaceholder")} />
      </Field>
      <Field label={t("audit.from")} htmlFor="audit-from">
        <Input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </Field>
      <Field label={t("audit.to")} htmlFor="audit-to">
        <Input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit">{t("audit.apply")}</Button>
        <Link href={`/settings/audit?brand=${encodeURIComponent(brand)}`} className="rounded-md px-3 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800">
          {t("audit.clear")}
        </Link>
      </div>
    </form>
  );
}
