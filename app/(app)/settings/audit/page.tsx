import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/brand-context";
import { auditFacets, auditFiltersSchema, listAudit, type AuditFilters } from "@/lib/audit/query";
import { NoAccess } from "@/app/_components/no-access";
import { EmptyState, Table, Th } from "@/app/_components/ui/table";
import { AuditFilterForm } from "./filter-form";
import { AuditRow } from "./audit-row";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;

function href(brand: string, filters: AuditFilters, patch: Partial<AuditFilters>): string {
  const params = new URLSearchParams({ brand });
  for (const [key, value] of Object.entries({ ...filters, ...patch })) if (value) params.set(key, value);
  return `/settings/audit?${params.toString()}`;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser();
  const search = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const membership = pageMembership({ user, slug: first(search.brand) });
  if (!hasRole(membership, "admin")) return <NoAccess what="The audit log is for admins." />;
  const filters = auditFiltersSchema.parse(Object.fromEntries(Object.entries(search).map(([k, v]) => [k, first(v)])));
  const db = getDb();
  const { entries, nextCursor } = listAudit({ db, brandId: membership.brandId, timeZone: membership.timezone, filters });
  const facets = auditFacets({ db, brandId: membership.brandId });
  const filtered = Object.entries(filters).some(([k, v]) => k !== "cursor" && v);
  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <div>
        <h1 id="audit-heading" className="text-lg font-semibold">
          Audit log of {membership.name}
        </h1>
        <p className="text-zinc-500">Who changed which conversation, rule or setting, newest first. Times are in {membership.timezone}.</p>
      </div>
      <AuditFilterForm brand={membership.slug} filters={filters} facets={facets} />
      {entries.length === 0 ? (
        <EmptyState title={filtered ? "No entries match these filters" : "Nothing recorded yet"}>
          {filtered ? (
            <Link className="underline" href={`/settings/audit?brand=${encodeURIComponent(membership.slug)}`}>
              Clear the filters
            </Link>
          ) : (
            "Changes to conversations, rules and settings of this brand appear here as people make them."
          )}
        </EmptyState>
      ) : (
        <Table caption="Audit entries">
          <thead>
            <tr>
              <Th>When</Th>
              <Th>Who</Th>
              <Th>Action</Th>
              <Th>Object</Th>
              <Th>Changes</Th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <AuditRow key={entry.id} entry={entry} brandSlug={membership.slug} timeZone={membership.timezone} />
            ))}
          </tbody>
        </Table>
      )}
      <nav aria-label="Audit pages" className="flex gap-3">
        {filters.cursor && (
          <Link className="rounded-md border border-zinc-300 px-3 py-1.5 dark:border-zinc-700" href={href(membership.slug, filters, { cursor: undefined })}>
            ← Newest
          </Link>
        )}
        {nextCursor && (
          <Link className="rounded-md border border-zinc-300 px-3 py-1.5 dark:border-zinc-700" href={href(membership.slug, filters, { cursor: nextCursor })} rel="next">
            Older entries →
          </Link>
        )}
      </nav>
    </section>
  );
}
