import type { AuditFilters } from "@/lib/audit/query";
import Link from "next/link";
import { Button } from "@/app/_components/ui/button";
import { Field, Input, Select } from "@/app/_components/ui/input";

type Facets = { actors: { value: string; label: string }[]; actions: string[]; objectTypes: string[] };

// A plain GET form: the filters live in the URL, so a link reproduces the view, and it works without JavaScript.
export function AuditFilterForm({ brand, filters, facets }: { brand: string; filters: AuditFilters; facets: Facets }) {
  const groups = [...new Set(facets.actions.map((a) => a.split(".")[0]))].filter((g) => facets.actions.filter((a) => a.startsWith(`${g}.`)).length > 1);
  return (
    <form method="get" action="/settings/audit" role="search" aria-label="Filter the audit log" className="grid grid-cols-2 items-end gap-3 md:grid-cols-4 lg:grid-cols-7">
      <input type="hidden" name="brand" value={brand} />
      <Field label="Who" htmlFor="audit-actor">
        <Select id="audit-actor" name="actor" defaultValue={filters.actor ?? ""}>
          <option value="">Anyone</option>
          {facets.actors.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Action" htmlFor="audit-action">
        <Select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
          <option value="">Any action</option>
          {groups.map((g) => (
            <option key={`${g}.`} value={`${g}.`}>
              {`${g}.* (all)`}
            </option>
          ))}
          {facets.actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Object type" htmlFor="audit-object-type">
        <Select id="audit-object-type" name="objectType" defaultValue={filters.objectType ?? ""}>
          <option value="">Any object</option>
          {facets.objectTypes.map((t) => (
            <option key={t} value={t}>
              {t.replace(/_/g, " ")}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Object id" htmlFor="audit-object-id">
        <Input id="audit-object-id" name="objectId" defaultValue={filters.objectId ?? ""} inputMode="numeric" placeholder="e.g. 1042" />
      </Field>
      <Field label="From" htmlFor="audit-from">
        <Input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </Field>
      <Field label="To" htmlFor="audit-to">
        <Input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        <Link href={`/settings/audit?brand=${encodeURIComponent(brand)}`} className="rounded-md px-3 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800">
          Clear
        </Link>
      </div>
    </form>
  );
}
