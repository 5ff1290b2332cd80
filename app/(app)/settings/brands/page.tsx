import type { Metadata } from "next";
import { pageMembership, requirePageUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/brand-context";
import { requireBrandBySlug } from "@/lib/brands/brands";
import { NoAccess } from "@/app/_components/no-access";
import { translator } from "@/lib/i18n/messages";
import { CreateBrandForm, EditBrandForm } from "./brand-forms.client";
import { RetentionForm } from "./retention-form.client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator((await requirePageUser()).locale)("settings.brands") };
}

export default async function BrandsSettings({ searchParams }: { searchParams: Promise<{ brand?: string }> }) {
  const user = await requirePageUser();
  const t = translator(user.locale);
  const membership = pageMembership({ user, slug: (await searchParams).brand });
  if (!hasRole(membership, "admin")) return <NoAccess what={t("brands.noAccess")} />;
  const brand = await requireBrandBySlug({ slug: membership.slug });
  const timezones = Intl.supportedValuesOf("timeZone");
  return (
    <div className="space-y-10">
      <section aria-labelledby="brand-heading" className="space-y-3">
        <h1 id="brand-heading" className="text-lg font-semibold">
          {brand.name}
        </h1>
        <EditBrandForm brand={{ id: brand.id, name: brand.name, slug: brand.slug, timezone: brand.timezone, publicStatus: brand.publicStatus, retrainEveryHours: brand.retrainEveryHours, autoAssign: brand.autoAssign }} timezones={timezones} />
      </section>
      <section aria-labelledby="retention-heading" className="space-y-3">
        <h2 id="retention-heading" className="text-base font-semibold">
          {t("retention.title")}
        </h2>
        <p className="max-w-prose text-zinc-500">{t("retention.intro")}</p>
        <RetentionForm brandId={brand.id} months={brand.retentionMonths} />
      </section>
      <section aria-labelledby="new-brand-heading" className="space-y-3">
        <h2 id="new-brand-heading" className="text-base font-semibold">
          {t("brands.new")}
        </h2>
        <p className="text-zinc-500">{t("brands.newIntro")}</p>
        <CreateBrandForm timezones={timezones} />
      </section>
    </div>
  );
}
