import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/brand-context";
import { requireBrandBySlug } from "@/lib/brands/brands";
import { NoAccess } from "@/app/_components/no-access";
import { CreateBrandForm, EditBrandForm } from "./brand-forms.client";

export const metadata: Metadata = { title: "Brands" };

export default async function BrandsSettings({ searchParams }: { searchParams: Promise<{ brand?: string }> }) {
  const user = await requirePageUser();
  const membership = pageMembership({ user, slug: (await searchParams).brand });
  if (!hasRole(membership, "admin")) return <NoAccess what="Brand settings are for admins." />;
  const brand = requireBrandBySlug({ db: getDb(), slug: membership.slug });
  const timezones = Intl.supportedValuesOf("timeZone");
  return (
    <div className="space-y-10">
      <section aria-labelledby="brand-heading" className="space-y-3">
        <h1 id="brand-heading" className="text-lg font-semibold">
          {brand.name}
        </h1>
        <EditBrandForm brand={{ id: brand.id, name: brand.name, slug: brand.slug, timezone: brand.timezone, publicStatus: brand.publicStatus, retrainEveryHours: brand.retrainEveryHours, autoAssign: brand.autoAssign }} timezones={timezones} />
      </section>
      <section aria-labelledby="new-brand-heading" className="space-y-3">
        <h2 id="new-brand-heading" className="text-base font-semibold">
          New brand
        </h2>
        <p className="text-zinc-500">Every brand gets an API channel and a one-hour, 24/7 first-response policy.</p>
        <CreateBrandForm timezones={timezones} />
      </section>
    </div>
  );
}
