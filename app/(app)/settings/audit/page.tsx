import { buttonClass } from "@/app/_components/ui/button";
import type { Metadata } from "next";
import Link from "next/link";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/brand-context";
import { auditFacets, auditFiltersSchema, listAudit, type AuditFilters } from "@/lib/audit/query";
import { NoAccess } from "@/app/_components/no-access";
import { EmptyState, Table, Th } from "@/app/_components/ui/table";
import { AuditFilterForm } from "./filter-form";
import { AuditRow } from "./audit-row";
import { translator } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator((await requirePageUser()).locale)("settings.audit") };
}

type Search = Record<string, string | string[] | undefined>;

function href(brand: string, filters: AuditFilters, patch: Partial<AuditFilters>): string {
  const params = new URLSearchParams({ brand });
  for (const [key, value] of Object.entries({ ...filters, ...patch })) if (value) params.set(key, value);
  return `/settings/audit?${params.toString()}`;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser();
  const t = translator(user.locale);
  const search = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const membership = pageMembership({ user, slug: first(search.brand) });
  if (!hasRole(membership, "admin")) return <NoAccess what={t("audit.noAccess")} />;
  const filters = auditFiltersSchema.parse(Object.fromEntries(Object.entries(search).map(([k, v]) => [k, first(v)])));
  const [{ entries, nextCursor }, facets] = await Promise.all([
    listAudit({ brandId: membership.brandId, timeZone: membership.timezone, filters }),
    auditFacets({ brandId: membership.brandId }),
  ]);
  const filtered = Object.entries(filters).some(([k, v]) => k !== "cursor" && v);
  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <div>
        <h1 id="audit-heading" className="text-lg font-semibold">
          {t("audit.title", { brand: membership.name })}
        </h1>
        <p className="text-zinc-500">{t("audit.intro", { timezone: membership.timezone })}</p>
      </div>
      <AuditFilterForm brand={membership.slug} filters={filters} facets={facets} locale={user.locale} />
      {entries.length === 0 ? (
        <EmptyState title={filtered ? t("audit.noMatches") : t("audit.empty")}>
          {filtered ? (
            <Link className="underline" href={`/settings/audit?brand=${encodeURIComponent(membership.slug)}`}>
              {t("audit.clearFilters")}
            </Link>
          ) : (
            t("audit.emptyHint")
          )}
        </EmptyState>
      ) : (
        <Table caption={t("audit.entries")}>
          <thead>
            <tr>
              <Th>{t("audit.when")}</Th>
              <Th>{t("audit.who")}</Th>
              <Th>{t("audit.action")}</Th>
              <Th>{t("audit.object")}</Th>
              <Th>{t("audit.changes")}</Th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <AuditRow key={entry.id} entry={entry} brandSlug={membership.slug} timeZone={membership.timezone} locale={user.locale} />
            ))}
          </tbody>
        </Table>
      )}
      <nav aria-label={t("audit.pages")} className="flex gap-3">
        {filters.cursor && (
          <Link className={buttonClass({ variant: "secondary" })} href={href(membership.slug, filters, { cursor: undefined })}>
            {t("audit.newest")}
          </Link>
        )}
        {nextCursor && (
          <Link className={buttonClass({ variant: "secondary" })} href={href(membership.slug, filters, { cursor: nextCursor })} rel="next">
            {t("audit.older")}
          </Link>
        )}
      </nav>
    </section>
  );
}
